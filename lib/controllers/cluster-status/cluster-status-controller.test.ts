import { afterEach, describe, expect, it } from "vitest";
import { errors } from "../../kube/errors";
import type { Cluster } from "../../kube/karmada";
import type { Condition, KubeObject } from "../../kube/types";
import type { HealthProbe } from "../../members/health";
import type { MemberClient } from "../../members/member-client";
import type { Clock } from "../runtime/clock";
import { noopLogger } from "../runtime/log";
import { createTestEnv, type TestEnv } from "../runtime/test-env";
import { clusterStatusControllerSetup, type ClusterStatusControllerOptions } from "./cluster-status-controller";
import { MetricRecorder } from "./metric-recorder";

const OK: HealthProbe = { online: true, healthy: true, message: "cluster is healthy and ready to accept workloads", detail: "" };
const DOWN: HealthProbe = { online: false, healthy: false, message: "cluster is not reachable", detail: "ECONNREFUSED" };
const UNHEALTHY: HealthProbe = { online: true, healthy: false, message: "cluster is reachable but health endpoint responded without ok", detail: "" };

const node = (name: string): KubeObject => ({ apiVersion: "v1", kind: "Node", metadata: { name }, status: { allocatable: { cpu: "4", memory: "8Gi", pods: "110" }, conditions: [{ type: "Ready", status: "True" }] } });
const pod = (name: string, nodeName?: string): KubeObject => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default" }, spec: { nodeName, containers: [{ name: "c", resources: { requests: { cpu: "500m", memory: "1Gi" } } }] }, status: { phase: nodeName ? "Running" : "Pending" } });

class FakeMember {
  probe: HealthProbe | "hang" = OK;
  complete = true;
  probeHealth = async () => (this.probe === "hang" ? new Promise<HealthProbe>(() => {}) : this.probe);
  calls = { version: 0, discovery: 0, nodes: 0 };
  version = async () => (this.calls.version++, { major: "1", minor: "32", gitVersion: "v1.32.4" });
  discoveryDetailed = async () => (this.calls.discovery++, { apiEnablements: [{ groupVersion: "v1", resources: [{ name: "pods", kind: "Pod" }] }], complete: this.complete, failedGroupVersions: [] as string[] });
  listNodes = async () => (this.calls.nodes++, [node("n1"), node("n2")]);
  listPods = async () => [pod("a", "n1"), pod("b")];
}

const cluster = (o: { syncMode?: "Push" | "Pull"; ready?: Condition } = {}): Cluster => ({
  apiVersion: "cluster.karmada.io/v1alpha1",
  kind: "Cluster",
  metadata: { name: "m1" },
  spec: { syncMode: o.syncMode ?? "Push" },
  status: o.ready ? { conditions: [o.ready] } : undefined,
});

let env: TestEnv;
afterEach(() => env?.stop());

