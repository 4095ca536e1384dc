import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kube/types";
import { eventComponentOf } from "./event-components";
import { defineController } from "./runtime/controller";
import { FakeObjectClient } from "./runtime/fake-client";
import { FakeClock, flushMicrotasks } from "./runtime/fake-clock";
import { Manager } from "./runtime/manager";

describe("eventComponentOf", () => {
  it.each([
    ["binding", "binding-controller"],
    ["cluster-resource-binding", "cluster-resource-binding-controller"],
    ["execution", "execution-controller"],
    ["agent-execution", "execution-controller"],
    ["work-status", "work-status-controller"],
    ["binding-status", "resource-binding-status-controller"],
    ["cluster-resource-binding-status", "cluster-resource-binding-status-controller"],
    ["detector", "resource-detector"],
    ["scheduler", "default-scheduler"],
    ["cluster-controller", "cluster-controller"],
    ["something-new", "something-new"],
  ])("%s records as %s (Karmada's recorder name)", (controller, component) => {
    expect(eventComponentOf(controller)).toBe(component);
  });

  it("is the source of the Events a Manager's controllers record", async () => {
    const clock = new FakeClock(0);
    const cm: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a", namespace: "ns", uid: "u1" } };
    const client = new FakeObjectClient({ clock, objects: [cm] });
    const mgr = new Manager({
      client,
      clock,
      eventComponent: eventComponentOf,
      controllers: {
        binding: ({ events }) =>
          defineController({
            name: "binding",
            watches: [{ apiVersion: "v1", kind: "ConfigMap" }],
            reconcile: async () => events.event(cm, "Normal", "SyncWorkSucceed", "done"),
          }),
      },
    });
    await mgr.start();
    try {
      for (let i = 0; i < 20 && !(await client.list("v1", "Event", { namespace: "ns" })).items.length; i++) {
        await clock.advance(1000);
        await flushMicrotasks();
      }
      const [ev] = (await client.list<KubeObject & { source?: { component?: string } }>("v1", "Event", { namespace: "ns" })).items;
      expect(ev?.source?.component).toBe("binding-controller");
    } finally {
      await mgr.stop();
    }
  });
});
