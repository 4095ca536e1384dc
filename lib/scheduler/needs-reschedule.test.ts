import { describe, expect, it } from "vitest";
import type { Cluster, Placement, ResourceBinding } from "../kube/karmada";
import { ANNOTATION_APPLIED_PLACEMENT } from "../kube/karmada";
import { needsReschedule, placementChanged, serializePlacement } from "./needs-reschedule";
import { type ScheduleInput, schedule } from "./schedule";

/**
 * Tables of Karmada's pkg/scheduler/helper_test.go (Test_needConsideredPlacementChanged,
 * Test_getAffinityIndex) and pkg/scheduler/scheduler_test.go (TestPlacementChanged,
 * TestDoScheduleBinding, TestScheduleResourceBindingWithClusterAffinities), run against
 * placementChanged, needsReschedule and schedule. Karmada's scheduler tests mock the algorithm;
 * here a failing term is a term whose clusters do not exist (or an unsupported strategy for a
 * non-FitError failure) and the real algorithm runs.
 */

const tol = (operator: "Equal" | "Exists") => [{ key: "foo", operator, value: "foo", effect: "NoSchedule" as const }];
const full = (over: Partial<Placement> = {}): Placement => ({
  clusterAffinity: { clusterNames: ["m1"] },
  clusterTolerations: tol("Equal"),
  spreadConstraints: [{ minGroups: 1, maxGroups: 1, spreadByField: "cluster" }],
  replicaScheduling: { replicaSchedulingType: "Duplicated" },
  ...over,
});
const terms = (...list: [string, string[]][]): Placement => ({ clusterAffinities: list.map(([affinityName, clusterNames]) => ({ affinityName, clusterNames })) });

describe("helper_test.go Test_needConsideredPlacementChanged", () => {
  it.each<[string, Placement, Placement | undefined, string, boolean]>([
    ["nil appliedPlacement", { clusterAffinity: { clusterNames: ["m1"] } }, undefined, "", true],
    ["same placement and appliedPlacement", full(), full(), "", false],
    ["different ClusterAffinity field in placement and appliedPlacement", full({ clusterAffinity: undefined }), full({ clusterAffinity: { clusterNames: ["m2"] } }), "", true],
    ["different ClusterTolerations field in placement and appliedPlacement", full(), full({ clusterTolerations: tol("Exists") }), "", true],
    ["different SpreadConstraints field in placement and appliedPlacement", full(), full({ spreadConstraints: [{ minGroups: 1, maxGroups: 2, spreadByField: "cluster" }] }), "", true],
    ["different ReplicaScheduling field in placement and appliedPlacement", full(), full({ replicaScheduling: { replicaSchedulingType: "Divided" } }), "", true],
    ["different ClusterAffinities field with empty schedulerObservingAffinityName", terms(["group1", ["m1"]]), {}, "", true],
    ["update the target ClusterAffinityTerm", terms(["group1", ["m1", "m2"]]), terms(["group1", ["m1"]]), "group1", true],
    ["delete the target ClusterAffinityTerm", terms(["group2", ["m2"]]), terms(["group1", ["m1"]], ["group2", ["m2"]]), "group1", true],
    ["delete the whole ClusterAffinities", {}, terms(["group1", ["m1"]]), "group1", true],
    ["add a new ClusterAffinityTerm and don't update the target ClusterAffinityTerm", terms(["group1", ["m1"]], ["group2", ["m1", "m2"]]), terms(["group1", ["m1"]]), "group1", false],
    ["update a ClusterAffinityTerm and don't update the target ClusterAffinityTerm", terms(["group1", ["m1"]], ["group2", ["m1", "m2"]]), terms(["group1", ["m1"]], ["group2", ["m2"]]), "group1", false],
    ["delete a ClusterAffinityTerm and don't update the target ClusterAffinityTerm", terms(["group1", ["m1"]]), terms(["group1", ["m1"]], ["group2", ["m2"]]), "group1", false],
  ])("%s", (_n, placement, applied, observed, want) => {
    expect(placementChanged(placement, applied === undefined ? "" : serializePlacement(applied), observed || undefined)).toBe(want);
  });
});

