import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cluster, ResourceBinding } from "../../lib/kube/karmada";
import type { SamplePlane } from "../samples/harness";
import { apply, deployment, kubectlEvents, memberReplicas, policy, startSchedulingPlane, until, waitForReplicas, type EventView } from "./harness";

/**
 * Cluster failover end to end: a sandbox set `down` loses its replicas to the others within the
 * grace period (3 s) plus the policy's tolerationSeconds (2 s); when it comes back nothing is
 * duplicated and a Divided workload stays where it is (Karmada does not rebalance) until a
 * reschedule is requested. Every eviction and reschedule shows up in `kubectl get events`.
 */
const MEMBERS = ["member1", "member2", "member3"];
const GRACE_MS = 3000;
const TOLERATION_S = 2;
let sp: SamplePlane;

beforeAll(async () => {
  sp = await startSchedulingPlane(MEMBERS);
  await until("three Ready clusters", async () => {
    const list = await sp.client.list<Cluster>("cluster.karmada.io/v1alpha1", "Cluster");
    return list.items.filter((c) => c.status?.conditions?.some((x) => x.type === "Ready" && x.status === "True")).length === 3;
  }, 60_000);
}, 120_000);

afterAll(async () => {
  await sp?.sandboxes.clearFaults("member3").catch(() => undefined);
  await sp?.destroy();
});

/**
 * Events are written off the reconcile path (the recorder queues them): poll for the expected one
 * with a deadline instead of reading once right after the placement showed up.
 */
const eventSeen = (what: string, match: (e: EventView) => boolean) => until(`event: ${what}`, async () => (await kubectlEvents(sp)).some(match), 15_000, 300);

const rb = () => sp.client.get<ResourceBinding>("work.karmada.io/v1alpha2", "ResourceBinding", "default", "web-deployment");
const tolerations = ["cluster.karmada.io/not-ready", "cluster.karmada.io/unreachable"].map((key) => ({ key, operator: "Exists", effect: "NoExecute", tolerationSeconds: TOLERATION_S }));

