import { afterEach, describe, expect, it } from "vitest";
import type { Cluster, ResourceBinding, Taint } from "../../kube/karmada";
import { CLUSTER_API_VERSION, WORK_V1ALPHA2 } from "../../kube/karmada";
import { createTestEnv, type TestEnv } from "../runtime/test-env";
import { noopLogger } from "../runtime/log";
import { ExplanationStore } from "../scheduler/explanation-store";
import { reconcileBinding } from "../scheduler/scheduler-controller";
import { binding, cluster, STATIC_1_2 } from "../scheduler/test-fixtures";
import { gracefulEvictCluster } from "./evict";
import { assessEvictionTasks } from "./eviction-tasks";
import { desiredNoExecuteTaint, noExecuteTaintController, withNoExecuteTaint } from "./no-execute-taints";
import { gracefulEvictionController } from "./graceful-eviction";
import { EVENT_EVICT_SUCCEED, purgeModeFor, taintManagerController } from "./taint-manager";
import { evictionDecision } from "./taints";

const T0 = Date.UTC(2025, 0, 1);
const noExec = (key: string, addedAgoS = 0): Taint => ({ key, effect: "NoExecute", timeAdded: new Date(T0 - addedAgoS * 1000).toISOString() });
const withTaints = (...taints: Taint[]): Cluster => ({ ...cluster("m"), spec: { syncMode: "Push", taints } });

describe("evictionDecision", () => {
  const cases: [string, Cluster, Parameters<typeof evictionDecision>[1], { evict: boolean; afterMs: number }][] = [
    ["no NoExecute taint", withTaints({ key: "a", effect: "NoSchedule" }), {}, { evict: false, afterMs: -1 }],
    ["untolerated", withTaints(noExec("a")), {}, { evict: true, afterMs: 0 }],
    ["tolerated forever", withTaints(noExec("a")), { clusterTolerations: [{ key: "a", operator: "Exists" }] }, { evict: false, afterMs: -1 }],
    ["tolerated for 30s, added 10s ago", withTaints(noExec("a", 10)), { clusterTolerations: [{ key: "a", operator: "Exists", effect: "NoExecute", tolerationSeconds: 30 }] }, { evict: false, afterMs: 20_000 }],
    ["toleration expired", withTaints(noExec("a", 40)), { clusterTolerations: [{ key: "a", operator: "Exists", tolerationSeconds: 30 }] }, { evict: true, afterMs: 0 }],
    ["one of two taints untolerated", withTaints(noExec("a"), noExec("b")), { clusterTolerations: [{ key: "a", operator: "Exists" }] }, { evict: true, afterMs: 0 }],
    ["value must equal with Equal", withTaints({ ...noExec("a"), value: "x" }), { clusterTolerations: [{ key: "a", operator: "Equal", value: "y" }] }, { evict: true, afterMs: 0 }],
    // An empty operator is Equal (corev1.Toleration.ToleratesTaint); the taint manager had read it as tolerating nothing.
    ["empty operator means Equal", withTaints({ ...noExec("a"), value: "x" }), { clusterTolerations: [{ key: "a", operator: "" as never, value: "x" }] }, { evict: false, afterMs: -1 }],
    ["smallest tolerationSeconds wins", withTaints(noExec("a"), noExec("b")), { clusterTolerations: [{ key: "a", operator: "Exists", tolerationSeconds: 50 }, { key: "b", operator: "Exists", tolerationSeconds: 5 }] }, { evict: false, afterMs: 5_000 }],
  ];
  it.each(cases)("%s", (_, c, placement, want) => expect(evictionDecision(c, placement, T0)).toMatchObject(want));
});

describe("gracefulEvictCluster / purge mode", () => {
  const spec = binding("web", STATIC_1_2).spec;
  spec.clusters = [{ name: "a", replicas: 2 }, { name: "b", replicas: 4 }];
  it("removes the cluster and records a task with its replicas, once", () => {
    const opts = { purgeMode: "Gracefully" as const, reason: "TaintUntolerated", producer: "TaintManager" };
    const next = gracefulEvictCluster(spec, "b", opts)!;
    expect(next.clusters).toEqual([{ name: "a", replicas: 2 }]);
    expect(next.gracefulEvictionTasks).toEqual([{ fromCluster: "b", purgeMode: "Gracefully", reason: "TaintUntolerated", producer: "TaintManager", replicas: 4 }]);
    expect(gracefulEvictCluster({ ...next, clusters: [...next.clusters!, { name: "b", replicas: 1 }] }, "b", opts)!.gracefulEvictionTasks).toHaveLength(1);
    expect(gracefulEvictCluster(spec, "zzz", opts)).toBeUndefined();
  });
  it.each([
    [undefined, undefined, "Gracefully"],
    [undefined, "Directly", "Directly"],
    [{ cluster: {} }, "Directly", "Gracefully"],
    [{ cluster: { purgeMode: "Directly" as const } }, undefined, "Directly"],
  ])("purge mode for %j with flag %s is %s", (failover, flag, want) => expect(purgeModeFor(failover, flag as "Directly" | undefined)).toBe(want));
});

