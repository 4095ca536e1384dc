import { afterEach, describe, expect, it } from "vitest";
import type { ResourceBinding } from "../../kube/karmada";
import { ANNOTATION_APPLIED_PLACEMENT, CLUSTER_API_VERSION, WORK_V1ALPHA2 } from "../../kube/karmada";
import { createTestEnv, type TestEnv } from "../runtime/test-env";
import { ExplanationStore } from "./explanation-store";
import { EVENT_SCHEDULE_FAILED, EVENT_SCHEDULE_SUCCEED, reconcileBinding, SchedulingFailed, UNSCHEDULABLE_RETRY_MS } from "./scheduler-controller";
import { binding, cluster, DYNAMIC, STATIC_1_2 } from "./test-fixtures";
import type { KubeObject } from "../../kube/types";

const WATCHES = [
  { apiVersion: WORK_V1ALPHA2, kind: "ResourceBinding" },
  { apiVersion: WORK_V1ALPHA2, kind: "ClusterResourceBinding" },
  { apiVersion: CLUSTER_API_VERSION, kind: "Cluster" },
];

let env: TestEnv;
let store: ExplanationStore;
afterEach(async () => env?.stop());

async function setup(objects: KubeObject[]) {
  env = await createTestEnv({ objects, watches: WATCHES });
  store = new ExplanationStore();
}

async function run(name = "web", namespace: string | null = "default") {
  const out = await reconcileBinding({ namespace: namespace ?? undefined, name }, { client: env.client, informers: env.informers, events: env.events, clock: env.clock }, { explanations: store });
  await env.settle();
  return out;
}

async function stored(name = "web"): Promise<ResourceBinding> {
  return (await env.client.get<ResourceBinding>(WORK_V1ALPHA2, "ResourceBinding", "default", name))!;
}

