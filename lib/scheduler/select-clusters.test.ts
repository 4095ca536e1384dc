import { describe, expect, it } from "vitest";
import type { Cluster, Placement, SpreadConstraint } from "../kube/karmada";
import { compareCandidates } from "./candidates";
import type { ClusterCandidate } from "./framework";
import { calcGroupScore, groupByRegion, type RegionGroup, selectBestClustersByRegion, selectClusters } from "./select-clusters";

/**
 * Tables ported from Karmada's `pkg/scheduler/core/spreadconstraint` tests:
 * select_clusters_by_region_test.go, select_clusters_test.go and group_clusters_test.go.
 */

function topo(name: string, provider: string, region: string, zone: string): Cluster {
  return { apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name }, spec: { syncMode: "Push", provider, region, zones: [zone] } };
}

function cand(name: string, score: number, available: number, region = "R1", provider = "P1", zone = "Z1"): ClusterCandidate {
  return { name, cluster: topo(name, provider, region, zone), score, overflowOrder: 0, availableReplicas: available, allocatableReplicas: available };
}

/** "R1:100 member1/100/40 member2/80/40" -> a region group. */
function region(spec: string): RegionGroup {
  const [head, ...members] = spec.split(" ");
  const [name, score] = head.split(":");
  return {
    name,
    score: Number(score),
    clusters: members.map((m) => {
      const [n, s, a] = m.split("/");
      return cand(n, Number(s), Number(a), name);
    }),
  };
}

const sc = (field: SpreadConstraint["spreadByField"], minGroups: number, maxGroups: number): SpreadConstraint => ({ spreadByField: field, minGroups, maxGroups });

describe("selectBestClustersByRegion (Test_selectBestClustersByRegion)", () => {
  const twoRegions = ["R1:100 member1/100/40 member2/80/40", "R2:80 member3/80/40 member4/80/40 member5/60/40"];
  it.each<[string, [number, number], [number, number], string[], string[] | "error"]>([
    ["select cluster from the region with the higher score", [1, 1], [2, 2], twoRegions, ["member1", "member2"]],
    ["select cluster from the region with enough clusters", [1, 1], [3, 3], twoRegions, ["member3", "member4", "member5"]],
    [
      "select cluster from the region with enough clusters and higher score",
      [2, 2],
      [4, 5],
      ["R1:90 member1/90/40", "R2:70 member2/70/40 member3/60/40 member4/30/40", "R3:80 member5/80/40 member6/50/60", "R4:50 member7/50/50 member8/40/50 member9/10/50 member10/0/50"],
      ["member1", "member2", "member3", "member4"],
    ],
    [
      "select cluster from more than `minGroups` regions with enough clusters and higher score",
      [1, 3],
      [6, 8],
      ["R1:70 member1/70/40", "R2:40 member2/40/40 member3/40/40 member4/40/40", "R3:60 member5/60/40 member6/50/60", "R4:70 member7/70/100", "R5:50 member8/50/50"],
      ["member1", "member5", "member2", "member6", "member3", "member4"],
    ],
    ["no enough region", [3, 3], [3, 3], twoRegions, "error"],
    ["no enough clusters", [1, 1], [4, 4], ["R1:100 member1/100/40 member2/80/60", "R2:80 member3/80/40 member4/80/40 member5/60/40"], "error"],
    ["no more regions to replace", [1, 1], [3, 4], ["R1:100 member1/100/40 member2/80/20"], "error"],
  ])("%s", (_name, [rmin, rmax], [cmin, cmax], regions, want) => {
    const run = () => selectBestClustersByRegion(sc("region", rmin, rmax), sc("cluster", cmin, cmax), regions.map(region)).map((c) => c.name);
    if (want === "error") expect(run).toThrow();
    else expect(run()).toEqual(want);
  });

  it("reports Karmada's error texts", () => {
    const regions = ["R1:100 member1/100/40 member2/80/40"].map(region);
    expect(() => selectBestClustersByRegion(sc("region", 2, 2), sc("cluster", 1, 1), regions)).toThrow("the number of feasible region is less than spreadConstraint.MinGroups");
    expect(() => selectBestClustersByRegion(sc("region", 1, 1), sc("cluster", 3, 3), regions)).toThrow("the number of clusters is less than the cluster spreadConstraint.MinGroups");
  });
});