describe("assessEvictionTasks", () => {
  const base = (): ResourceBinding => {
    const b = binding("web", STATIC_1_2);
    b.metadata.generation = 3;
    b.spec.clusters = [{ name: "a", replicas: 6 }];
    b.status = { schedulerObservedGeneration: 3, conditions: [{ type: "Scheduled", status: "True", reason: "Success", message: "", lastTransitionTime: "" }] };
    return b;
  };
  const task = (extra: object = {}) => ({ fromCluster: "b", reason: "TaintUntolerated", producer: "TaintManager", creationTimestamp: new Date(T0 - 60_000).toISOString().replace(/\.\d+Z/, "Z"), ...extra });
  it("stamps new tasks", () => {
    const b = base();
    b.spec.gracefulEvictionTasks = [{ fromCluster: "b", reason: "x", producer: "y" }];
    const a = assessEvictionTasks(b, T0);
    expect(a.kept[0].creationTimestamp).toBe("2025-01-01T00:00:00Z");
    expect(a.changed).toBe(true);
  });
  it("keeps the task while the new placement is not healthy, drops it once healthy", () => {
    const b = base();
    b.spec.gracefulEvictionTasks = [task()];
    expect(assessEvictionTasks(b, T0).kept).toHaveLength(1);
    b.status!.aggregatedStatus = [{ clusterName: "a", health: "Healthy" }];
    expect(assessEvictionTasks(b, T0)).toMatchObject({ kept: [], evicted: ["b"] });
  });
  it("drops it after the grace period, and honours suppressDeletion", () => {
    const b = base();
    b.spec.gracefulEvictionTasks = [task({ gracePeriodSeconds: 30 }), { ...task({ suppressDeletion: true }), fromCluster: "c" }, { ...task({ suppressDeletion: false }), fromCluster: "d" }];
    const a = assessEvictionTasks(b, T0);
    expect(a.kept.map((t) => t.fromCluster)).toEqual(["c"]);
    expect(a.evicted).toEqual(["b", "d"]);
  });
});

describe("NoExecute failure taints", () => {
  const notReady = (sinceS: number, status: "False" | "Unknown" | "True" = "False"): Cluster => ({
    ...cluster("m"),
    status: { conditions: [{ type: "Ready", status, reason: "", message: "", lastTransitionTime: new Date(T0 - sinceS * 1000).toISOString() }] },
  });
  it.each([
    ["ready", notReady(100, "True"), {}],
    ["not ready within grace", notReady(10), { waitMs: 50_000 }],
    ["not ready beyond grace", notReady(100), { key: "cluster.karmada.io/not-ready" }],
    ["unknown beyond grace", notReady(100, "Unknown"), { key: "cluster.karmada.io/unreachable" }],
  ])("%s", (_, c, want) => expect(desiredNoExecuteTaint(c, T0, 60_000)).toEqual(want));
  it("adds, keeps and removes only its own taints", () => {
    const mine = withNoExecuteTaint([{ key: "x", effect: "NoSchedule" }], "cluster.karmada.io/not-ready", T0)!;
    expect(mine).toEqual([{ key: "x", effect: "NoSchedule" }, { key: "cluster.karmada.io/not-ready", effect: "NoExecute", timeAdded: "2025-01-01T00:00:00Z" }]);
    expect(withNoExecuteTaint(mine, "cluster.karmada.io/not-ready", T0 + 5000)).toBeUndefined();
    expect(withNoExecuteTaint(mine, undefined, T0)).toEqual([{ key: "x", effect: "NoSchedule" }]);
  });
});

