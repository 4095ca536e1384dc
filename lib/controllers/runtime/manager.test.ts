import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../kube/types";
import { defineController } from "./controller";
import { FakeObjectClient } from "./fake-client";
import { FakeClock, flushMicrotasks } from "./fake-clock";
import { runWhileLeading } from "./leader-election";
import { isControllerEnabled, Manager, type ControllerSetup } from "./manager";
import { MemoryLeaseStore } from "./memory-lease-store";

const cm = (name: string): KubeObject => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "ns" } });

function counting(seen: string[], tag: string): ControllerSetup {
  return () =>
    defineController({
      name: tag,
      watches: [{ apiVersion: "v1", kind: "ConfigMap" }],
      reconcile: async (req) => {
        seen.push(`${tag}:${req.name}`);
      },
    });
}

describe("isControllerEnabled", () => {
  it.each([
    { flags: ["*"], name: "binding", on: true },
    { flags: ["*", "-binding"], name: "binding", on: false },
    { flags: ["execution"], name: "binding", on: false },
    { flags: ["execution", "binding"], name: "binding", on: true },
    { flags: [], name: "binding", on: false },
  ])("$flags → $name on=$on", ({ flags, name, on }) => {
    expect(isControllerEnabled(name, flags)).toBe(on);
  });
});

describe("Manager", () => {
  it("runs only enabled controllers over one shared informer per kind, and stops them", async () => {
    const clock = new FakeClock();
    const client = new FakeObjectClient({ clock, objects: [cm("a")] });
    let watches = 0;
    client.prependReactor((verb) => {
      if (verb === "watch") watches++;
    });
    const seen: string[] = [];
    const mgr = new Manager({ client, clock, controllers: { one: counting(seen, "one"), two: counting(seen, "two"), three: counting(seen, "three") }, enabled: ["*", "-three"] });
    expect(mgr.enabledControllers()).toEqual(["one", "two"]);
    await mgr.start();
    await flushMicrotasks();
    expect(seen.sort()).toEqual(["one:a", "two:a"]);
    expect(watches).toBe(1);
    expect(mgr.metrics().map((m) => m.name)).toEqual(["one", "two"]);
    await mgr.stop();
    expect(mgr.isRunning).toBe(false);
    expect(client.openWatches).toBe(0);
    await client.create(cm("b"));
    await flushMicrotasks();
    expect(seen).toHaveLength(2);
  });

  it("runs controllers only on the leader and moves them on hand-over", async () => {
    const clock = new FakeClock(0);
    const client = new FakeObjectClient({ clock, objects: [cm("a")] });
    const store = new MemoryLeaseStore(clock);
    const seen: string[] = [];
    const replica = (id: string) => {
      const mgr = new Manager({ client, clock, controllers: { [id]: counting(seen, id) } });
      const stop = new AbortController();
      const { elector, done } = runWhileLeading({ manager: mgr, store, name: "ctl", identity: id, clock, leaseDurationMs: 15_000, retryPeriodMs: 1_000 }, stop.signal);
      return { mgr, elector, stop, done };
    };
    const a = replica("a");
    await flushMicrotasks();
    const b = replica("b");
    await flushMicrotasks();
    expect(a.mgr.isRunning).toBe(true);
    expect(b.mgr.isRunning).toBe(false);
    expect(seen).toEqual(["a:a"]);
    a.stop.abort();
    await a.done;
    expect(a.mgr.isRunning).toBe(false);
    await clock.advance(1_000);
    expect(b.mgr.isRunning).toBe(true);
    expect(seen).toEqual(["a:a", "b:a"]);
    b.stop.abort();
    await b.done;
  });
});