describe("scheduler_test.go TestPlacementChanged", () => {
  const both: Placement = { clusterAffinity: { clusterNames: ["cluster1", "cluster2"] } };
  it.each<[string, Placement, string, boolean]>([
    ["placement changed", both, `{"clusterAffinity":{"clusterNames":["cluster1"]}}`, true],
    ["placement not changed", both, `{"clusterAffinity":{"clusterNames":["cluster1","cluster2"]}}`, false],
    ["invalid applied placement string", both, `invalid json`, false],
    ["empty placement", {}, `{}`, false],
  ])("%s", (_n, placement, applied, want) => {
    expect(placementChanged(placement, applied, undefined)).toBe(want);
  });
});

describe("scheduler_test.go TestDoScheduleBinding", () => {
  const binding = (annotations: Record<string, string> | undefined, spec: Partial<ResourceBinding["spec"]>, status?: ResourceBinding["status"]): ResourceBinding => ({
    apiVersion: "work.karmada.io/v1alpha2",
    kind: "ResourceBinding",
    metadata: { name: "test-binding", namespace: "default", annotations },
    spec: { resource: { apiVersion: "apps/v1", kind: "Deployment", name: "nginx" }, ...spec },
    status,
  });
  it.each<[string, ResourceBinding, string]>([
    [
      "binding with changed placement",
      binding({ [ANNOTATION_APPLIED_PLACEMENT]: `{"clusterAffinity":{"clusterNames":["cluster1"]}}` }, { placement: { clusterAffinity: { clusterNames: ["cluster1", "cluster2"] } } }),
      "placement changed",
    ],
    // No applied-placement annotation: placementChanged answers first.
    ["binding with replicas changed", binding(undefined, { replicas: 2, placement: { replicaScheduling: { replicaSchedulingType: "Divided" } } }, { schedulerObservedGeneration: 1 }), "placement changed"],
    ["binding with reschedule triggered", binding(undefined, { rescheduleTriggeredAt: new Date().toISOString(), placement: {} }), "placement changed"],
  ])("%s", (_n, b, want) => {
    expect(needsReschedule(b, [])).toBe(want);
  });

  // The same bindings once the placement is applied: each later check in Karmada's order.
  it.each<[string, Partial<ResourceBinding["spec"]>, ResourceBinding["status"], string | undefined]>([
    ["Divided replicas scaled", { replicas: 2, placement: { replicaScheduling: { replicaSchedulingType: "Divided" } }, clusters: [{ name: "cluster1", replicas: 1 }] }, undefined, "replicas changed"],
    ["Duplicated target with other replicas", { replicas: 2, placement: { replicaScheduling: { replicaSchedulingType: "Duplicated" } }, clusters: [{ name: "cluster1", replicas: 1 }] }, undefined, "replicas changed"],
    [
      "reschedule triggered after the last schedule",
      { replicas: 1, placement: { replicaScheduling: { replicaSchedulingType: "Divided" } }, clusters: [{ name: "cluster1", replicas: 1 }], rescheduleTriggeredAt: "2024-01-01T00:00:02Z" },
      { lastScheduledTime: "2024-01-01T00:00:01Z" },
      "reschedule triggered",
    ],
    [
      "reschedule triggered before the last schedule",
      { replicas: 1, placement: { replicaScheduling: { replicaSchedulingType: "Divided" } }, clusters: [{ name: "cluster1", replicas: 1 }], rescheduleTriggeredAt: "2024-01-01T00:00:01Z" },
      { lastScheduledTime: "2024-01-01T00:00:02Z" },
      undefined,
    ],
    // RescheduleRequired: no lastScheduledTime yet means the first schedule is still pending.
    ["reschedule triggered, never scheduled", { replicas: 1, placement: { replicaScheduling: { replicaSchedulingType: "Divided" } }, clusters: [{ name: "cluster1", replicas: 1 }], rescheduleTriggeredAt: "2024-01-01T00:00:01Z" }, undefined, undefined],
    ["non-workload is always scheduled", { placement: {} }, undefined, "non-workload is always re-evaluated"],
    ["Duplicated workload is always scheduled", { replicas: 1, placement: {}, clusters: [{ name: "cluster1", replicas: 1 }] }, undefined, "Duplicated is always re-evaluated"],
  ])("%s", (_n, spec, status, want) => {
    const b = binding(undefined, spec, status);
    b.metadata.annotations = { [ANNOTATION_APPLIED_PLACEMENT]: serializePlacement(b.spec.placement!) };
    expect(needsReschedule(b, [])).toBe(want);
  });
});

