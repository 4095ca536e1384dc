import { describe, expect, it } from "vitest";
import { errors } from "../../kube/errors";
import type { KubeObject } from "../../kube/types";
import { ClientEventRecorder } from "./events";
import { FakeObjectClient } from "./fake-client";
import { FakeClock } from "./fake-clock";

const binding: KubeObject = {
  apiVersion: "work.karmada.io/v1alpha2",
  kind: "ResourceBinding",
  metadata: { name: "web-deployment", namespace: "default", uid: "u-1", resourceVersion: "7" },
};
const cluster: KubeObject = { apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name: "member1", uid: "u-2" } };

function setup(extra: Partial<ConstructorParameters<typeof ClientEventRecorder>[0]> = {}) {
  const clock = new FakeClock(Date.UTC(2025, 0, 1, 12, 0, 0));
  const client = new FakeObjectClient({ clock });
  const rec = new ClientEventRecorder({ client, clock, component: "binding-controller", host: "flotilla-0", ...extra });
  const events = async () => (await client.list("v1", "Event")).items as (KubeObject & Record<string, unknown>)[];
  return { clock, client, rec, events };
}

describe("ClientEventRecorder", () => {
  it("writes a core/v1 Event with the involved object, source and timestamps", async () => {
    const { rec, events } = setup();
    rec.event(binding, "Warning", "ScheduleBindingFailed", "0/3 clusters are available");
    await rec.flush();
    const [ev] = await events();
    expect(ev).toMatchObject({
      metadata: { namespace: "default" },
      involvedObject: { kind: "ResourceBinding", apiVersion: "work.karmada.io/v1alpha2", namespace: "default", name: "web-deployment", uid: "u-1", resourceVersion: "7" },
      type: "Warning",
      reason: "ScheduleBindingFailed",
      message: "0/3 clusters are available",
      source: { component: "binding-controller", host: "flotilla-0" },
      count: 1,
      firstTimestamp: "2025-01-01T12:00:00Z",
      lastTimestamp: "2025-01-01T12:00:00Z",
      eventTime: "2025-01-01T12:00:00.000000Z",
    });
    expect(ev.metadata.name).toMatch(/^web-deployment\.[0-9a-f]+$/);
  });

  it("aggregates identical events within the window into one with a count", async () => {
    const { rec, events, clock } = setup();
    rec.event(binding, "Normal", "SyncSucceed", "ok");
    await rec.flush();
    await clock.advance(60_000);
    rec.event(binding, "Normal", "SyncSucceed", "ok");
    rec.event(binding, "Normal", "SyncSucceed", "ok");
    await rec.flush();
    const list = await events();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ count: 3, firstTimestamp: "2025-01-01T12:00:00Z", lastTimestamp: "2025-01-01T12:01:00Z" });
    expect(rec.stats).toMatchObject({ created: 1, aggregated: 2 });
  });

  it("starts a new Event for a different message or after the window", async () => {
    const { rec, events, clock } = setup({ aggregateWindowMs: 1000 });
    rec.event(binding, "Normal", "SyncSucceed", "ok");
    rec.event(binding, "Normal", "SyncSucceed", "other");
    await rec.flush();
    await clock.advance(2000);
    rec.event(binding, "Normal", "SyncSucceed", "ok");
    await rec.flush();
    expect(await events()).toHaveLength(3);
  });

  it("puts events about cluster-scoped objects in the default namespace", async () => {
    const { rec, events } = setup();
    rec.event(cluster, "Normal", "CreateExecutionSpaceSucceed", "created");
    await rec.flush();
    const [ev] = await events();
    expect(ev.metadata.namespace).toBe("default");
    expect(ev.involvedObject).not.toHaveProperty("namespace");
  });

  it("rate-limits per object with a token bucket", async () => {
    const { rec, events, clock } = setup({ burst: 2, refillMs: 1000 });
    for (let i = 0; i < 5; i++) rec.event(binding, "Normal", "R", `m${i}`);
    rec.event(cluster, "Normal", "R", "other object");
    await rec.flush();
    expect(await events()).toHaveLength(3);
    expect(rec.stats.dropped).toBe(3);
    await clock.advance(1000);
    rec.event(binding, "Normal", "R", "later");
    await rec.flush();
    expect(await events()).toHaveLength(4);
  });

  it("never throws when the API fails, and recovers afterwards", async () => {
    const { rec, client, events } = setup();
    let fail = true;
    client.prependReactor((verb) => {
      if (fail && verb === "create") throw errors.internal("store down");
    });
    expect(() => rec.event(binding, "Warning", "R", "m")).not.toThrow();
    await rec.flush();
    expect(rec.stats.failed).toBe(1);
    fail = false;
    rec.event(binding, "Warning", "R", "m2");
    await rec.flush();
    expect(await events()).toHaveLength(1);
  });

  it("creates a fresh Event when the aggregated one was deleted", async () => {
    const { rec, client, events } = setup();
    rec.event(binding, "Normal", "R", "m");
    await rec.flush();
    const [ev] = await events();
    await client.delete({ apiVersion: "v1", kind: "Event", namespace: "default", name: ev.metadata.name! });
    rec.event(binding, "Normal", "R", "m");
    await rec.flush();
    const list = await events();
    expect(list).toHaveLength(1);
    expect(list[0].count).toBe(1);
  });

  it("coalesces identical events queued behind one write into a single count bump", async () => {
    const { rec, events } = setup();
    for (let i = 0; i < 5; i++) rec.event(binding, "Normal", "SyncSucceed", "ok");
    await rec.flush();
    const list = await events();
    expect(list).toHaveLength(1);
    expect(list[0].count).toBe(5);
    expect(rec.stats).toMatchObject({ created: 1, aggregated: 4 });
  });

  it("writes events about different objects concurrently, at most `concurrency` at once", async () => {
    const { client, rec, events } = setup({ concurrency: 3 });
    let inFlight = 0;
    let peak = 0;
    const create = client.create.bind(client);
    client.create = (async (obj: KubeObject, opts?: unknown) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      try {
        return await create(obj, opts as never);
      } finally {
        inFlight--;
      }
    }) as typeof client.create;
    for (let i = 0; i < 10; i++) rec.event({ ...binding, metadata: { ...binding.metadata, name: `b-${i}`, uid: `u-${i}` } }, "Normal", "R", "m");
    await rec.flush();
    expect(await events()).toHaveLength(10);
    expect(peak).toBe(3);
  });

  it("drops events beyond maxPending instead of growing without bound", async () => {
    const { rec, events } = setup({ maxPending: 2 });
    for (let i = 0; i < 5; i++) rec.event({ ...binding, metadata: { ...binding.metadata, name: `b-${i}`, uid: `u-${i}` } }, "Normal", "R", "m");
    await rec.flush();
    expect(await events()).toHaveLength(2);
    expect(rec.stats.dropped).toBe(3);
  });
});
