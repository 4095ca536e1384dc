import { describe, expect, it } from "vitest";
import type { Cluster, Placement, ReplicaSchedulingStrategy, TargetCluster } from "../kube/karmada";
import { assignWorkloadReplicas, dynamicDivideReplicas } from "./assign-replicas";
import { type ClusterCandidate, MAX_INT32 } from "./framework";
import { selectClusters } from "./select-clusters";
import { schedule } from "./schedule";

/**
 * Tables of Karmada's pkg/scheduler/core tests not covered elsewhere: division_algorithm_test.go
 * (Test_dynamicDivideReplicas), assignment_test.go (Test_dynamicScaleUp, Test_assignByDuplicatedStrategy,
 * Test_assignByDynamicStrategy_UnschedulableErrorPreserved), common_test.go (TestSelectClusters,
 * TestAssignReplicas) and util_test.go (Test_attachZeroReplicasCluster).
 */

const M1 = "member1";
const M2 = "member2";
const M3 = "member3";
const M4 = "member4";

const cluster = (name: string): Cluster => ({ apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name }, spec: { syncMode: "Push" } });

interface Cand {
  name: string;
  score?: number;
  tier?: number;
  /** AllocatableReplicas (the estimate). */
  alloc?: number;
  /** AvailableReplicas; defaults to alloc plus what `previous` holds there. */
  avail?: number;
}

function candidates(list: Cand[], previous: readonly TargetCluster[] = []): ClusterCandidate[] {
  return list.map((c) => ({
    name: c.name,
    cluster: cluster(c.name),
    score: c.score ?? 0,
    overflowOrder: c.tier ?? 0,
    allocatableReplicas: c.alloc ?? 0,
    availableReplicas: c.avail ?? (c.alloc ?? 0) + (previous.find((p) => p.name === c.name)?.replicas ?? 0),
  }));
}

/** Karmada's helper.IsScheduleResultEqual: same clusters with the same replicas, in any order. */
const asMap = (list: readonly TargetCluster[]) => Object.fromEntries(list.map((c) => [c.name, c.replicas ?? 0]));
const targets = (o: Record<string, number>): TargetCluster[] => Object.entries(o).map(([name, replicas]) => ({ name, replicas }));

