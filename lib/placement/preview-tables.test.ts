import { describe, expect, it } from "vitest";
import { FakeObjectClient } from "../controllers/runtime/fake-client";
import type { KubeObject } from "../kube/types";
import { handlePlacementPreview } from "./handlers";

/**
 * Karmada's pkg/scheduler/core tables end to end through POST /api/v1/placement/preview:
 * assignment_test.go (Test_dynamicScale, Test_dynamicScaleUp), common_test.go (TestAssignReplicas
 * overflow and unsupported strategy), util_test.go (Test_attachZeroReplicasCluster) and the
 * reschedule (Fresh) mode. Each cluster's AllocatableReplicas in Karmada's table is the `pods`
 * of its resource summary here (the Deployment requests nothing), and the binding's spec.clusters
 * is `previous`.
 */

function cluster(name: string, pods: number): unknown {
  return {
    apiVersion: "cluster.karmada.io/v1alpha1",
    kind: "Cluster",
    metadata: { name },
    spec: { apiEndpoint: `https://${name}.example:6443`, syncMode: "Push" },
    status: {
      apiEnablements: [{ groupVersion: "apps/v1", resources: [{ name: "deployments", kind: "Deployment" }] }],
      resourceSummary: { allocatable: { cpu: "100", memory: "200Gi", pods: String(pods) } },
    },
  };
}

function deployment(replicas: number): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "nginx", namespace: "default" },
    spec: { replicas, selector: { matchLabels: { app: "nginx" } }, template: { metadata: { labels: { app: "nginx" } }, spec: { containers: [{ name: "nginx", image: "nginx" }] } } },
  };
}

function policy(placement: unknown): unknown {
  return {
    apiVersion: "policy.karmada.io/v1alpha1",
    kind: "PropagationPolicy",
    metadata: { name: "nginx-propagation", namespace: "default" },
    spec: { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: "nginx" }], placement },
  };
}