function cluster(name: string): Cluster {
  return {
    apiVersion: "cluster.karmada.io/v1alpha1",
    kind: "Cluster",
    metadata: { name },
    spec: { syncMode: "Push" },
    status: { apiEnablements: [{ groupVersion: "apps/v1", resources: [{ name: "deployments", kind: "Deployment" }] }], resourceSummary: { allocatable: { pods: "10" } } },
  };
}

describe("scheduler_test.go TestScheduleResourceBindingWithClusterAffinities (and helper_test.go Test_getAffinityIndex)", () => {
  const base = (placement: Placement, more: Partial<ScheduleInput> = {}): ScheduleInput => ({
    resource: { apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "nginx" },
    replicas: 1,
    placement,
    clusters: [cluster("cluster1"), cluster("cluster2")],
    ...more,
  });
  const two = terms(["affinity1", ["cluster1"]], ["affinity2", ["cluster2"]]);
  const tried = (r: ReturnType<typeof schedule>) => r.explanation.attempts.map((a) => a.affinityName);

  it("successful scheduling with first affinity", () => {
    const r = schedule(base(two));
    expect([r.clusters, r.affinityName, r.error, tried(r)]).toEqual([[{ name: "cluster1", replicas: 1 }], "affinity1", undefined, ["affinity1"]]);
  });

  it("explicit rescheduling restarts from first affinity", () => {
    const r = schedule(base(two, { observedAffinityName: "affinity2", rescheduleTriggeredAt: "1970-01-01T00:00:02Z", lastScheduledTime: "1970-01-01T00:00:01Z" }));
    expect([r.clusters, r.affinityName, tried(r)]).toEqual([[{ name: "cluster1", replicas: 1 }], "affinity1", ["affinity1"]]);
  });

  it("without explicit rescheduling resumes from observed affinity", () => {
    const r = schedule(base(two, { observedAffinityName: "affinity2" }));
    expect([r.clusters, r.affinityName, tried(r)]).toEqual([[{ name: "cluster2", replicas: 1 }], "affinity2", ["affinity2"]]);
  });

  it("successful scheduling with second affinity", () => {
    const r = schedule(base(terms(["affinity1", ["gone"]], ["affinity2", ["cluster2"]])));
    expect([r.clusters, r.affinityName, r.error, tried(r)]).toEqual([[{ name: "cluster2", replicas: 1 }], "affinity2", undefined, ["affinity1", "affinity2"]]);
    expect(r.explanation.attempts[0].error?.reason).toBe("NoClusterFit");
  });

  it("all affinities fail (not a FitError): the first error, nothing written, the observed term kept", () => {
    const placement = { ...two, replicaScheduling: { replicaSchedulingType: "Bogus" } } as unknown as Placement;
    const previous = [{ name: "cluster2", replicas: 1 }];
    const r = schedule(base(placement, { previous, observedAffinityName: "affinity1" }));
    expect(r.error?.reason).toBe("SchedulerError");
    expect(r.error?.message).toMatch(/^failed to assign replicas: unsupported replica scheduling strategy/);
    expect([r.clusters, r.affinityName, tried(r)]).toEqual([previous, "affinity1", ["affinity1", "affinity2"]]);
  });

  it("all affinities fail with a first FitError: the result is emptied", () => {
    const r = schedule(base(terms(["affinity1", ["gone"]], ["affinity2", ["gone2"]]), { previous: [{ name: "cluster2", replicas: 1 }] }));
    expect(r.error).toEqual({ reason: "NoClusterFit", message: "0/2 clusters are available: 2 cluster(s) did not match the placement cluster affinity constraint." });
    expect(r.clusters).toEqual([]);
    expect(r.affinityName).toBeUndefined();
  });

  it.each<[string, string | undefined, string[]]>([
    ["empty observedName", undefined, ["group1", "group2", "group3"]],
    ["observedName can not find in affinities", "group0", ["group1", "group2", "group3"]],
    ["observedName can find in affinities", "group3", ["group3"]],
  ])("getAffinityIndex: %s", (_n, observed, want) => {
    // Every term fails, so the attempts show where the search started.
    const r = schedule(base(terms(["group1", ["x"]], ["group2", ["y"]], ["group3", ["z"]]), { observedAffinityName: observed }));
    expect(tried(r)).toEqual(want);
  });
});