const dynamic: ReplicaSchedulingStrategy = { replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted", weightPreference: { dynamicWeight: "AvailableReplicas" } };
const aggregated: ReplicaSchedulingStrategy = { replicaSchedulingType: "Divided", replicaDivisionPreference: "Aggregated" };
const weighted: ReplicaSchedulingStrategy = { replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted" };

describe("division_algorithm_test.go Test_dynamicDivideReplicas", () => {
  it.each<[string, "DynamicWeight" | "Aggregated", [string, number][], number, Record<string, number>]>([
    ["replica 12, dynamic weight 18:12:6", "DynamicWeight", [[M1, 18], [M2, 12], [M3, 6]], 12, { [M1]: 6, [M2]: 4, [M3]: 2 }],
    ["replica 12, dynamic weight 20:12:6", "DynamicWeight", [[M1, 20], [M2, 12], [M3, 6]], 12, { [M1]: 6, [M2]: 4, [M3]: 2 }],
    ["replica 12, dynamic weight 6:12:6", "DynamicWeight", [[M1, 6], [M2, 12], [M3, 6]], 12, { [M1]: 3, [M2]: 6, [M3]: 3 }],
    ["replica 12, aggregated 12:6:6", "Aggregated", [[M2, 12], [M1, 6], [M3, 6]], 12, { [M2]: 12 }],
    ["replica 12, aggregated 6:6:6", "Aggregated", [[M1, 6], [M2, 6], [M3, 6]], 12, { [M1]: 6, [M2]: 6 }],
  ])("%s", (_n, strategy, available, target, want) => {
    const got = dynamicDivideReplicas(strategy, target, available.map(([name, weight]) => ({ name, weight })), []);
    // Karmada compares without the 0-replica entries the division may list.
    expect(asMap(got.filter((c) => (c.replicas ?? 0) > 0))).toEqual(want);
  });

  it("is Unschedulable when the capacity is short", () => {
    expect(() => dynamicDivideReplicas("DynamicWeight", 12, [{ name: M1, weight: 5 }, { name: M2, weight: 6 }], [])).toThrow(
      expect.objectContaining({ reason: "Unschedulable", message: "Clusters available replicas 11 are not enough to schedule." }),
    );
  });
});

function assign(strategy: ReplicaSchedulingStrategy | undefined, list: Cand[], replicas: number, previous: Record<string, number> = {}, extra: { overflow?: boolean; placement?: Placement } = {}) {
  const prev = targets(previous);
  return assignWorkloadReplicas({
    candidates: candidates(list, prev),
    replicas,
    placement: { ...extra.placement, replicaScheduling: strategy },
    previous: prev,
    fresh: false,
    overflow: extra.overflow ?? false,
  });
}

const three = (a: number, b: number, c: number): Cand[] => [
  { name: M1, alloc: a },
  { name: M2, alloc: b },
  { name: M3, alloc: c },
];

describe("assignment_test.go Test_dynamicScaleUp", () => {
  it.each<[string, ReplicaSchedulingStrategy, Cand[], Record<string, number>, Record<string, number>]>([
    ["replica 12, dynamic weight 6:8:10", dynamic, three(6, 8, 10), {}, { [M1]: 3, [M2]: 4, [M3]: 5 }],
    ["replica 12, dynamic weight 8:8:10", dynamic, three(8, 8, 10), {}, { [M1]: 4, [M2]: 4, [M3]: 4 }],
    ["replica 12, aggregated 6:8:10", aggregated, three(6, 8, 10), {}, { [M2]: 5, [M3]: 7 }],
    ["replica 12, aggregated 12:8:10", aggregated, three(12, 8, 10), {}, { [M1]: 12 }],
    [
      "replica 12, dynamic weight 3:3, with cluster3 disappeared and cluster2 appeared",
      dynamic,
      [
        { name: M1, alloc: 3 },
        { name: M2, alloc: 3 },
      ],
      { [M1]: 6, [M3]: 6 },
      { [M1]: 9, [M2]: 3 },
    ],
  ])("%s", (_n, strategy, list, previous, want) => {
    expect(asMap(assign(strategy, list, 12, previous).clusters)).toEqual(want);
  });

  it.each<[string, ReplicaSchedulingStrategy]>([
    ["replica 12, dynamic weight 3:3:3", dynamic],
    ["replica 12, aggregated 3:3:3", aggregated],
  ])("%s fails", (_n, strategy) => {
    expect(() => assign(strategy, three(3, 3, 3), 12)).toThrow(expect.objectContaining({ reason: "Unschedulable", message: "failed to scale up: Clusters available replicas 9 are not enough to schedule." }));
  });
});

describe("assignment_test.go Test_assignByDuplicatedStrategy", () => {
  it("test with multiple cluster", () => {
    expect(assign(undefined, [{ name: M1 }, { name: M2 }], 2).clusters).toEqual(targets({ [M1]: 2, [M2]: 2 }));
  });
  it("the target cluster is null", () => {
    expect(assign(undefined, [], 2).clusters).toEqual([]);
  });
  it("replicas is null: every cluster gets 0, which assignReplicasToClusters then drops", () => {
    expect(assign(undefined, [{ name: M1 }, { name: M2 }], 0).clusters).toEqual([]);
  });
});

describe("assignment_test.go Test_assignByDynamicStrategy_UnschedulableErrorPreserved", () => {
  it("keeps the Unschedulable kind through the wrapping", () => {
    expect(() => assign(dynamic, [{ name: M1, alloc: 3 }], 10)).toThrow(expect.objectContaining({ reason: "Unschedulable", message: "failed to scale up: Clusters available replicas 3 are not enough to schedule." }));
  });
});

describe("common_test.go TestSelectClusters", () => {
  // Non-workloads (spec.replicas 0): every cluster's available replicas is MaxInt32.
  const scored = (list: [string, number, number?][]) =>
    candidates(list.map(([name, score, tier]) => ({ name, score, tier, alloc: MAX_INT32, avail: MAX_INT32 }))).sort((a, b) => a.overflowOrder - b.overflowOrder || b.score - a.score || (a.name < b.name ? -1 : 1));
  it.each<[string, [string, number, number?][], Placement, string[]]>([
    ["select all clusters", [["cluster1", 10], ["cluster2", 20]], {}, ["cluster1", "cluster2"]],
    [
      "select top 1 cluster",
      [["cluster1", 10], ["cluster2", 20], ["cluster3", 15]],
      { clusterAffinity: { clusterNames: ["cluster1", "cluster2", "cluster3"] }, spreadConstraints: [{ spreadByField: "cluster", maxGroups: 1 }] },
      ["cluster2"],
    ],
    ["select clusters with affinity", [["cluster1", 10], ["cluster3", 15]], { clusterAffinity: { clusterNames: ["cluster1", "cluster3"] } }, ["cluster1", "cluster3"]],
    [
      "select clusters with overflow affinities",
      // cluster1 matches the observed term affinity1 (tier 0), cluster2 only its overflow (tier 1).
      [["cluster1", 10, 0], ["cluster2", 20, 1]],
      {
        replicaScheduling: dynamic,
        spreadConstraints: [{ spreadByField: "cluster", maxGroups: 1, minGroups: 1 }],
        clusterAffinities: [{ affinityName: "affinity1", clusterNames: ["cluster1"], overflowAffinities: [{ affinityName: "overflow", clusterNames: ["cluster2"] }] }],
      },
      ["cluster1"],
    ],
  ])("%s", (_n, list, placement, want) => {
    expect(selectClusters(placement, scored(list), 0).selected.map((c) => c.name).sort()).toEqual(want);
  });
});

describe("common_test.go TestAssignReplicas", () => {
  const overflowPlacement: Placement = {
    clusterAffinities: [{ affinityName: "affinity1", clusterNames: [M1], overflowAffinities: [{ affinityName: "overflow", clusterNames: [M2] }] }],
  };
  it("Assign replicas to single cluster", () => {
    expect(assign(weighted, [{ name: M1 }], 3).clusters).toEqual(targets({ [M1]: 3 }));
  });
  it.each<[string, Cand[], number, Record<string, number>, TargetCluster[]]>([
    [
      "Overflow: primary group has enough capacity, no overflow needed",
      [
        { name: M1, tier: 0, alloc: 10 },
        { name: M2, tier: 1, alloc: 10 },
      ],
      5,
      {},
      targets({ [M1]: 5 }),
    ],
    [
      "Overflow: primary group capacity exhausted, remaining replicas overflow to next tier",
      [
        { name: M1, tier: 0, alloc: 2 },
        { name: M2, tier: 1, alloc: 10 },
      ],
      5,
      {},
      targets({ [M1]: 2, [M2]: 3 }),
    ],
    [
      "Overflow: AvailableReplicas greater than AllocatableReplicas due to previously assigned replicas",
      [
        { name: M1, tier: 0, alloc: 2, avail: 5 },
        { name: M2, tier: 1, alloc: 10 },
      ],
      8,
      { [M1]: 3 },
      targets({ [M1]: 5, [M2]: 3 }),
    ],
  ])("%s", (_n, list, replicas, previous, want) => {
    expect(assign(dynamic, list, replicas, previous, { overflow: true, placement: overflowPlacement }).clusters).toEqual(want);
  });

  it("Overflow: all tiers exhausted, scheduling fails", () => {
    const list = [
      { name: M1, tier: 0, alloc: 2 },
      { name: M2, tier: 1, alloc: 2 },
    ];
    expect(() => assign(dynamic, list, 10, {}, { overflow: true, placement: overflowPlacement })).toThrow(
      expect.objectContaining({ reason: "Unschedulable", message: "Clusters available replicas are not enough to schedule." }),
    );
  });

  it("Unsupported replica scheduling strategy", () => {
    const strategy = { replicaSchedulingType: "UnsupportedType", replicaDivisionPreference: "UnsupportedPreference" } as unknown as ReplicaSchedulingStrategy;
    expect(() => assign(strategy, [{ name: M1 }], 3)).toThrow(
      expect.objectContaining({
        reason: "SchedulerError",
        message: "unsupported replica scheduling strategy, replicaSchedulingType: UnsupportedType, replicaDivisionPreference: UnsupportedPreference, please try another scheduling strategy",
      }),
    );
    const badPreference = { replicaSchedulingType: "Divided", replicaDivisionPreference: "Spread" } as unknown as ReplicaSchedulingStrategy;
    expect(() => assign(badPreference, [{ name: M1 }], 3)).toThrow("replicaSchedulingType: Divided, replicaDivisionPreference: Spread,");
  });

  // Through the whole pipeline: clusters with a pods-only resource summary.
  const podsCluster = (name: string, pods: number): Cluster => ({
    ...cluster(name),
    status: { apiEnablements: [{ groupVersion: "apps/v1", resources: [{ name: "deployments", kind: "Deployment" }] }], resourceSummary: { allocatable: { pods: String(pods) } } },
  });
  const resource = { apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "nginx" };

  it("No clusters available", () => {
    // Only reachable when the spread selection picks nothing: maxGroups 0.
    const r = schedule({ resource, replicas: 1, placement: { spreadConstraints: [{ spreadByField: "cluster", minGroups: 0, maxGroups: 0 }] }, clusters: [podsCluster(M1, 5)] });
    expect(r.error).toEqual({ reason: "SchedulerError", message: "failed to assign replicas: no clusters available to schedule" });
  });

  it("Non-workload scenario (zero replicas)", () => {
    const r = schedule({ resource, replicas: 0, placement: {}, clusters: [podsCluster(M1, 5), podsCluster(M2, 5)] });
    expect(r.clusters).toEqual([{ name: M1 }, { name: M2 }]);
  });

  it("an unsupported strategy fails the schedule as SchedulerError", () => {
    const placement = { replicaScheduling: { replicaSchedulingType: "UnsupportedType", replicaDivisionPreference: "UnsupportedPreference" } } as unknown as Placement;
    const r = schedule({ resource, replicas: 3, placement, clusters: [podsCluster(M1, 5)], previous: [{ name: M1, replicas: 3 }] });
    expect(r.error?.reason).toBe("SchedulerError");
    expect(r.error?.message).toBe(
      "failed to assign replicas: unsupported replica scheduling strategy, replicaSchedulingType: UnsupportedType, replicaDivisionPreference: UnsupportedPreference, please try another scheduling strategy",
    );
    expect(r.clusters).toEqual([{ name: M1, replicas: 3 }]);
    expect(r.explanation.strategy).toBe("Unsupported");
  });
});

describe("util_test.go Test_attachZeroReplicasCluster (enableEmptyWorkloadPropagation)", () => {
  it("appends the selected clusters without replicas after the assigned ones", () => {
    const podsCluster = (name: string, pods: number): Cluster => ({
      ...cluster(name),
      status: { apiEnablements: [{ groupVersion: "apps/v1", resources: [{ name: "deployments", kind: "Deployment" }] }], resourceSummary: { allocatable: { pods: String(pods) } } },
    });
    const staticW: Placement = {
      replicaScheduling: {
        ...weighted,
        weightPreference: {
          staticWeightList: [
            { targetCluster: { clusterNames: [M1] }, weight: 1 },
            { targetCluster: { clusterNames: [M2] }, weight: 2 },
          ],
        },
      },
    };
    const r = schedule({
      resource: { apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "nginx" },
      replicas: 3,
      placement: staticW,
      clusters: [podsCluster(M1, 10), podsCluster(M2, 10), podsCluster(M3, 10), podsCluster(M4, 10)],
      enableEmptyWorkloadPropagation: true,
    });
    expect(r.clusters).toEqual([{ name: M1, replicas: 1 }, { name: M2, replicas: 2 }, { name: M3 }, { name: M4 }]);
  });
});

describe("Aggregated keeps the clusters Go's sort.Sort puts first among equal capacities", () => {
  it("13 candidates, twelve with 5 free and the last with 10: Go's pdqsort moves member06 next to the largest", () => {
    const list: Cand[] = [...Array(13).keys()].map((i) => ({ name: `member${String(i).padStart(2, "0")}`, alloc: i === 12 ? 10 : 5 }));
    // 12 replicas over 10:5 (Webster): 8 and 4.
    expect(asMap(assign(aggregated, list, 12).clusters)).toEqual({ member12: 8, member06: 4 });
  });

  it("up to 12 candidates ties keep the candidate order (insertion sort)", () => {
    const list: Cand[] = [...Array(12).keys()].map((i) => ({ name: `member${String(i).padStart(2, "0")}`, alloc: i === 11 ? 10 : 5 }));
    expect(asMap(assign(aggregated, list, 12).clusters)).toEqual({ member11: 8, member00: 4 });
  });
});

describe("int32 arithmetic of dynamicDivideReplicas", () => {
  it("the capacity sum wraps around as util.GetSumOfReplicas's int32 sum does", () => {
    expect(() => dynamicDivideReplicas("DynamicWeight", 10, [{ name: M1, weight: 2_000_000_000 }, { name: M2, weight: 2_000_000_000 }], [])).toThrow(
      "Clusters available replicas -294967296 are not enough to schedule.",
    );
  });
});