const dynamic = { replicaScheduling: { replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted", weightPreference: { dynamicWeight: "AvailableReplicas" } } };
const aggregated = { replicaScheduling: { replicaSchedulingType: "Divided", replicaDivisionPreference: "Aggregated" } };
const preview = (body: unknown) => handlePlacementPreview(body, new FakeObjectClient());
const asMap = (r: { clusters: { name: string; replicas: number }[] }) => Object.fromEntries(r.clusters.map((c) => [c.name, c.replicas]));
const clusters = (pods: Record<string, number>) => Object.entries(pods).map(([name, n]) => cluster(name, n));
const targets = (o: Record<string, number>) => Object.entries(o).map(([name, replicas]) => ({ name, replicas }));

describe("assignment_test.go Test_dynamicScale and Test_dynamicScaleUp through the preview", () => {
  it.each<[string, unknown, Record<string, number>, Record<string, number>, number, Record<string, number>]>([
    ["replica 12 -> 6, dynamic weighted 1:1:1", dynamic, { member1: 1, member2: 1, member3: 1 }, { member1: 2, member2: 4, member3: 6 }, 6, { member1: 1, member2: 2, member3: 3 }],
    ["replica 12 -> 24, dynamic weighted 10:10:10", dynamic, { member1: 10, member2: 10, member3: 10 }, { member1: 2, member2: 4, member3: 6 }, 24, { member1: 6, member2: 8, member3: 10 }],
    ["replica 12 -> 6, aggregated 1:1:1", aggregated, { member1: 1, member2: 1, member3: 1 }, { member1: 4, member2: 8 }, 6, { member2: 6 }],
    ["replica 12 -> 8, aggregated 100:100", aggregated, { member1: 100, member2: 100 }, { member1: 4, member2: 8 }, 8, { member2: 8 }],
    ["replica 12 -> 24, aggregated 4:6:8", aggregated, { member1: 4, member2: 6, member3: 8 }, { member1: 4, member2: 8 }, 24, { member1: 7, member2: 12, member3: 5 }],
    ["replica 12 -> 24, aggregated 6:6:20", aggregated, { member1: 6, member2: 6, member3: 20 }, { member1: 4, member2: 8 }, 24, { member1: 10, member2: 14 }],
    [
      "replica 12 -> 24, aggregated 4:8:12, with cluster2 disappeared and cluster4 appeared",
      aggregated,
      { member1: 4, member3: 8, member4: 12 },
      { member1: 4, member2: 8 },
      24,
      { member1: 7, member3: 7, member4: 10 },
    ],
    ["replica 12, dynamic weight 6:8:10", dynamic, { member1: 6, member2: 8, member3: 10 }, {}, 12, { member1: 3, member2: 4, member3: 5 }],
    ["replica 12, dynamic weight 8:8:10", dynamic, { member1: 8, member2: 8, member3: 10 }, {}, 12, { member1: 4, member2: 4, member3: 4 }],
    ["replica 12, aggregated 6:8:10", aggregated, { member1: 6, member2: 8, member3: 10 }, {}, 12, { member2: 5, member3: 7 }],
    ["replica 12, aggregated 12:8:10", aggregated, { member1: 12, member2: 8, member3: 10 }, {}, 12, { member1: 12 }],
    ["replica 12, dynamic weight 3:3, with cluster3 disappeared and cluster2 appeared", dynamic, { member1: 3, member2: 3 }, { member1: 6, member3: 6 }, 12, { member1: 9, member2: 3 }],
  ])("%s", async (_n, placement, pods, previous, replicas, want) => {
    const r = await preview({ resource: deployment(replicas), policy: policy(placement), clusters: clusters(pods), previous: targets(previous) });
    expect(r.error).toBeUndefined();
    expect(asMap(r)).toEqual(want);
  });

  it.each<[string, unknown, Record<string, number>, Record<string, number>, number, string]>([
    ["replica 12 -> 24, dynamic weighted 1:1:1", dynamic, { member1: 1, member2: 1, member3: 1 }, { member1: 2, member2: 4, member3: 6 }, 24, "failed to scale up: Clusters available replicas 3 are not enough to schedule."],
    ["replica 12 -> 24, aggregated 1:1:1", aggregated, { member1: 1, member2: 1, member3: 1 }, { member1: 4, member2: 8 }, 24, "failed to scale up: Clusters available replicas 3 are not enough to schedule."],
    ["replica 12, dynamic weight 3:3:3", dynamic, { member1: 3, member2: 3, member3: 3 }, {}, 12, "failed to scale up: Clusters available replicas 9 are not enough to schedule."],
    ["replica 12, aggregated 3:3:3", aggregated, { member1: 3, member2: 3, member3: 3 }, {}, 12, "failed to scale up: Clusters available replicas 9 are not enough to schedule."],
  ])("%s is Unschedulable and keeps the previous result", async (_n, placement, pods, previous, replicas, message) => {
    const r = await preview({ resource: deployment(replicas), policy: policy(placement), clusters: clusters(pods), previous: targets(previous) });
    expect(r.error).toEqual({ reason: "Unschedulable", message: `failed to assign replicas: ${message}` });
    expect(asMap(r)).toEqual(previous);
  });
});

describe("Fresh assignment (rescheduleTriggeredAt after lastScheduledTime)", () => {
  const fresh = { rescheduleTriggeredAt: "2024-01-01T00:00:02Z", lastScheduledTime: "2024-01-01T00:00:01Z" };
  it("divides all replicas by free capacity plus current replicas (2+1 : 4+1 : 6+1)", async () => {
    const r = await preview({ resource: deployment(12), policy: policy(dynamic), clusters: clusters({ member1: 1, member2: 1, member3: 1 }), previous: targets({ member1: 2, member2: 4, member3: 6 }), options: fresh });
    expect(asMap(r)).toEqual({ member1: 2, member2: 4, member3: 6 });
    expect(r.explanation.assignment[0]).toMatchObject({ mode: "Fresh", action: "fresh" });
  });

  it("a trigger before the last schedule keeps the steady mode", async () => {
    const options = { rescheduleTriggeredAt: "2024-01-01T00:00:01Z", lastScheduledTime: "2024-01-01T00:00:02Z" };
    const r = await preview({ resource: deployment(12), policy: policy(aggregated), clusters: clusters({ member1: 20, member2: 20 }), previous: targets({ member1: 4, member2: 8 }), options });
    expect(asMap(r)).toEqual({ member1: 4, member2: 8 });
    expect(r.explanation.assignment[0]).toMatchObject({ mode: "Steady", action: "unchanged" });
  });

  it("Aggregated fresh packs into the largest clusters, ignoring where replicas were", async () => {
    const r = await preview({ resource: deployment(12), policy: policy(aggregated), clusters: clusters({ member1: 2, member2: 20 }), previous: targets({ member1: 4, member2: 8 }), options: fresh });
    // weights: member2 20+8, member1 2+4: member2 alone covers 12.
    expect(asMap(r)).toEqual({ member2: 12 });
  });
});

describe("common_test.go TestAssignReplicas overflow through the preview", () => {
  const overflow = {
    ...dynamic,
    clusterAffinities: [{ affinityName: "affinity1", clusterNames: ["member1"], overflowAffinities: [{ affinityName: "overflow", clusterNames: ["member2"] }] }],
  };
  it.each<[string, Record<string, number>, number, Record<string, number>, Record<string, number>]>([
    ["primary group has enough capacity, no overflow needed", { member1: 10, member2: 10 }, 5, {}, { member1: 5 }],
    ["primary group capacity exhausted, remaining replicas overflow to next tier", { member1: 2, member2: 10 }, 5, {}, { member1: 2, member2: 3 }],
    ["AvailableReplicas greater than AllocatableReplicas due to previously assigned replicas", { member1: 2, member2: 10 }, 8, { member1: 3 }, { member1: 5, member2: 3 }],
  ])("%s", async (_n, pods, replicas, previous, want) => {
    const r = await preview({ resource: deployment(replicas), policy: policy(overflow), clusters: clusters(pods), previous: targets(previous), options: { observedAffinityName: "affinity1" } });
    expect(r.error).toBeUndefined();
    expect(asMap(r)).toEqual(want);
    expect(r.affinityName).toBe("affinity1");
  });

  it("all tiers exhausted, scheduling fails", async () => {
    const r = await preview({ resource: deployment(10), policy: policy(overflow), clusters: clusters({ member1: 2, member2: 2 }), options: { observedAffinityName: "affinity1" } });
    expect(r.error).toEqual({ reason: "Unschedulable", message: "failed to assign replicas: Clusters available replicas are not enough to schedule." });
  });
});

describe("util_test.go Test_attachZeroReplicasCluster through the preview", () => {
  it("the selected clusters without replicas are listed with 0 when enableEmptyWorkloadPropagation is on", async () => {
    const r = await preview({ resource: deployment(1), policy: policy(aggregated), clusters: clusters({ member1: 5, member2: 5, member3: 5 }), options: { enableEmptyWorkloadPropagation: true } });
    expect(r.clusters).toEqual([
      { name: "member1", replicas: 1 },
      { name: "member2", replicas: 0 },
      { name: "member3", replicas: 0 },
    ]);
  });
});

describe("common_test.go TestAssignReplicas 'Unsupported replica scheduling strategy' through the preview", () => {
  it("fails as SchedulerError with Karmada's message and keeps the previous result", async () => {
    const placement = { replicaScheduling: { replicaSchedulingType: "UnsupportedType", replicaDivisionPreference: "UnsupportedPreference" } };
    const r = await preview({ resource: deployment(3), policy: policy(placement), clusters: clusters({ member1: 5 }), previous: targets({ member1: 3 }) });
    expect(r.error).toEqual({
      reason: "SchedulerError",
      message:
        "failed to assign replicas: unsupported replica scheduling strategy, replicaSchedulingType: UnsupportedType, replicaDivisionPreference: UnsupportedPreference, please try another scheduling strategy",
    });
    expect(asMap(r)).toEqual({ member1: 3 });
  });
});

describe("spreadconstraint tables through the preview (select_clusters_by_region_test.go, select_clusters_test.go)", () => {
  const topo = (name: string, pods: number, spec: Record<string, unknown>) => {
    const c = cluster(name, pods) as { spec: Record<string, unknown> };
    c.spec = { ...c.spec, ...spec };
    return c;
  };
  const run = (placement: unknown, list: unknown[], replicas: number) => preview({ resource: deployment(replicas), policy: policy(placement), clusters: list });

  it("select cluster from the region with enough clusters (region 1/1, cluster 3/3)", async () => {
    const list = [topo("member1", 40, { region: "R1" }), topo("member2", 40, { region: "R1" }), topo("member3", 40, { region: "R2" }), topo("member4", 40, { region: "R2" }), topo("member5", 40, { region: "R2" })];
    const spread = [
      { spreadByField: "region", minGroups: 1, maxGroups: 1 },
      { spreadByField: "cluster", minGroups: 3, maxGroups: 3 },
    ];
    const r = await run({ ...dynamic, spreadConstraints: spread }, list, 30);
    expect(r.error).toBeUndefined();
    expect(asMap(r)).toEqual({ member3: 10, member4: 10, member5: 10 });
    expect(r.explanation.selection?.chosenGroups).toEqual(["R2"]);
  });

  it("no enough region", async () => {
    const list = [topo("member1", 40, { region: "R1" }), topo("member2", 40, { region: "R2" })];
    const r = await run({ ...dynamic, spreadConstraints: [{ spreadByField: "region", minGroups: 3, maxGroups: 3 }, { spreadByField: "cluster", minGroups: 3, maxGroups: 3 }] }, list, 3);
    expect(r.error).toEqual({ reason: "SchedulerError", message: "failed to select clusters: the number of feasible region is less than spreadConstraint.MinGroups" });
  });

  it("no enough clusters", async () => {
    const list = [topo("member1", 40, { region: "R1" }), topo("member2", 40, { region: "R1" }), topo("member3", 40, { region: "R2" })];
    const r = await run({ ...dynamic, spreadConstraints: [{ spreadByField: "region", minGroups: 1, maxGroups: 1 }, { spreadByField: "cluster", minGroups: 4, maxGroups: 4 }] }, list, 3);
    expect(r.error).toEqual({ reason: "SchedulerError", message: "failed to select clusters: the number of clusters is less than the cluster spreadConstraint.MinGroups" });
  });

  it.each([["zone", { zones: ["Z1"] }], ["provider", { provider: "P1" }]])("a %s-only spread constraint is not supported by selection", async (field, spec) => {
    const r = await run({ spreadConstraints: [{ spreadByField: field, minGroups: 1, maxGroups: 1 }] }, [topo("member1", 10, spec)], 1);
    expect(r.error).toEqual({ reason: "SchedulerError", message: "failed to select clusters: just support cluster and region spread constraint" });
  });

  it("region with zone and provider constraints selects by region", async () => {
    const list = [topo("member1", 10, { region: "R1", zones: ["Z1"], provider: "P1" }), topo("member2", 10, { region: "R2", zones: ["Z2"], provider: "P1" })];
    const spread = [
      { spreadByField: "provider", minGroups: 1, maxGroups: 1 },
      { spreadByField: "region", minGroups: 2, maxGroups: 2 },
      { spreadByField: "zone", minGroups: 1, maxGroups: 2 },
      { spreadByField: "cluster", minGroups: 2, maxGroups: 2 },
    ];
    const r = await run({ spreadConstraints: spread }, list, 1);
    expect(r.error).toBeUndefined();
    expect(asMap(r)).toEqual({ member1: 1, member2: 1 });
  });

  it("select clusters by cluster score and satisfy available resources (cluster 1/2, Divided)", async () => {
    // The top two by score and free capacity already hold 80 + 60 >= 120: no swap.
    const list = [topo("member1", 40, {}), topo("member2", 60, {}), topo("member3", 80, {}), topo("member4", 50, {})];
    const r = await run({ ...aggregated, spreadConstraints: [{ spreadByField: "cluster", minGroups: 1, maxGroups: 2 }] }, list, 120);
    expect(r.explanation.selection?.selected).toEqual(["member3", "member2"]);
    expect(asMap(r)).toEqual({ member3: 69, member2: 51 });
  });

  it("a higher-scored cluster short of capacity is swapped for the largest of the rest", async () => {
    // member1 is a current target (ClusterLocality 100) and ranks first; [member1, member3] hold
    // 40 + 80 < 130, nothing beats member3's 80, so member1 (the last slot that can improve) is
    // swapped for member2 (60).
    const list = [topo("member1", 40, {}), topo("member2", 60, {}), topo("member3", 80, {}), topo("member4", 50, {})];
    const r = await preview({ resource: deployment(130), policy: policy({ ...aggregated, spreadConstraints: [{ spreadByField: "cluster", minGroups: 1, maxGroups: 2 }] }), clusters: list, previous: [{ name: "member1", replicas: 0 }] });
    expect(r.explanation.selection?.selected).toEqual(["member2", "member3"]);
    expect(r.error).toBeUndefined();
    expect(Object.keys(asMap(r)).sort()).toEqual(["member2", "member3"]);
  });

  it("select clusters by cluster score and insufficient resources", async () => {
    const list = [topo("member1", 40, {}), topo("member2", 60, {}), topo("member3", 80, {}), topo("member4", 50, {})];
    const r = await run({ ...aggregated, spreadConstraints: [{ spreadByField: "cluster", minGroups: 1, maxGroups: 2 }] }, list, 200);
    expect(r.error).toEqual({ reason: "SchedulerError", message: "failed to select clusters: no enough resource when selecting 2 clusters" });
  });

  it("static weight ignores spread constraints", async () => {
    const list = [topo("member1", 1, {}), topo("member2", 1, {}), topo("member3", 1, {})];
    const placement = {
      replicaScheduling: { replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted", weightPreference: { staticWeightList: [{ targetCluster: { clusterNames: ["member1"] }, weight: 2 }] } },
      spreadConstraints: [{ spreadByField: "cluster", minGroups: 1, maxGroups: 1 }],
    };
    const r = await run(placement, list, 4);
    expect(r.explanation.selection?.mode).toBe("all");
    expect(asMap(r)).toEqual({ member1: 4 });
  });
});

describe("a previous assignment naming a cluster twice", () => {
  it("a candidate's available replicas add the first entry (AssignedReplicasForCluster); steady scale-up counts both", async () => {
    const r = await preview({ resource: deployment(10), policy: policy(dynamic), clusters: clusters({ member1: 4, member2: 4 }), previous: [{ name: "member1", replicas: 2 }, { name: "member1", replicas: 3 }] });
    expect(r.explanation.clusters.find((c) => c.name === "member1")?.availableReplicas).toBe(6);
    // assigned 5 (both entries), 5 more over 4:4; MergeTargetClusters keeps the last old entry per name.
    expect(r.error).toBeUndefined();
  });

  it("fresh mode adds every entry onto the cluster's capacity", async () => {
    const options = { rescheduleTriggeredAt: "2024-01-01T00:00:02Z", lastScheduledTime: "2024-01-01T00:00:01Z" };
    const r = await preview({ resource: deployment(10), policy: policy(dynamic), clusters: clusters({ member1: 0, member2: 5 }), previous: [{ name: "member1", replicas: 2 }, { name: "member1", replicas: 3 }], options });
    // weights member1 0+2+3 = 5, member2 5: 10 over 5:5.
    expect(asMap(r)).toEqual({ member1: 5, member2: 5 });
  });
});