describe("applied-placement annotation as Go's json.Marshal writes it", () => {
  it("scheduler_test.go expected patches", () => {
    const p = { clusterAffinities: [{ clusterNames: ["cluster1"], affinityName: "affinity1" }, { affinityName: "affinity2", clusterNames: ["cluster2"] }] } as Placement;
    expect(serializePlacement(p)).toBe(`{"clusterAffinities":[{"affinityName":"affinity1","clusterNames":["cluster1"]},{"affinityName":"affinity2","clusterNames":["cluster2"]}]}`);
    expect(serializePlacement({ clusterAffinity: { clusterNames: ["cluster1"] } })).toBe(`{"clusterAffinity":{"clusterNames":["cluster1"]}}`);
    expect(serializePlacement({})).toBe("{}");
  });

  it("struct field order, omitempty, sorted map keys, unknown fields dropped, HTML escaping", () => {
    const p = {
      replicaScheduling: { weightPreference: { dynamicWeight: "", staticWeightList: [{ weight: 2, targetCluster: {} }] }, replicaDivisionPreference: "Weighted", replicaSchedulingType: "Divided" },
      spreadConstraints: [{ minGroups: 1, maxGroups: 0, spreadByField: "cluster", spreadByLabel: "" }],
      clusterTolerations: [{ effect: "NoSchedule", operator: "Exists", key: "a<b", tolerationSeconds: 0 }],
      clusterAffinity: { exclude: [], clusterNames: [], labelSelector: { matchLabels: { z: "1", a: "2", "10": "x", "9": "y" } }, somethingElse: true },
      bogus: 1,
    } as unknown as Placement;
    expect(serializePlacement(p)).toBe(
      `{"clusterAffinity":{"labelSelector":{"matchLabels":{"10":"x","9":"y","a":"2","z":"1"}}},` +
        `"clusterTolerations":[{"key":"a\\u003cb","operator":"Exists","effect":"NoSchedule","tolerationSeconds":0}],` +
        `"spreadConstraints":[{"spreadByField":"cluster","minGroups":1}],` +
        `"replicaScheduling":{"replicaSchedulingType":"Divided","replicaDivisionPreference":"Weighted","weightPreference":{"staticWeightList":[{"targetCluster":{},"weight":2}]}}}`,
    );
  });

  it("placementChanged compares as Go's decoded structs: key order and empty values do not count", () => {
    const now: Placement = { clusterAffinity: { clusterNames: ["a"], exclude: [] }, spreadConstraints: [{ spreadByField: "cluster", minGroups: 1, maxGroups: 0 }] };
    expect(placementChanged(now, `{"spreadConstraints":[{"minGroups":1,"spreadByField":"cluster"}],"clusterAffinity":{"clusterNames":["a"]},"unknown":1}`, undefined)).toBe(false);
    expect(placementChanged(now, `{"clusterAffinity":{"clusterNames":["a"]}}`, undefined)).toBe(true);
  });

  it("an annotation Go cannot decode into a Placement counts as unchanged; null is the empty placement", () => {
    const now: Placement = { clusterAffinity: { clusterNames: ["a"] } };
    expect(placementChanged(now, `[]`, undefined)).toBe(false);
    expect(placementChanged(now, `{"clusterAffinity":{"clusterNames":"a"}}`, undefined)).toBe(false);
    expect(placementChanged(now, `{"spreadConstraints":[{"maxGroups":"1"}]}`, undefined)).toBe(false);
    expect(placementChanged(now, `null`, undefined)).toBe(true);
    expect(placementChanged({}, `null`, undefined)).toBe(false);
  });
});