describe("cluster failover with sandboxes", () => {
  it("moves replicas off a down member, does not duplicate or move back on recovery, rebalances on request", async () => {
    await apply(sp, policy("web", "web", { clusterTolerations: tolerations, replicaScheduling: { replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted" } }), deployment("web", 6));
    await waitForReplicas(sp, MEMBERS, "web", { member1: 2, member2: 2, member3: 2 });

    const downAt = Date.now();
    await sp.sandboxes.setFaults("member3", { down: true });
    await waitForReplicas(sp, ["member1", "member2"], "web", { member1: 3, member2: 3 }, GRACE_MS + TOLERATION_S * 1000 + 20_000);
    const tookMs = Date.now() - downAt;
    // Not before the grace period and the toleration ran out, and not much later.
    expect(tookMs).toBeGreaterThanOrEqual(GRACE_MS + TOLERATION_S * 1000 - 500);
    expect(tookMs).toBeLessThan(GRACE_MS + TOLERATION_S * 1000 + 15_000);
    const evicted = await rb();
    expect(evicted?.spec.clusters).toEqual([{ name: "member1", replicas: 3 }, { name: "member2", replicas: 3 }]);

    const about = (name: string, reason: string, message: string) => eventSeen(`${reason} on ${name}: ${message}`, (e) => e.involvedObject.name === name && e.reason === reason && e.message === message);
    await about("web", "EvictWorkloadFromClusterSucceed", "Evict from cluster member3 succeed.");
    await about("web-deployment", "EvictWorkloadFromClusterSucceed", "Evict from cluster member3 succeed.");
    await about("web", "ScheduleBindingSucceed", "Binding has been scheduled successfully. Result: {member1:3, member2:3}");

    // Recovery: the member comes back; its old copy is removed and nothing moves back.
    await sp.sandboxes.clearFaults("member3");
    await until("member3 Ready and untainted", async () => {
      const c = await sp.client.get<Cluster>("cluster.karmada.io/v1alpha1", "Cluster", undefined, "member3");
      return c?.status?.conditions?.some((x) => x.type === "Ready" && x.status === "True") && !(c.spec.taints ?? []).some((t) => t.effect === "NoExecute");
    }, 30_000);
    await until("graceful eviction task finished", async () => ((await rb())?.spec.gracefulEvictionTasks ?? []).length === 0, 30_000);
    await waitForReplicas(sp, MEMBERS, "web", { member1: 3, member2: 3 }, 30_000);
    await new Promise((r) => setTimeout(r, 2000));
    expect(await memberReplicas(sp, MEMBERS, "web")).toEqual({ member1: 3, member2: 3 });
    expect((await rb())?.spec.clusters).toEqual([{ name: "member1", replicas: 3 }, { name: "member2", replicas: 3 }]);

    // A requested reschedule (what a WorkloadRebalancer does) balances again over all three.
    const now = new Date(Date.now() + 1000).toISOString().replace(/\.\d+Z$/, "Z");
    const r = await sp.kubectl(["patch", "rb", "web-deployment", "-n", "default", "--type", "merge", "-p", JSON.stringify({ spec: { rescheduleTriggeredAt: now } })]);
    expect(r.code, r.stderr).toBe(0);
    await waitForReplicas(sp, MEMBERS, "web", { member1: 2, member2: 2, member3: 2 });
  });

  it("application failover: a workload that stays unhealthy beyond tolerationSeconds is evicted from that cluster", async () => {
    // Independent of the test before: if it stopped half-way member3 may still be down.
    await sp.sandboxes.clearFaults("member3");
    await until("member3 Ready and untainted", async () => {
      const c = await sp.client.get<Cluster>("cluster.karmada.io/v1alpha1", "Cluster", undefined, "member3");
      return c?.status?.conditions?.some((x) => x.type === "Ready" && x.status === "True") && !(c.spec.taints ?? []).length;
    }, 30_000);
    // member3 shrinks to 100m CPU per node, so 500m pods stay Pending there and the Deployment is Unhealthy.
    await sp.sandboxes.setFaults("member3", { capacity: { cpu: "100m" } });
    const failover = { application: { decisionConditions: { tolerationSeconds: 2 }, purgeMode: "Directly" } };
    const weights = { staticWeightList: [{ targetCluster: { clusterNames: ["member1"] }, weight: 1 }, { targetCluster: { clusterNames: ["member3"] }, weight: 1 }] };
    await apply(
      sp,
      policy("app", "app", { clusterAffinity: { clusterNames: ["member1", "member3"] }, replicaScheduling: { replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted", weightPreference: weights } }, { propagateDeps: true, failover }),
      deployment("app", 4, "500m"),
    );
    const appRb = () => sp.client.get<ResourceBinding>("work.karmada.io/v1alpha2", "ResourceBinding", "default", "app-deployment");
    // The eviction task itself is short-lived with Directly (dropped once member1 is healthy): the
    // scheduling explanation and the Event are what remain.
    await until("app evicted from member3", async () => (await kubectlEvents(sp)).some((e) => e.involvedObject.name === "app" && e.reason === "EvictWorkloadFromClusterSucceed" && e.message === "Evict from cluster member3 succeed."), 40_000);
    // Directly: member3's copy is removed at once, the replicas go to member1.
    await waitForReplicas(sp, MEMBERS, "app", { member1: 4 }, 30_000);
    const b = await appRb();
    expect(b?.spec.clusters).toEqual([{ name: "member1", replicas: 4 }]);
    await eventSeen("EvictWorkloadFromClusterSucceed on ResourceBinding app-deployment", (e) => e.involvedObject.name === "app-deployment" && e.involvedObject.kind === "ResourceBinding" && e.reason === "EvictWorkloadFromClusterSucceed");
    await eventSeen("ScheduleBindingSucceed {member1:4} on app", (e) => e.involvedObject.name === "app" && e.reason === "ScheduleBindingSucceed" && e.message.endsWith("{member1:4}"));
    await sp.sandboxes.clearFaults("member3");
  });
});