async function setup(objects: KubeObject[], opts: Partial<ClusterStatusControllerOptions> & { member?: FakeMember; getError?: Error } = {}) {
  env = await createTestEnv({ objects, watches: [{ apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster" }] });
  const member = opts.member ?? new FakeMember();
  const members = { get: async () => (opts.getError ? Promise.reject(opts.getError) : (member as unknown as MemberClient)) };
  const def = clusterStatusControllerSetup({ intervalMs: 10_000, failureThresholdMs: 40_000, successThresholdMs: 20_000, probeTimeoutMs: 5000, ...opts, members })({
    client: env.client,
    informers: env.informers,
    events: env.events,
    log: noopLogger,
    clock: env.clock,
  });
  const run = async () => {
    await env.settle();
    const r = await def.reconcile({ name: "m1" }, env.ctx());
    await env.settle();
    return r;
  };
  const get = async () => (await env.client.get<Cluster>("cluster.karmada.io/v1alpha1", "Cluster", undefined, "m1"))!;
  const ready = async () => (await get()).status?.conditions?.find((c) => c.type === "Ready");
  return { member, def, run, get, ready };
}

describe("cluster status controller", () => {
  it("reports a healthy member as Karmada does, then writes nothing while nothing changes", async () => {
    const { run, get } = await setup([cluster()]);
    expect(await run()).toEqual({ requeueAfterMs: 10_000 });
    const s = (await get()).status!;
    expect(s.kubernetesVersion).toBe("v1.32.4");
    expect(s.apiEnablements).toEqual([{ groupVersion: "v1", resources: [{ name: "pods", kind: "Pod" }] }]);
    expect(s.nodeSummary).toEqual({ totalNum: 2, readyNum: 2 });
    expect(s.resourceSummary?.allocatable).toMatchObject({ cpu: "8", memory: "16Gi", pods: "220" });
    expect(s.resourceSummary?.allocated).toMatchObject({ cpu: "500m", memory: "1Gi", pods: "1" });
    expect(s.resourceSummary?.allocating).toMatchObject({ cpu: "500m", pods: "1" });
    expect(s.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ["CompleteAPIEnablements", "True", "Complete", "collected complete APIEnablements from the cluster"],
      ["Ready", "True", "ClusterReady", "cluster is healthy and ready to accept workloads"],
    ]);
    // As Karmada's cluster status controller: no Event for the Ready transition.
    expect(env.events.events).toEqual([]);
    env.client.resetWrites();
    await env.clock.advance(10_000);
    await run();
    expect(env.client.writes).toEqual([]);
  });

  it("re-reads version and discovery only every identityRefreshMs (and on recovery); nodes every probe", async () => {
    const { member, run } = await setup([cluster()], { identityRefreshMs: 30_000 });
    await run();
    for (let i = 0; i < 3; i++) {
      await env.clock.advance(10_000);
      await run();
    }
    expect(member.calls).toEqual({ version: 2, discovery: 2, nodes: 4 });
  });

  it("re-reads a failed or partial discovery at the next probe rather than after identityRefreshMs", async () => {
    const member = new FakeMember();
    const { run, get } = await setup([cluster()], { member, identityRefreshMs: 30_000 });
    await run();
    member.complete = false;
    await env.clock.advance(30_000);
    await run();
    expect(member.calls.discovery).toBe(2);
    member.discoveryDetailed = async () => (member.calls.discovery++, Promise.reject(new Error("discovery failed")));
    await env.clock.advance(10_000);
    await run();
    // As Karmada: an empty result replaces the enablements.
    expect((await get()).status?.apiEnablements).toBeUndefined();
    expect((await get()).status?.conditions?.[0]).toMatchObject({ type: "CompleteAPIEnablements", status: "False", reason: "Empty" });
    member.complete = true;
    member.discoveryDetailed = new FakeMember().discoveryDetailed;
    await env.clock.advance(10_000);
    await run();
    expect((await get()).status?.apiEnablements).toHaveLength(1);
  });

  it("marks partial discovery with CompleteAPIEnablements=False/Partial", async () => {
    const member = new FakeMember();
    member.complete = false;
    const { run, get } = await setup([cluster()], { member });
    await run();
    expect((await get()).status?.conditions?.[0]).toMatchObject({ type: "CompleteAPIEnablements", status: "False", reason: "Partial", message: "might collect partial APIEnablements(1) from the cluster" });
  });

  it("keeps Ready=True through failures shorter than the grace period, then turns False/ClusterNotReachable", async () => {
    const { member, run, ready } = await setup([cluster()]);
    await run();
    member.probe = DOWN;
    for (let t = 0; t < 4; t++) {
      await env.clock.advance(10_000);
      await run();
      expect((await ready())?.status).toBe("True");
    }
    // The grace period counts from the first failed probe (t=10 s): False at t=50 s.
    await env.clock.advance(10_000);
    await run();
    expect(await ready()).toMatchObject({ status: "False", reason: "ClusterNotReachable", message: "cluster is not reachable" });
    expect(env.events.events).toEqual([]);
  });

  it("recovers after the success threshold, with a fresh collection", async () => {
    const { member, run, ready, get } = await setup([cluster({ ready: { type: "Ready", status: "False", reason: "ClusterNotReachable", message: "x", lastTransitionTime: "2024-01-01T00:00:00Z" } })]);
    member.probe = DOWN;
    await run();
    member.probe = OK;
    await env.clock.advance(10_000);
    await run();
    expect((await ready())?.status).toBe("False");
    expect((await get()).status?.kubernetesVersion).toBeUndefined();
    await env.clock.advance(20_000);
    await run();
    expect(await ready()).toMatchObject({ status: "True", reason: "ClusterReady", lastTransitionTime: "2025-01-01T00:00:30Z" });
    expect((await get()).status?.kubernetesVersion).toBe("v1.32.4");
  });

  it.each([
    ["online but not 200", UNHEALTHY, "ClusterNotReady", "cluster is reachable but health endpoint responded without ok"],
    ["unreachable", DOWN, "ClusterNotReachable", "cluster is not reachable"],
  ])("a new member that is %s is reported at once", async (_n, probe, reason, message) => {
    const member = new FakeMember();
    member.probe = probe;
    const { run, ready, get } = await setup([cluster()], { member });
    await run();
    expect(await ready()).toMatchObject({ status: "False", reason, message });
    expect((await get()).status?.conditions).toHaveLength(1);
  });

  it("a hanging member times out as unreachable instead of holding the reconcile", async () => {
    const member = new FakeMember();
    member.probe = "hang";
    const { def, ready } = await setup([cluster()], { member });
    await env.settle();
    const p = def.reconcile({ name: "m1" }, env.ctx());
    await env.clock.advance(5000);
    expect(await p).toEqual({ requeueAfterMs: 10_000 });
    await env.settle();
    expect(await ready()).toMatchObject({ status: "False", reason: "ClusterNotReachable" });
  });

  it("no usable credentials → Ready=False/StatusCollectionFailed", async () => {
    const { run, ready } = await setup([cluster()], { getError: errors.badRequest("cluster m1 has no stored credentials and no spec.secretRef") });
    await run();
    expect(await ready()).toMatchObject({ status: "False", reason: "StatusCollectionFailed", message: "failed to create a ClusterClient: cluster m1 has no stored credentials and no spec.secretRef" });
  });

  it("leaves Pull clusters to their agent", async () => {
    const { run } = await setup([cluster({ syncMode: "Pull" })]);
    expect(await run()).toBeUndefined();
    expect(env.client.writes).toEqual([]);
  });

  it("records throttled health samples", async () => {
    const appended: unknown[][] = [];
    // The env (and its clock) is built by setup; reach it lazily.
    const clock: Clock = { now: () => env.clock.now(), setTimeout: (f, ms) => env.clock.setTimeout(f, ms), clearTimeout: (h) => env.clock.clearTimeout(h) };
    const metrics = new MetricRecorder({ clock, append: async (s) => void appended.push(s), minIntervalMs: 30_000, flushDelayMs: 1000 });
    const { member, run } = await setup([cluster()], { metrics });
    await run();
    await env.clock.advance(10_000);
    await run();
    member.probe = UNHEALTHY;
    await env.clock.advance(10_000);
    await run();
    await env.clock.advance(41_000);
    await run();
    await metrics.flush();
    const rows = appended.flat() as { ready: boolean; cpuAllocatable: number; memoryAllocatable: number; podsAllocated: number }[];
    expect(rows.map((r) => r.ready)).toEqual([true, false]);
    expect(rows[0]).toMatchObject({ cpuAllocatable: 8, memoryAllocatable: 16 * 1024 ** 3, podsAllocated: 1 });
  });
});