describe("cluster failover end to end (fake client)", () => {
  let env: TestEnv;
  afterEach(async () => env?.stop());

  it("evicts an untolerating binding, reschedules elsewhere, and does not move back on recovery", async () => {
    env = await createTestEnv({
      objects: [cluster("member1"), cluster("member2"), binding("web", STATIC_1_2)],
      watches: [
        { apiVersion: WORK_V1ALPHA2, kind: "ResourceBinding" },
        { apiVersion: WORK_V1ALPHA2, kind: "ClusterResourceBinding" },
        { apiVersion: CLUSTER_API_VERSION, kind: "Cluster" },
      ],
    });
    const store = new ExplanationStore();
    const schedule = async () => {
      await reconcileBinding({ namespace: "default", name: "web" }, { client: env.client, informers: env.informers, events: env.events, clock: env.clock }, { explanations: store });
      await env.settle();
    };
    const get = async () => (await env.client.get<ResourceBinding>(WORK_V1ALPHA2, "ResourceBinding", "default", "web"))!;
    await schedule();
    expect((await get()).spec.clusters).toEqual([{ name: "member1", replicas: 2 }, { name: "member2", replicas: 4 }]);

    const m2 = (await env.client.get<Cluster>(CLUSTER_API_VERSION, "Cluster", undefined, "member2"))!;
    m2.spec.taints = [{ key: "cluster.karmada.io/not-ready", effect: "NoExecute", timeAdded: "2025-01-01T00:00:00Z" }];
    await env.client.update(m2);
    await env.settle();

    const tm = taintManagerController({ evictionRate: 0 })({ client: env.client, informers: env.informers, events: env.events, log: noopLogger, clock: env.clock });
    await tm.reconcile({ namespace: "default", name: "web" }, env.ctx());
    await env.settle();
    const evicted = await get();
    expect(evicted.spec.clusters).toEqual([{ name: "member1", replicas: 2 }]);
    expect(evicted.spec.gracefulEvictionTasks).toMatchObject([{ fromCluster: "member2", reason: "TaintUntolerated", producer: "TaintManager", purgeMode: "Gracefully", replicas: 4 }]);
    expect(env.events.events.filter((e) => e.reason === EVENT_EVICT_SUCCEED).map((e) => e.message)).toEqual(["Evict from cluster member2 succeed.", "Evict from cluster member2 succeed."]);

    await schedule();
    expect((await get()).spec.clusters).toEqual([{ name: "member1", replicas: 6 }]);

    // Recovery: taint gone and the eviction task finished; a Divided workload is not rebalanced.
    m2.spec.taints = [];
    await env.client.update({ ...(await env.client.get<Cluster>(CLUSTER_API_VERSION, "Cluster", undefined, "member2"))!, spec: m2.spec });
    const b = await get();
    await env.client.update({ ...b, spec: { ...b.spec, gracefulEvictionTasks: undefined } });
    await env.settle();
    await schedule();
    expect((await get()).spec.clusters).toEqual([{ name: "member1", replicas: 6 }]);
  });
});

describe("failover Events (Karmada's messages)", () => {
  let env: TestEnv;
  afterEach(async () => env?.stop());

  it("graceful eviction records the end of a task as EvictWorkloadFromClusterSucceed on binding and template", async () => {
    const b = binding("web", STATIC_1_2);
    b.metadata.generation = 3;
    b.spec.clusters = [{ name: "a", replicas: 6 }];
    b.spec.gracefulEvictionTasks = [{ fromCluster: "b", reason: "TaintUntolerated", producer: "TaintManager", gracePeriodSeconds: 30, creationTimestamp: new Date(T0 - 60_000).toISOString().replace(/\.\d+Z/, "Z") }];
    env = await createTestEnv({ objects: [b], watches: [{ apiVersion: WORK_V1ALPHA2, kind: "ResourceBinding" }, { apiVersion: WORK_V1ALPHA2, kind: "ClusterResourceBinding" }], start: T0 });
    const ge = gracefulEvictionController()({ client: env.client, informers: env.informers, events: env.events, log: noopLogger, clock: env.clock });
    await ge.reconcile({ namespace: "default", name: "web" }, env.ctx());
    expect(env.events.events.map((e) => [e.kind, e.type, e.reason, e.message])).toEqual([
      ["ResourceBinding", "Normal", "EvictWorkloadFromClusterSucceed", "Evict from cluster b succeed."],
      [b.spec.resource.kind, "Normal", "EvictWorkloadFromClusterSucceed", "Evict from cluster b succeed."],
    ]);
  });

  it("NoExecute failure taints are recorded as the ClusterTaintPolicy controller does", async () => {
    const c: Cluster = { ...cluster("m"), status: { conditions: [{ type: "Ready", status: "False", reason: "", message: "", lastTransitionTime: new Date(T0 - 100_000).toISOString() }] } };
    env = await createTestEnv({ objects: [c], watches: [{ apiVersion: CLUSTER_API_VERSION, kind: "Cluster" }], start: T0 });
    const nt = noExecuteTaintController()({ client: env.client, informers: env.informers, events: env.events, log: noopLogger, clock: env.clock });
    await nt.reconcile({ name: "m" }, env.ctx());
    await env.settle();
    const ready = (await env.client.get<Cluster>(CLUSTER_API_VERSION, "Cluster", undefined, "m"))!;
    ready.status = { conditions: [{ type: "Ready", status: "True", reason: "", message: "", lastTransitionTime: new Date(T0).toISOString() }] };
    await env.client.updateStatus(ready);
    await env.settle();
    await nt.reconcile({ name: "m" }, env.ctx());
    expect(env.events.events.map((e) => [e.kind, e.type, e.reason, e.message])).toEqual([
      ["Cluster", "Normal", "TaintClusterSucceed", "Update Cluster(m) with taints(cluster now has taints([{Key:cluster.karmada.io/not-ready,Effect:NoExecute}])) succeed"],
      ["Cluster", "Normal", "TaintClusterSucceed", "Update Cluster(m) with taints(cluster now does not have taints) succeed"],
    ]);
  });
});