describe("SelectBestClusters by cluster (TestSelectBestClusters)", () => {
  // Already ranked by score: member4, member2, member3, member1.
  const infos = [cand("member4", 60, 50, "R2", "P2", "Z2"), cand("member2", 40, 60, "R1", "P1", "Z2"), cand("member3", 30, 80, "R1", "P2", "Z1"), cand("member1", 20, 40, "R1", "P1", "Z1")];
  const spread = (min: number, max: number) => [sc("cluster", min, max)];
  it.each<[string, Placement, number, string[] | string]>([
    ["select clusters by cluster score", { spreadConstraints: spread(1, 2) }, 100, ["member4", "member2"]],
    ["ignore available resources when Duplicated", { spreadConstraints: spread(1, 2), replicaScheduling: { replicaSchedulingType: "Duplicated" } }, 120, ["member4", "member2"]],
    [
      "ignore spread constraints when static weight",
      { spreadConstraints: spread(1, 2), replicaScheduling: { replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted", weightPreference: { staticWeightList: [{ targetCluster: { clusterNames: ["member1"] }, weight: 2 }] } } },
      120,
      ["member4", "member2", "member3", "member1"],
    ],
    ["satisfy available resources", { spreadConstraints: spread(1, 2), replicaScheduling: { replicaSchedulingType: "Divided" } }, 120, ["member4", "member3"]],
    ["insufficient resources", { spreadConstraints: spread(1, 2), replicaScheduling: { replicaSchedulingType: "Divided" } }, 200, "no enough resource when selecting 2 clusters"],
    ["exceeded the number of available clusters", { spreadConstraints: spread(7, 7) }, 30, "the number of feasible clusters is less than spreadConstraint.MinGroups"],
  ])("%s", (_name, placement, replicas, want) => {
    const run = () => selectClusters(placement, infos, replicas).selected.map((c) => c.name);
    if (typeof want === "string") expect(run).toThrow(want);
    else expect(run()).toEqual(want);
  });

  it("fails for provider/zone-only constraints", () => {
    expect(() => selectClusters({ spreadConstraints: [sc("zone", 1, 1)] }, infos, 1)).toThrow("just support cluster and region spread constraint");
  });
});

describe("group clusters (Test_GroupClustersWithScore)", () => {
  const scored = [cand("member1", 20, 100, "R1", "P1", "Z1"), cand("member2", 40, 100, "R1", "P1", "Z2"), cand("member3", 30, 100, "R1", "P2", "Z1"), cand("member4", 60, 100, "R2", "P2", "Z2")];
  it("sorts clusters by score descending", () => {
    expect([...scored].sort(compareCandidates).map((c) => c.name)).toEqual(["member4", "member2", "member3", "member1"]);
  });

  it("ranks by overflow tier first, then score, available replicas and name", () => {
    const list = [cand("b", 0, 5), cand("a", 0, 5), cand("c", 0, 9), { ...cand("d", 100, 99), overflowOrder: 1 }, cand("e", 100, 1)];
    expect(list.sort(compareCandidates).map((c) => c.name)).toEqual(["e", "c", "a", "b", "d"]);
  });

  it("groups by region only when a region constraint exists (2 regions)", () => {
    const sorted = [...scored].sort(compareCandidates);
    const groups = groupByRegion(sorted, { spreadConstraints: [sc("region", 1, 1)] }, 0);
    expect(groups.map((g) => [g.name, g.clusters.map((c) => c.name)])).toEqual([
      ["R2", ["member4"]],
      ["R1", ["member2", "member3", "member1"]],
    ]);
  });
});

describe("calcGroupScore (Test_CalcGroupScore, Test_CalcGroupScoreForDuplicate)", () => {
  const members = (scores: number[], available: number[]) => scores.map((s, i) => cand(`member${i + 1}`, s, available[i]));
  const duplicated: Placement = { replicaScheduling: { replicaSchedulingType: "Duplicated" } };
  const aggregated: Placement = { replicaScheduling: { replicaSchedulingType: "Divided", replicaDivisionPreference: "Aggregated" } };
  const dynamic: Placement = { replicaScheduling: { replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted", weightPreference: { dynamicWeight: "AvailableReplicas" } } };
  const staticW: Placement = { replicaScheduling: { replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted", weightPreference: { staticWeightList: [] } } };
  it.each<[number, ClusterCandidate[], ClusterCandidate[], Placement, number, number, boolean]>([
    [1, members([100, 100, 0, 0, 0], [30, 30, 30, 30, 30]), members([100, 100, 100, 100, 100], [30, 30, 30, 10, 10]), duplicated, 20, 0, true],
    [2, members([100, 100, 0, 0, 0], [30, 30, 30, 10, 10]), members([100, 100, 100, 100, 100], [30, 30, 30, 10, 10]), duplicated, 20, 0, false],
    [3, members([100, 100, 0, 0, 0], [30, 30, 30, 10, 10]), members([100, 100, 100, 100, 100], [10, 10, 10, 5, 5]), aggregated, 100, 2, true],
    [4, members([100, 100, 0, 0, 0], [10, 10, 10, 10, 5]), members([100, 100, 100, 100, 100], [10, 10, 10, 5, 5]), dynamic, 100, 2, true],
    [5, members([100, 100, 0, 0, 0], [10, 10, 10, 5, 5]), members([100, 100, 100, 100, 100], [10, 10, 10, 5, 5]), staticW, 100, 2, false],
    [6, members([0, 0, 0, 0, 0], [100, 100, 100, 100, 100]), members([100, 100, 100, 100, 100], [50, 50, 50, 50, 50]), aggregated, 100, 2, false],
  ])("case %i", (_id, g1, g2, placement, replicas, minGroups, group1Wins) => {
    expect(calcGroupScore(g1, placement, replicas, minGroups) >= calcGroupScore(g2, placement, replicas, minGroups)).toBe(group1Wins);
  });

  it.each<[string, number[], number[], Placement, number, number, number]>([
    ["Duplicated: valid clusters x1000 + average valid score", [100, 100, 0, 0, 0], [30, 30, 30, 10, 10], duplicated, 20, 0, 3066],
    ["Duplicated: 0 when no cluster has room", [50, 50], [5, 5], duplicated, 10, 0, 0],
    ["Duplicated: 0 for an empty group", [], [], duplicated, 10, 0, 0],
    ["Divided short of target: sum x1000 + average over all", [100, 100, 0, 0, 0], [10, 10, 10, 10, 5], dynamic, 100, 2, 45040],
    ["Divided meeting target: target x1000 + average over walked", [100, 100, 0, 0, 0], [30, 30, 30, 10, 10], aggregated, 100, 2, 50100],
  ])("%s", (_n, scores, available, placement, replicas, minGroups, want) => {
    expect(calcGroupScore(members(scores, available), placement, replicas, minGroups)).toBe(want);
  });
});
