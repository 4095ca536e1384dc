import { describe, expect, it } from "vitest";
import type { Cluster, Placement, ReplicaSchedulingStrategy, StaticClusterWeight, TargetCluster } from "../kube/karmada";
import { assignWorkloadReplicas, resolveStrategy } from "./assign-replicas";
import type { ClusterCandidate } from "./framework";

// Tables ported from Karmada's pkg/scheduler/core/assignment_test.go (data and expectations).

const cluster = (name: string): Cluster => ({ apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name }, spec: { syncMode: "Push" } });
const candidates = (alloc: Record<string, number>, previous: TargetCluster[] = [], tiers: Record<string, number> = {}): ClusterCandidate[] =>
  Object.entries(alloc).map(([name, a]) => ({
    name,
    cluster: cluster(name),
    score: 0,
    overflowOrder: tiers[name] ?? 0,
    allocatableReplicas: a,
    availableReplicas: a + (previous.find((p) => p.name === name)?.replicas ?? 0),
  }));
const targets = (o: Record<string, number>): TargetCluster[] => Object.entries(o).map(([name, replicas]) => ({ name, replicas }));
const asMap = (list: TargetCluster[]) => Object.fromEntries(list.map((c) => [c.name, c.replicas]));

const dynamic: ReplicaSchedulingStrategy = { replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted", weightPreference: { dynamicWeight: "AvailableReplicas" } };
const aggregated: ReplicaSchedulingStrategy = { replicaSchedulingType: "Divided", replicaDivisionPreference: "Aggregated" };
const staticList = (list?: StaticClusterWeight[]): ReplicaSchedulingStrategy => ({
  replicaSchedulingType: "Divided",
  replicaDivisionPreference: "Weighted",
  weightPreference: list ? { staticWeightList: list } : undefined,
});
const byName = (name: string, weight: number): StaticClusterWeight => ({ targetCluster: { clusterNames: [name] }, weight });

function run(strategy: ReplicaSchedulingStrategy | undefined, alloc: Record<string, number>, replicas: number, previous: Record<string, number> = {}, fresh = false) {
  const prev = targets(previous);
  const placement: Placement = { replicaScheduling: strategy };
  return assignWorkloadReplicas({ candidates: candidates(alloc, prev), replicas, placement, previous: prev, fresh, overflow: false });
}

describe("resolveStrategy", () => {
  it.each([
    [undefined, "Duplicated"],
    [{ replicaSchedulingType: "Duplicated" }, "Duplicated"],
    [aggregated, "Aggregated"],
    [dynamic, "DynamicWeight"],
    [staticList([byName("m1", 1)]), "StaticWeight"],
    [{ replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted" }, "StaticWeight"],
  ] as const)("%j → %s", (strategy, want) => {
    expect(resolveStrategy({ replicaScheduling: strategy as ReplicaSchedulingStrategy | undefined })).toBe(want);
  });
});

describe("StaticWeight (Test_assignByStaticWeightStrategy)", () => {
  const three = { member1: 0, member2: 0, member3: 0 };
  it.each([
    ["replica 12, weight 3:2:1", three, [byName("member1", 3), byName("member2", 2), byName("member3", 1)], 12, { member1: 6, member2: 4, member3: 2 }],
    ["replica 12, default weight", three, undefined, 12, { member1: 4, member2: 4, member3: 4 }],
    ["replica 13, weight 3:2:1", three, [byName("member1", 3), byName("member2", 2), byName("member3", 1)], 13, { member1: 7, member2: 4, member3: 2 }],
    ["replica 14, weight 3:2:1", three, [byName("member1", 3), byName("member2", 2), byName("member3", 1)], 14, { member1: 7, member2: 5, member3: 2 }],
    ["insufficient replicas get nothing", { member1: 0, member2: 0 }, [byName("member1", 1), byName("member2", 1)], 0, {}],
    ["selected cluster without weight is ignored", { member1: 0, member2: 0 }, [byName("member1", 1)], 2, { member1: 2 }],
    ["cluster with multiple weights takes the largest", { member1: 0, member2: 0 }, [byName("member1", 1), byName("member2", 1), byName("member1", 2)], 3, { member1: 2, member2: 1 }],
  ] as const)("%s", (_n, alloc, list, replicas, want) => {
    expect(asMap(run(staticList(list as StaticClusterWeight[] | undefined), alloc, replicas).clusters)).toEqual(want);
  });
});

describe("DynamicWeight and Aggregated (Test_dynamicScale, Test_dynamicScaleUp, §8.6)", () => {
  it.each([
    ["12 -> 6, dynamic 1:1:1", dynamic, { member1: 1, member2: 1, member3: 1 }, { member1: 2, member2: 4, member3: 6 }, 6, { member1: 1, member2: 2, member3: 3 }],
    ["12 -> 24, dynamic 10:10:10", dynamic, { member1: 10, member2: 10, member3: 10 }, { member1: 2, member2: 4, member3: 6 }, 24, { member1: 6, member2: 8, member3: 10 }],
    ["12 -> 6, aggregated 1:1:1", aggregated, { member1: 1, member2: 1, member3: 1 }, { member1: 4, member2: 8 }, 6, { member2: 6 }],
    ["12 -> 8, aggregated 100:100", aggregated, { member1: 100, member2: 100 }, { member1: 4, member2: 8 }, 8, { member2: 8 }],
    ["12 -> 24, aggregated 4:6:8", aggregated, { member1: 4, member2: 6, member3: 8 }, { member1: 4, member2: 8 }, 24, { member1: 7, member2: 12, member3: 5 }],
    ["12 -> 24, aggregated 6:6:20", aggregated, { member1: 6, member2: 6, member3: 20 }, { member1: 4, member2: 8 }, 24, { member1: 10, member2: 14 }],
    ["12 -> 24, aggregated with member2 gone and member4 new", aggregated, { member1: 4, member3: 8, member4: 12 }, { member1: 4, member2: 8 }, 24, { member1: 7, member3: 7, member4: 10 }],
    ["first schedule, dynamic 6:8:10", dynamic, { member1: 6, member2: 8, member3: 10 }, {}, 12, { member1: 3, member2: 4, member3: 5 }],
    ["first schedule, aggregated 6:8:10", aggregated, { member1: 6, member2: 8, member3: 10 }, {}, 12, { member2: 5, member3: 7 }],
    ["unchanged replicas keep the result", dynamic, { member1: 0, member2: 0 }, { member1: 3, member2: 2 }, 5, { member1: 3, member2: 2 }],
  ] as const)("%s", (_n, strategy, alloc, previous, replicas, want) => {
    expect(asMap(run(strategy, alloc, replicas, previous).clusters)).toEqual(want);
  });

  it.each([
    ["12 -> 24, dynamic 1:1:1", dynamic, { member1: 1, member2: 1, member3: 1 }, { member1: 2, member2: 4, member3: 6 }, 24, "failed to scale up: Clusters available replicas 3 are not enough to schedule."],
    ["12 -> 24, aggregated 1:1:1", aggregated, { member1: 1, member2: 1, member3: 1 }, { member1: 4, member2: 8 }, 24, "failed to scale up: Clusters available replicas 3 are not enough to schedule."],
  ] as const)("%s is Unschedulable", (_n, strategy, alloc, previous, replicas, message) => {
    expect(() => run(strategy, alloc, replicas, previous)).toThrow(expect.objectContaining({ reason: "Unschedulable", message }));
  });

  it("fresh mode divides everything by capacity plus current replicas", () => {
    // weights 2+1 : 4+1 : 6+1 = 3:5:7 for 12 replicas
    const { clusters, steps } = run(dynamic, { member1: 1, member2: 1, member3: 1 }, 12, { member1: 2, member2: 4, member3: 6 }, true);
    expect(steps[0]).toMatchObject({ mode: "Fresh", action: "fresh", targetReplicas: 12 });
    expect(asMap(clusters)).toEqual({ member1: 2, member2: 4, member3: 6 });
  });
});

describe("Duplicated", () => {
  it("gives every candidate all replicas", () => {
    expect(asMap(run(undefined, { member1: 0, member2: 5 }, 3).clusters)).toEqual({ member1: 3, member2: 3 });
  });
});

describe("overflow tiers", () => {
  it("fills the primary tier first, then spills into overflow tiers", () => {
    const cands = candidates({ a: 2, b: 3, c: 10 }, [], { a: 0, b: 0, c: 1 });
    const placement: Placement = { replicaScheduling: dynamic };
    const { clusters, steps } = assignWorkloadReplicas({ candidates: cands, replicas: 8, placement, previous: [], fresh: false, overflow: true });
    expect(asMap(clusters)).toEqual({ a: 2, b: 3, c: 3 });
    expect(steps.map((s) => [s.tier, s.targetReplicas])).toEqual([[0, 5], [1, 3]]);
  });

  it("is Unschedulable when all tiers together are short", () => {
    const cands = candidates({ a: 1, c: 1 }, [], { a: 0, c: 1 });
    expect(() => assignWorkloadReplicas({ candidates: cands, replicas: 5, placement: { replicaScheduling: dynamic }, previous: [], fresh: false, overflow: true })).toThrow(
      expect.objectContaining({ reason: "Unschedulable", message: "Clusters available replicas are not enough to schedule." }),
    );
  });
});

describe("static weights through assignment (generic_scheduler_test.go Test_DistributionOfReplicas)", () => {
  // Every case lists its clusters, the weight of each (by clusterNames), the replicas, and the result.
  it.each<[string, Record<string, number>, number, Record<string, number>]>([
    ["replica 3, static weighted 1:1", { member1: 1, member2: 1 }, 3, { member1: 2, member2: 1 }],
    ["1:1:1, 3 replicas (before 3 -> 5)", { member1: 1, member2: 1, member3: 1 }, 3, { member1: 1, member2: 1, member3: 1 }],
    ["1:1:1, 5 replicas (after 3 -> 5)", { member1: 1, member2: 1, member3: 1 }, 5, { member1: 2, member2: 2, member3: 1 }],
    ["2:1:1:1, 7 replicas (before 7 -> 8)", { member1: 2, member2: 1, member3: 1, member4: 1 }, 7, { member1: 3, member2: 2, member3: 1, member4: 1 }],
    ["2:1:1:1, 8 replicas (after 7 -> 8)", { member1: 2, member2: 1, member3: 1, member4: 1 }, 8, { member1: 3, member2: 2, member3: 2, member4: 1 }],
    ["2:1:1:1, 9 replicas (before 9 -> 8)", { member1: 2, member2: 1, member3: 1, member4: 1 }, 9, { member1: 3, member2: 2, member3: 2, member4: 2 }],
    ["2:1:1:1, 8 replicas (after 9 -> 8)", { member1: 2, member2: 1, member3: 1, member4: 1 }, 8, { member1: 3, member2: 2, member3: 2, member4: 1 }],
    ["1:1:1:1, 6 replicas (before weight change)", { member1: 1, member2: 1, member3: 1, member4: 1 }, 6, { member1: 2, member2: 2, member3: 1, member4: 1 }],
    ["2:1:1:1, 6 replicas (after weight change)", { member1: 2, member2: 1, member3: 1, member4: 1 }, 6, { member1: 3, member2: 1, member3: 1, member4: 1 }],
    ["1:1:1, 5 replicas (before adding a cluster)", { member1: 1, member2: 1, member3: 1 }, 5, { member1: 2, member2: 2, member3: 1 }],
    ["1:1:1:1, 5 replicas (after adding a cluster)", { member1: 1, member2: 1, member3: 1, member4: 1 }, 5, { member1: 2, member2: 1, member3: 1, member4: 1 }],
    ["1:1:1:1, 6 replicas (before removing a cluster)", { member1: 1, member2: 1, member3: 1, member4: 1 }, 6, { member1: 2, member2: 2, member3: 1, member4: 1 }],
    ["1:1:1, 6 replicas (after removing a cluster)", { member1: 1, member2: 1, member3: 1 }, 6, { member1: 2, member2: 2, member3: 2 }],
  ])("%s", (_name, weights, replicas, want) => {
    const list = Object.entries(weights).map(([name, w]) => byName(name, w));
    const alloc = Object.fromEntries(Object.keys(weights).map((n) => [n, 0]));
    const got = run(staticList(list), alloc, replicas).clusters;
    // Karmada returns the result sorted by name; so do we.
    expect(got).toEqual(targets(want));
  });
});
