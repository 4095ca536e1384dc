import { describe, expect, it } from "vitest";
import type { Cluster, ResourceList, ResourceModel, ResourceSummary } from "../kube/karmada";
import { estimateAvailableReplicas, generalEstimate } from "./estimate";
import { MAX_INT32 } from "./framework";

/** Tables ported from Karmada's pkg/estimator/client/general_test.go (no assumed workloads: overcommit protection is an alpha gate we do not implement). */

function cluster(summary: ResourceSummary | undefined, models?: ResourceModel[]): Cluster {
  return { apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name: "m" }, spec: { syncMode: "Push", resourceModels: models }, status: summary ? { resourceSummary: summary } : {} };
}

const cpuGrades = (...mins: string[]): ResourceModel[] => mins.map((min, grade) => ({ grade, ranges: [{ name: "cpu", min, max: mins[grade + 1] ?? "4" }] }));
const cpuMemGrades: ResourceModel[] = [
  { grade: 0, ranges: [{ name: "cpu", min: "0", max: "1" }, { name: "memory", min: "0", max: "1Gi" }] },
  { grade: 1, ranges: [{ name: "cpu", min: "1", max: "2" }, { name: "memory", min: "1Gi", max: "2Gi" }] },
  { grade: 2, ranges: [{ name: "cpu", min: "2", max: "4" }, { name: "memory", min: "2Gi", max: "4Gi" }] },
];
const oneEach = [{ grade: 0, count: 1 }, { grade: 1, count: 1 }, { grade: 2, count: 1 }];

describe("resource models (TestGetMaximumReplicasBasedOnResourceModels)", () => {
  // The summary allows plenty of pods so only the models decide.
  const summary = (modelings = oneEach): ResourceSummary => ({ allocatable: { pods: "1000", cpu: "100", memory: "100Gi" }, allocatableModelings: modelings });
  it.each<[string, ResourceModel[], ResourceList, number]>([
    ["partially compliant grades", cpuGrades("0", "1", "2"), { cpu: "1.5" }, 1],
    ["no compliant grades", cpuGrades("0", "1", "2"), { cpu: "3" }, 0],
    ["multi resource request (cpu fits grade 1, memory needs grade 2)", cpuMemGrades, { cpu: "1", memory: "1.5Gi" }, 1],
    ["request exceeds highest grade", cpuMemGrades, { cpu: "1", memory: "2.5Gi" }, 0],
  ])("%s", (_n, models, request, want) => {
    expect(generalEstimate(cluster(summary(), models), { resourceRequest: request })).toBe(want);
  });

  it("falls back to the summary when no grade is defined", () => {
    const c = cluster({ allocatable: { pods: "100", cpu: "4" }, allocatableModelings: oneEach });
    expect(generalEstimate(c, { resourceRequest: { cpu: "1" } })).toBe(4);
  });

  it("models give 3 nodes x 2 replicas of 500m (TestMaxAvailableReplicasGeneralWithResourceModels baseline)", () => {
    const c = cluster({ allocatable: { pods: "100", cpu: "3" }, allocatableModelings: [{ grade: 0, count: 0 }, { grade: 1, count: 3 }] }, [
      { grade: 0, ranges: [{ name: "cpu", min: "0", max: "1" }] },
      { grade: 1, ranges: [{ name: "cpu", min: "1", max: "2" }] },
    ]);
    expect(generalEstimate(c, { resourceRequest: { cpu: "500m" } })).toBe(6);
  });
});

describe("general estimator (TestMaxAvailableReplicasGeneral, TestMaxAvailableReplicas)", () => {
  const basic: ResourceSummary = { allocatable: { pods: "100", cpu: "4", memory: "8Gi" }, allocated: { pods: "20", cpu: "1", memory: "2Gi" } };
  it.each<[string, ResourceSummary | undefined, ResourceList | undefined, number]>([
    ["nil resource summary", undefined, undefined, 0],
    ["no allowed pods", { allocatable: { pods: "10" }, allocated: { pods: "10" } }, undefined, 0],
    ["nil replica requirements", { allocatable: { pods: "10" } }, undefined, 10],
    ["basic resource estimation", basic, { cpu: "500m", memory: "1Gi" }, 6],
    ["cluster with no resources", undefined, { cpu: "1" }, 0],
  ])("%s", (_n, summary, request, want) => {
    expect(generalEstimate(cluster(summary), request ? { resourceRequest: request } : undefined)).toBe(want);
  });
});

describe("allowed pods (TestGetAllowedPodNumber)", () => {
  it.each<[string, ResourceSummary, number]>([
    ["normal case", { allocatable: { pods: "100" }, allocated: { pods: "40" }, allocating: { pods: "10" } }, 50],
    ["no allocatable pods", { allocated: { pods: "10" } }, 0],
    ["over allocation", { allocatable: { pods: "100" }, allocated: { pods: "90" }, allocating: { pods: "20" } }, 0],
  ])("%s", (_n, summary, want) => {
    expect(generalEstimate(cluster(summary), undefined)).toBe(want);
  });
});

describe("cluster summary (TestGetMaximumReplicasBasedOnClusterSummary)", () => {
  it.each<[string, ResourceSummary, ResourceList, number]>([
    ["sufficient resources", { allocatable: { pods: "1000", cpu: "4", memory: "8Gi" }, allocated: { cpu: "1", memory: "2Gi" } }, { cpu: "500m", memory: "1Gi" }, 6],
    ["insufficient memory", { allocatable: { pods: "1000", cpu: "4", memory: "2Gi" }, allocated: { cpu: "1", memory: "1.5Gi" } }, { cpu: "500m", memory: "1Gi" }, 0],
    ["a requested resource missing from allocatable gives 0", { allocatable: { pods: "1000", cpu: "4" } }, { cpu: "1", "nvidia.com/gpu": "1" }, 0],
    ["zero requests are ignored", { allocatable: { pods: "7", cpu: "4" } }, { cpu: "0", memory: "0" }, 7],
    ["pods bound wins over resources", { allocatable: { pods: "3", cpu: "40" } }, { cpu: "1" }, 3],
  ])("%s", (_n, summary, request, want) => {
    expect(generalEstimate(cluster(summary), { resourceRequest: request })).toBe(want);
  });
});

describe("calAvailableReplicas", () => {
  it("gives MaxInt32 for non-workloads and the replicas when the estimate is still MaxInt32", () => {
    const c = cluster({ allocatable: { pods: "10" } });
    expect(estimateAvailableReplicas(c, 0, undefined)).toBe(MAX_INT32);
    expect(estimateAvailableReplicas(c, 5, undefined)).toBe(10);
    expect(estimateAvailableReplicas(cluster({ allocatable: { pods: String(MAX_INT32) } }), 5, undefined)).toBe(5);
  });

  it("converts the int64 estimate with Go's int32(): beyond MaxInt32 it wraps around (an answer of -1 is ignored)", () => {
    expect(generalEstimate(cluster({ allocatable: { pods: String(MAX_INT32 + 10) } }), undefined)).toBe(-2147483639);
    expect(estimateAvailableReplicas(cluster({ allocatable: { pods: String(MAX_INT32 + 10) } }), 5, undefined)).toBe(-2147483639);
    // 2^32 - 1 pods is int32 -1, Karmada's UnauthenticReplica: mergeReplicaResults skips it.
    expect(estimateAvailableReplicas(cluster({ allocatable: { pods: String(2 ** 32 - 1) } }), 5, undefined)).toBe(5);
    expect(generalEstimate(cluster({ allocatable: { pods: String(2 ** 32 + 7) } }), { resourceRequest: {} })).toBe(7);
  });
});