describe("scheduler controller reconcile", () => {
  it("static weights 1:2 over two clusters for 6 replicas give 2 and 4, Scheduled=True", async () => {
    await setup([cluster("member1"), cluster("member2"), binding("web", STATIC_1_2)]);
    expect(await run()).toBeUndefined();
    const b = await stored();
    expect(b.spec.clusters).toEqual([{ name: "member1", replicas: 2 }, { name: "member2", replicas: 4 }]);
    expect(JSON.parse(b.metadata.annotations![ANNOTATION_APPLIED_PLACEMENT])).toEqual(STATIC_1_2);
    const cond = b.status!.conditions!.find((c) => c.type === "Scheduled")!;
    expect(cond).toMatchObject({ status: "True", reason: "Success", message: "Binding has been scheduled successfully." });
    expect(b.status!.schedulerObservedGeneration).toBe(b.metadata.generation);
    expect(b.status!.lastScheduledTime).toBe("2025-01-01T00:00:00Z");
    expect(env.events.events.map((e) => [e.kind, e.reason, e.message])).toEqual([
      ["ResourceBinding", EVENT_SCHEDULE_SUCCEED, "Binding has been scheduled successfully. Result: {member1:2, member2:4}"],
      ["Deployment", EVENT_SCHEDULE_SUCCEED, "Binding has been scheduled successfully. Result: {member1:2, member2:4}"],
    ]);
    expect(store.get("ResourceBinding", "default", "web")).toMatchObject({ trigger: "placement changed", clusters: b.spec.clusters });
  });

  it("a deleting binding is skipped with Karmada's ScheduleBindingFailed on binding and template", async () => {
    const b = binding("web", STATIC_1_2);
    b.metadata.finalizers = ["karmada.io/binding-controller"];
    await setup([cluster("member1"), b]);
    await env.client.delete({ apiVersion: WORK_V1ALPHA2, kind: "ResourceBinding", namespace: "default", name: "web" });
    await env.settle();
    env.client.resetWrites();
    expect(await run()).toBeUndefined();
    expect(env.client.writes).toEqual([]);
    expect(env.events.events.map((e) => [e.kind, e.type, e.reason, e.message])).toEqual([
      ["ResourceBinding", "Warning", EVENT_SCHEDULE_FAILED, "skip schedule deleting resourceBinding: default/web"],
      ["Deployment", "Warning", EVENT_SCHEDULE_FAILED, "skip schedule deleting resourceBinding: default/web"],
    ]);
  });

  it("is idempotent: a Divided binding already scheduled writes nothing on the next run", async () => {
    await setup([cluster("member1"), cluster("member2"), binding("web", STATIC_1_2)]);
    await run();
    env.client.resetWrites();
    await run();
    expect(env.client.writes).toEqual([]);
  });

  it("a Duplicated binding re-evaluated to the same result writes nothing and records no Event", async () => {
    await setup([cluster("member1"), cluster("member2"), binding("web", { clusterAffinity: { clusterNames: ["member1"] } })]);
    await run();
    const first = await stored();
    env.client.resetWrites();
    env.events.events.length = 0;
    await env.clock.advance(60_000);
    await run();
    expect(env.client.writes).toEqual([]);
    expect(env.events.events).toEqual([]);
    expect((await stored()).status!.lastScheduledTime).toBe(first.status!.lastScheduledTime);
    // The record of the scheduling that decided stays.
    expect(store.get("ResourceBinding", "default", "web")).toMatchObject({ trigger: "placement changed", scheduledAt: first.status!.lastScheduledTime!.replace("Z", ".000Z") });
  });

  it("a triggered reschedule with the same result still stamps lastScheduledTime (else it stays triggered)", async () => {
    await setup([cluster("member1"), cluster("member2"), binding("web", { clusterAffinity: { clusterNames: ["member1"] } })]);
    await run();
    await env.clock.advance(60_000);
    const b = await stored();
    b.spec.rescheduleTriggeredAt = new Date(env.clock.now() - 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
    await env.client.update(b);
    // Generation already observed: only the trigger asks for the stamp.
    const bumped = await stored();
    bumped.status!.schedulerObservedGeneration = bumped.metadata.generation;
    await env.client.updateStatus(bumped);
    await env.settle();
    env.client.resetWrites();
    await run();
    expect(env.client.writes.map((w) => w.verb)).toEqual(["patch"]);
    expect((await stored()).status!.lastScheduledTime).toBe("2025-01-01T00:01:00Z");
  });

  it("puts the fit summary in the condition when clusters were excluded", async () => {
    const placement = { clusterAffinity: { clusterNames: ["member1"] } };
    await setup([cluster("member1"), cluster("member2"), binding("web", placement)]);
    await run();
    const cond = (await stored()).status!.conditions![0];
    expect(cond.message).toBe("Binding has been scheduled successfully. 1/2 clusters fit: member2 excluded by affinity");
    expect((await stored()).spec.clusters).toEqual([{ name: "member1", replicas: 6 }]);
  });

  it("the fit summary lists clusters by name, not by the cache's insertion order (stable across restarts)", async () => {
    await setup([cluster("member1"), binding("web", { clusterAffinity: { clusterNames: ["member1"] } })]);
    // Registered later, in this order: the cache holds member1, member3, member2.
    await env.client.create(cluster("member3"));
    await env.client.create(cluster("member2"));
    await env.settle();
    await run();
    expect((await stored()).status!.conditions![0].message).toBe("Binding has been scheduled successfully. 1/3 clusters fit: member2 excluded by affinity, member3 excluded by affinity");
  });

  it("NoClusterFit empties spec.clusters, sets the reason and does not retry", async () => {
    const b = binding("web", { clusterAffinity: { clusterNames: ["nowhere"] } });
    b.spec.clusters = [{ name: "member1", replicas: 6 }];
    await setup([cluster("member1"), b]);
    expect(await run()).toBeUndefined();
    const after = await stored();
    expect(after.spec.clusters).toBeUndefined();
    expect(after.status!.conditions![0]).toMatchObject({ status: "False", reason: "NoClusterFit" });
    expect(after.status!.conditions![0].message).toMatch(/^0\/1 clusters are available: 1 cluster\(s\) did not match the placement cluster affinity constraint\.$/);
    expect(after.status!.schedulerObservedGeneration).toBeUndefined();
    expect(env.events.events[0]).toMatchObject({ type: "Warning", reason: EVENT_SCHEDULE_FAILED });
  });

  it("Unschedulable keeps the previous result and waits in the unschedulable queue", async () => {
    const b = binding("web", DYNAMIC, { replicas: 10, cpu: "1" });
    b.spec.clusters = [{ name: "member1", replicas: 2 }];
    await setup([cluster("member1", { cpu: "2" }), cluster("member2", { cpu: "3" }), b]);
    expect(await run()).toEqual({ requeueAfterMs: UNSCHEDULABLE_RETRY_MS });
    const after = await stored();
    expect(after.spec.clusters).toEqual([{ name: "member1", replicas: 2 }]);
    expect(after.metadata.annotations?.[ANNOTATION_APPLIED_PLACEMENT]).toBeUndefined();
    expect(after.status!.conditions![0]).toMatchObject({ status: "False", reason: "Unschedulable" });
    expect(after.status!.conditions![0].message).toContain("are not enough to schedule");
  });

  it("dynamic weights follow free capacity", async () => {
    await setup([cluster("member1", { cpu: "6" }), cluster("member2", { cpu: "8" }), cluster("member3", { cpu: "10" }), binding("web", DYNAMIC, { replicas: 12, cpu: "1" })]);
    await run();
    expect((await stored()).spec.clusters).toEqual([{ name: "member1", replicas: 3 }, { name: "member2", replicas: 4 }, { name: "member3", replicas: 5 }]);
  });

  it("a NoSchedule-tainted cluster gets nothing until the placement tolerates it", async () => {
    const taints = [{ key: "cluster.karmada.io/not-ready", effect: "NoSchedule" as const }];
    await setup([cluster("member1"), cluster("member2", { taints }), binding("web", STATIC_1_2)]);
    await run();
    expect((await stored()).spec.clusters).toEqual([{ name: "member1", replicas: 6 }]);
    const b = await stored();
    b.spec.placement = { ...STATIC_1_2, clusterTolerations: [{ key: "cluster.karmada.io/not-ready", operator: "Exists", effect: "NoSchedule" }] };
    await env.client.update(b);
    await env.settle();
    await run();
    expect((await stored()).spec.clusters).toEqual([{ name: "member1", replicas: 2 }, { name: "member2", replicas: 4 }]);
  });

  it("only bumps schedulerObservedGeneration when no rescheduling is needed", async () => {
    await setup([cluster("member1"), cluster("member2"), binding("web", STATIC_1_2)]);
    await run();
    const b = await stored();
    b.spec.propagateDeps = true;
    await env.client.update(b);
    await env.settle();
    env.client.resetWrites();
    await run();
    expect(env.client.writes.map((w) => w.verb)).toEqual(["patch"]);
    const after = await stored();
    expect(after.status!.schedulerObservedGeneration).toBe(after.metadata.generation);
  });

  it("skips bindings of another scheduler and suspended ones", async () => {
    const other = binding("web", STATIC_1_2);
    other.spec.schedulerName = "custom";
    const paused = binding("paused", STATIC_1_2);
    paused.spec.suspension = { scheduling: true };
    await setup([cluster("member1"), other, paused]);
    await run("web");
    await run("paused");
    expect(env.client.writes).toEqual([]);
  });

  it("schedules ClusterResourceBindings by their cluster-scoped key", async () => {
    const crb = { ...binding("cfg", {}, { replicas: 0 }), kind: "ClusterResourceBinding" as const };
    delete crb.metadata.namespace;
    await setup([cluster("member1"), cluster("member2"), crb]);
    await run("cfg", null);
    const after = (await env.client.get<ResourceBinding>(WORK_V1ALPHA2, "ClusterResourceBinding", undefined, "cfg"))!;
    expect(after.spec.clusters).toEqual([{ name: "member1" }, { name: "member2" }]);
    expect(env.events.events[0].message).toBe("Binding has been scheduled successfully. Result {member1:0, member2:0}");
  });

  it("retries scheduler errors with backoff", async () => {
    const placement = { spreadConstraints: [{ spreadByField: "cluster" as const, minGroups: 3, maxGroups: 3 }] };
    await setup([cluster("member1"), cluster("member2"), binding("web", placement)]);
    await expect(run()).rejects.toBeInstanceOf(SchedulingFailed);
    expect((await stored()).status!.conditions![0]).toMatchObject({ status: "False", reason: "SchedulerError" });
  });

  it("forgets the explanation of a deleted binding", async () => {
    await setup([cluster("member1"), binding("web", STATIC_1_2)]);
    await run();
    expect(store.size).toBe(1);
    await env.client.delete({ apiVersion: WORK_V1ALPHA2, kind: "ResourceBinding", namespace: "default", name: "web" });
    await env.settle();
    await run();
    expect(store.size).toBe(0);
  });
});

describe("own-write echoes", () => {
  it("expects the generation its spec patch produces, and forgets it when the patch fails", async () => {
    await setup([cluster("member1"), cluster("member2"), binding("web", STATIC_1_2)]);
    const { OwnWrites } = await import("./scheduler-controller");
    const own = new OwnWrites();
    const before = (await stored()).metadata.generation ?? 0;
    await reconcileBinding({ namespace: "default", name: "web" }, { client: env.client, informers: env.informers, events: env.events, clock: env.clock }, { explanations: store, ownWrites: own });
    const after = (await stored()).metadata.generation;
    expect(after).toBe(before + 1);
    const key = OwnWrites.key("ResourceBinding", "default", "web");
    expect(own.isEcho(key, after)).toBe(true);
    // Once only, and never for another generation.
    expect(own.isEcho(key, after)).toBe(false);
    own.expect(key, 7);
    expect(own.isEcho(key, 8)).toBe(false);
    own.forget(key);
    expect(own.isEcho(key, 7)).toBe(false);
  });
});
