import { afterEach, describe, expect, it, vi } from "vitest";
import type { Cluster } from "../../kube/karmada";
import type { Condition, KubeObject } from "../../kube/types";
import { noopLogger } from "../runtime/log";
import { createTestEnv, type TestEnv } from "../runtime/test-env";
import { CLUSTER_CONTROLLER_FINALIZER, clusterControllerSetup, type ClusterControllerOptions } from "./cluster-controller";

const WATCHES = [
  { apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster" },
  { apiVersion: "v1", kind: "Namespace", labelSelector: "karmada.io/system=true" },
  { apiVersion: "coordination.k8s.io/v1", kind: "Lease", namespace: "karmada-cluster" },
];

const ready = (status: Condition["status"], reason = "ClusterReady"): Condition => ({ type: "Ready", status, reason, message: "m", lastTransitionTime: "2025-01-01T00:00:00Z" });

function cluster(o: { name?: string; ready?: Condition; taints?: Cluster["spec"]["taints"]; finalizers?: string[]; syncMode?: "Push" | "Pull" } = {}): Cluster {
  return {
    apiVersion: "cluster.karmada.io/v1alpha1",
    kind: "Cluster",
    metadata: { name: o.name ?? "m1", finalizers: o.finalizers },
    spec: { syncMode: o.syncMode ?? "Push", taints: o.taints },
    status: o.ready ? { conditions: [o.ready] } : undefined,
  };
}

let env: TestEnv;
afterEach(() => env?.stop());

async function setup(objects: KubeObject[], opts: ClusterControllerOptions = {}) {
  env = await createTestEnv({ objects, watches: WATCHES });
  const def = clusterControllerSetup(opts)({ client: env.client, informers: env.informers, events: env.events, log: noopLogger, clock: env.clock });
  const run = async (name = "m1") => {
    await env.settle();
    const r = await def.reconcile({ name }, env.ctx());
    await env.settle();
    return r;
  };
  const get = async (name = "m1") => env.client.get<Cluster>("cluster.karmada.io/v1alpha1", "Cluster", undefined, name);
  return { def, run, get };
}

describe("cluster controller: sync", () => {
  it("creates the execution space, adds the not-ready taint and the finalizer; a second pass writes nothing", async () => {
    const { run, get } = await setup([cluster()]);
    expect(await run()).toBeUndefined();
    const ns = await env.client.get("v1", "Namespace", undefined, "karmada-es-m1");
    expect(ns?.metadata.labels).toEqual({ "karmada.io/system": "true" });
    const c = await get();
    expect(c?.metadata.finalizers).toEqual([CLUSTER_CONTROLLER_FINALIZER]);
    expect(c?.spec.taints).toEqual([{ key: "cluster.karmada.io/not-ready", effect: "NoSchedule", timeAdded: "2025-01-01T00:00:00Z" }]);
    expect(env.events.events.map((e) => e.reason)).toEqual(["CreateExecutionSpaceSucceed", "TaintClusterSucceed"]);
    expect(env.events.events[1].message).toBe("Taint cluster succeed: cluster now has taints([{Key:cluster.karmada.io/not-ready,Effect:NoSchedule}]).");
    env.client.resetWrites();
    await run();
    expect(env.client.writes).toEqual([]);
  });

  it.each([
    ["no Ready condition", undefined, [], ["cluster.karmada.io/not-ready"]],
    ["Ready=False", ready("False", "ClusterNotReachable"), ["cluster.karmada.io/unreachable"], ["cluster.karmada.io/not-ready"]],
    ["Ready=Unknown", ready("Unknown", "ClusterStatusUnknown"), ["cluster.karmada.io/not-ready"], ["cluster.karmada.io/unreachable"]],
    ["Ready=True", ready("True"), ["cluster.karmada.io/not-ready", "cluster.karmada.io/unreachable"], []],
    ["no condition keeps an unreachable taint", undefined, ["cluster.karmada.io/unreachable"], ["cluster.karmada.io/unreachable", "cluster.karmada.io/not-ready"]],
  ])("%s → taints", async (_n, cond, before, after) => {
    const taints = [{ key: "user/dedicated", value: "gpu", effect: "NoExecute" as const, timeAdded: "2024-01-01T00:00:00Z" }, ...before.map((key) => ({ key, effect: "NoSchedule" as const }))];
    const { run, get } = await setup([cluster({ ready: cond, taints, finalizers: [CLUSTER_CONTROLLER_FINALIZER] })]);
    await run();
    const keys = (await get())?.spec.taints?.map((t) => t.key) ?? [];
    expect(keys).toEqual(["user/dedicated", ...after]);
  });

  it("recovery removes the taints and says so", async () => {
    const { run, get } = await setup([cluster({ ready: ready("True"), taints: [{ key: "cluster.karmada.io/not-ready", effect: "NoSchedule" }], finalizers: [CLUSTER_CONTROLLER_FINALIZER] })]);
    await run();
    expect((await get())?.spec.taints).toBeUndefined();
    expect(env.events.events.at(-1)?.message).toBe("Taint cluster succeed: cluster now does not have taints.");
  });

  it("does nothing for a cluster that is gone", async () => {
    const { run } = await setup([]);
    expect(await run("nope")).toBeUndefined();
    expect(env.client.writes).toEqual([]);
  });
});

describe("cluster controller: deletion drain", () => {
  it("deletes Works, then the execution space, waits for bindings, then releases the cluster", async () => {
    const onClusterRemoved = vi.fn(async () => {});
    const work: KubeObject = { apiVersion: "work.karmada.io/v1alpha1", kind: "Work", metadata: { name: "w1", namespace: "karmada-es-m1" }, spec: {} };
    const rb: KubeObject = { apiVersion: "work.karmada.io/v1alpha2", kind: "ResourceBinding", metadata: { name: "nginx-deployment", namespace: "default" }, spec: { resource: {}, clusters: [{ name: "m1" }] } };
    const ns: KubeObject = { apiVersion: "v1", kind: "Namespace", metadata: { name: "karmada-es-m1", labels: { "karmada.io/system": "true" } } };
    const { run, get } = await setup([cluster({ finalizers: [CLUSTER_CONTROLLER_FINALIZER], ready: ready("True") }), ns, work, rb], { onClusterRemoved, cleanupCheckIntervalMs: 1234 });
    await env.client.delete({ apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", name: "m1" });
    env.client.resetWrites();

    expect(await run()).toEqual({ requeueAfterMs: 1234 });
    expect(env.client.writes.map((w) => `${w.verb} ${w.kind}`)).toEqual(["delete Work", "delete Namespace"]);
    expect(env.events.events.map((e) => e.reason)).toEqual(["RemoveExecutionSpaceSucceed"]);

    expect(await run()).toEqual({ requeueAfterMs: 1234 });
    expect(onClusterRemoved).not.toHaveBeenCalled();
    expect(await get()).toBeDefined();

    await env.client.delete({ apiVersion: "work.karmada.io/v1alpha2", kind: "ResourceBinding", namespace: "default", name: "nginx-deployment" });
    expect(await run()).toBeUndefined();
    expect(onClusterRemoved).toHaveBeenCalledWith("m1");
    expect(await get()).toBeUndefined();
  });

  it("strips execution finalizers of Works of a Pull cluster that is not Ready", async () => {
    const work: KubeObject = { apiVersion: "work.karmada.io/v1alpha1", kind: "Work", metadata: { name: "w1", namespace: "karmada-es-m1", finalizers: ["karmada.io/execution-controller"] }, spec: {} };
    const ns: KubeObject = { apiVersion: "v1", kind: "Namespace", metadata: { name: "karmada-es-m1" } };
    const { run } = await setup([cluster({ syncMode: "Pull", finalizers: [CLUSTER_CONTROLLER_FINALIZER], ready: ready("Unknown") }), ns, work]);
    await env.client.delete({ apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", name: "m1" });
    await run();
    expect(await env.client.get("work.karmada.io/v1alpha1", "Work", "karmada-es-m1", "w1")).toBeUndefined();
  });
});

describe("cluster controller: Pull cluster health (lease)", () => {
  const lease = (renewTime: string): KubeObject => ({ apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name: "m1", namespace: "karmada-cluster" }, spec: { holderIdentity: "m1", leaseDurationSeconds: 40, renewTime } });

  it("turns Ready Unknown after the grace period without lease renewals, which brings the unreachable taint", async () => {
    const { run, get } = await setup([cluster({ syncMode: "Pull", ready: ready("True"), finalizers: [CLUSTER_CONTROLLER_FINALIZER] })], { monitorGracePeriodMs: 40_000, monitorPeriodMs: 5000 });
    expect(await run()).toEqual({ requeueAfterMs: 5000 });
    await env.clock.advance(30_000);
    await run();
    expect((await get())?.status?.conditions?.[0].status).toBe("True");
    await env.clock.advance(11_000);
    await run();
    const c = await get();
    expect(c?.status?.conditions?.[0]).toMatchObject({ status: "Unknown", reason: "ClusterStatusUnknown", message: "Cluster status controller stopped posting cluster status." });
    expect(c?.spec.taints?.map((t) => t.key)).toEqual(["cluster.karmada.io/unreachable"]);
  });

  it("lease renewals keep a Pull cluster Ready", async () => {
    const { run, get } = await setup([cluster({ syncMode: "Pull", ready: ready("True"), finalizers: [CLUSTER_CONTROLLER_FINALIZER] }), lease("2025-01-01T00:00:00.000000Z")]);
    await run();
    for (let i = 1; i <= 6; i++) {
      await env.clock.advance(10_000);
      await env.client.patch({ apiVersion: "coordination.k8s.io/v1", kind: "Lease", namespace: "karmada-cluster", name: "m1" }, "application/merge-patch+json", { spec: { renewTime: new Date(env.clock.now()).toISOString() } });
      await run();
    }
    expect((await get())?.status?.conditions?.[0].status).toBe("True");
  });

  it("a Pull cluster that never posted status gets ClusterStatusNeverUpdated after the startup grace", async () => {
    const { run, get } = await setup([cluster({ syncMode: "Pull" })], { startupGracePeriodMs: 60_000 });
    await run();
    await env.clock.advance(61_000);
    await run();
    expect((await get())?.status?.conditions?.[0]).toMatchObject({ status: "Unknown", reason: "ClusterStatusNeverUpdated" });
  });
});

