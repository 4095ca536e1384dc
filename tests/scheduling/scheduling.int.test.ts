import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cluster, ResourceBinding } from "../../lib/kube/karmada";
import type { SamplePlane } from "../samples/harness";
import { apply, deployment, kubectlEvents, memberReplicas, policy, startSchedulingPlane, until, waitForReplicas, type EventView } from "./harness";

/**
 * The scheduler controller end to end: policies applied with kubectl to the real control plane,
 * results read with kubectl in the sandbox members. member4 is moved into member1's region so a
 * region spread has a choice to make.
 */
const MEMBERS = ["member1", "member2", "member3", "member4"];
let sp: SamplePlane;

beforeAll(async () => {
  sp = await startSchedulingPlane(MEMBERS);
  await until("four Ready clusters", async () => {
    const list = await sp.client.list<Cluster>("cluster.karmada.io/v1alpha1", "Cluster");
    return list.items.filter((c) => c.status?.conditions?.some((x) => x.type === "Ready" && x.status === "True") && c.status?.resourceSummary).length === 4;
  }, 60_000);
  const r = await sp.kubectl(["patch", "cluster", "member4", "--type", "merge", "-p", JSON.stringify({ spec: { region: "us-east-1", zones: ["us-east-1b"] } })]);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await sp?.destroy();
});

/**
 * Events are written off the reconcile path (the recorder queues them): poll for the expected one
 * with a deadline instead of reading once right after the placement showed up.
 */
const eventSeen = (what: string, match: (e: EventView) => boolean) => until(`event: ${what}`, async () => (await kubectlEvents(sp)).some(match), 15_000, 300);

const binding = (name: string) => sp.client.get<ResourceBinding>("work.karmada.io/v1alpha2", "ResourceBinding", "default", `${name}-deployment`);

describe("scheduling with sandboxes", () => {
  it("static weights 1:2 over two clusters for 6 replicas give 2 and 4", async () => {
    const weights = { staticWeightList: [{ targetCluster: { clusterNames: ["member1"] }, weight: 1 }, { targetCluster: { clusterNames: ["member2"] }, weight: 2 }] };
    await apply(sp, policy("static", "web-static", { clusterAffinity: { clusterNames: ["member1", "member2"] }, replicaScheduling: { replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted", weightPreference: weights } }), deployment("web-static", 6));
    await waitForReplicas(sp, MEMBERS, "web-static", { member1: 2, member2: 4 });
    const b = await binding("web-static");
    expect(b?.status?.conditions?.find((c) => c.type === "Scheduled")).toMatchObject({ status: "True", reason: "Success" });
    await eventSeen("ScheduleBindingSucceed member1:2, member2:4 on web-static", (e) => e.reason === "ScheduleBindingSucceed" && e.involvedObject.name === "web-static" && e.message.includes("member1:2, member2:4"));
  });

  it("dynamic weights follow free capacity", async () => {
    const clusters = (await sp.client.list<Cluster>("cluster.karmada.io/v1alpha1", "Cluster")).items;
    const freeCpu = (name: string) => {
      const s = clusters.find((c) => c.metadata.name === name)!.status!.resourceSummary!;
      return parseFloat(s.allocatable?.cpu ?? "0") - parseFloat(s.allocated?.cpu ?? "0");
    };
    // member2 (3 x 8 CPU) has far more room than member3 (2 x 2 CPU).
    expect(freeCpu("member2")).toBeGreaterThan(freeCpu("member3"));
    await apply(sp, policy("dynamic", "web-dynamic", { clusterAffinity: { clusterNames: ["member2", "member3"] }, replicaScheduling: { replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted", weightPreference: { dynamicWeight: "AvailableReplicas" } } }), deployment("web-dynamic", 6, "500m"));
    let got: Record<string, number> = {};
    await until("web-dynamic placed", async () => {
      got = await memberReplicas(sp, MEMBERS, "web-dynamic");
      return Object.values(got).reduce((a, b) => a + b, 0) === 6;
    }, 40_000);
    // Free CPU 24 vs 4 (at 500m per replica: 48 vs 8 replicas) -> Webster gives 5 and 1.
    expect(got).toEqual({ member2: 5, member3: 1 });
  });

  it("a region spread picks one cluster per region", async () => {
    const spread = [{ spreadByField: "region", minGroups: 3, maxGroups: 3 }, { spreadByField: "cluster", minGroups: 3, maxGroups: 3 }];
    await apply(sp, policy("regions", "web-regions", { spreadConstraints: spread }), deployment("web-regions", 2));
    let got: Record<string, number> = {};
    await until("web-regions on three clusters", async () => {
      got = await memberReplicas(sp, MEMBERS, "web-regions");
      return Object.keys(got).length === 3;
    }, 40_000);
    // member1 and member4 share us-east-1: exactly one of them is chosen.
    expect(Object.keys(got).filter((m) => m === "member1" || m === "member4")).toHaveLength(1);
    expect(got.member2).toBe(2);
    expect(got.member3).toBe(2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(Object.keys(await memberReplicas(sp, MEMBERS, "web-regions"))).toHaveLength(3);
  });

  it("a cluster with a NoSchedule taint gets nothing until the policy tolerates it", async () => {
    const taint = { key: "maintenance", value: "true", effect: "NoSchedule" };
    const r = await sp.kubectl(["patch", "cluster", "member3", "--type", "merge", "-p", JSON.stringify({ spec: { taints: [taint] } })]);
    expect(r.code, r.stderr).toBe(0);
    await apply(sp, policy("tainted", "web-tainted", { clusterAffinity: { clusterNames: ["member3"] } }), deployment("web-tainted", 1));
    const failed = await until("NoClusterFit", async () => {
      const c = (await binding("web-tainted"))?.status?.conditions?.find((x) => x.type === "Scheduled");
      return c?.status === "False" ? c : undefined;
    }, 30_000);
    expect(failed.reason).toBe("NoClusterFit");
    expect(failed.message).toBe("0/4 clusters are available: 1 cluster(s) had untolerated taint {maintenance=true:NoSchedule}, 3 cluster(s) did not match the placement cluster affinity constraint.");
    expect(await memberReplicas(sp, MEMBERS, "web-tainted")).toEqual({});
    await eventSeen("ScheduleBindingFailed on web-tainted", (e) => e.reason === "ScheduleBindingFailed" && e.involvedObject.name === "web-tainted");

    await apply(sp, policy("tainted", "web-tainted", { clusterAffinity: { clusterNames: ["member3"] }, clusterTolerations: [{ key: "maintenance", operator: "Equal", value: "true", effect: "NoSchedule" }] }));
    await waitForReplicas(sp, MEMBERS, "web-tainted", { member3: 1 });
    const untaint = await sp.kubectl(["patch", "cluster", "member3", "--type", "merge", "-p", JSON.stringify({ spec: { taints: null } })]);
    expect(untaint.code, untaint.stderr).toBe(0);
  });
});
