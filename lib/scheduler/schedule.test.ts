import { describe, expect, it } from "vitest";
import type { Cluster, Placement, ResourceBinding } from "../kube/karmada";
import { generalEstimate } from "./estimate";
import { formatFitError } from "./framework";
import { needsReschedule } from "./needs-reschedule";
import { type ScheduleInput, schedule } from "./schedule";

function cluster(name: string, pods: number, spec: Partial<Cluster["spec"]> = {}, extra: { cpu?: string; labels?: Record<string, string> } = {}): Cluster {
  return {
    apiVersion: "cluster.karmada.io/v1alpha1",
    kind: "Cluster",
    metadata: { name, labels: extra.labels },
    spec: { syncMode: "Push", ...spec },
    status: {
      apiEnablements: [{ groupVersion: "apps/v1", resources: [{ name: "deployments", kind: "Deployment" }] }],
      resourceSummary: { allocatable: { pods: String(pods), cpu: extra.cpu ?? "64", memory: "256Gi" } },
    },
  };
}

const input = (placement: Placement, clusters: Cluster[], replicas = 12, more: Partial<ScheduleInput> = {}): ScheduleInput => ({
  resource: { apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "nginx" },
  replicas,
  placement,
  clusters,
  ...more,
});
const dynamic: Placement["replicaScheduling"] = { replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted", weightPreference: { dynamicWeight: "AvailableReplicas" } };

describe("FitError message (Karmada framework/types_test.go format)", () => {
  it("counts reasons and sorts the histogram", () => {
    const reasons = new Map([
      ["m1", "cluster(s) did not match the placement cluster affinity constraint"],
      ["m2", "cluster(s) had untolerated taint {a:NoSchedule}"],
      ["m3", "cluster(s) had untolerated taint {a:NoSchedule}"],
    ]);
    expect(formatFitError(3, reasons)).toBe("0/3 clusters are available: 1 cluster(s) did not match the placement cluster affinity constraint, 2 cluster(s) had untolerated taint {a:NoSchedule}.");
    expect(formatFitError(0, new Map())).toBe("0/0 clusters are available: no cluster exists.");
  });

  it("empties the result with NoClusterFit when nothing passes the filters", () => {
    const r = schedule(input({ clusterAffinity: { clusterNames: ["nope"] } }, [cluster("m1", 10), cluster("m2", 10, { taints: [{ key: "t", effect: "NoSchedule" }] })], 2, { previous: [] }));
    expect(r.error).toEqual({ reason: "NoClusterFit", message: "0/2 clusters are available: 1 cluster(s) did not match the placement cluster affinity constraint, 1 cluster(s) had untolerated taint {t:NoSchedule}." });
    expect(r.clusters).toEqual([]);
    expect(r.summary).toContain("0/2 clusters fit: m1 excluded by affinity, m2 taint t:NoSchedule not tolerated");
  });
});

describe("schedule pipeline", () => {
  it("divides dynamically by capacity and explains every step", () => {
    const r = schedule(input({ replicaScheduling: dynamic }, [cluster("member1", 6), cluster("member2", 8), cluster("member3", 10), cluster("member4", 10, { taints: [{ key: "cluster.karmada.io/not-ready", effect: "NoSchedule" }] })]));
    expect(r.error).toBeUndefined();
    expect(r.clusters).toEqual([{ name: "member1", replicas: 3 }, { name: "member2", replicas: 4 }, { name: "member3", replicas: 5 }]);
    const m4 = r.explanation.clusters.find((c) => c.name === "member4")!;
    expect(m4.feasible).toBe(false);
    expect(m4.filters.find((f) => !f.passed)).toMatchObject({ plugin: "TaintToleration" });
    expect(r.explanation.clusters.find((c) => c.name === "member3")).toMatchObject({ availableReplicas: 10, selected: true, replicas: 5 });
    expect(r.explanation.assignment[0]).toMatchObject({ strategy: "DynamicWeight", action: "scale-up", targetReplicas: 12 });
    expect(r.summary).toBe("3/4 clusters fit: member4 taint cluster.karmada.io/not-ready:NoSchedule not tolerated; assigned member1:3, member2:4, member3:5 (DynamicWeight)");
  });

  it("reports capacity shortage as Unschedulable and keeps the previous result", () => {
    const previous = [{ name: "member1", replicas: 1 }];
    const r = schedule(input({ replicaScheduling: dynamic }, [cluster("member1", 2), cluster("member2", 2)], 10, { previous }));
    expect(r.error).toEqual({ reason: "Unschedulable", message: "failed to assign replicas: failed to scale up: Clusters available replicas 4 are not enough to schedule." });
    expect(r.clusters).toBe(previous);
  });

  it("propagates non-workloads to every cluster without replicas", () => {
    const r = schedule(input({}, [cluster("a", 1), cluster("b", 1)], 0));
    expect(r.clusters).toEqual([{ name: "a" }, { name: "b" }]);
    expect(r.explanation.strategy).toBe("NonWorkload");
  });

  it("selects by cluster spread constraint, swapping in capacity", () => {
    const placement: Placement = { spreadConstraints: [{ spreadByField: "cluster", minGroups: 2, maxGroups: 2 }], replicaScheduling: dynamic };
    // Karmada's example: scores tie, so ranking is by available replicas: m3(60), m1(40), m2(30).
    const r = schedule(input(placement, [cluster("member1", 40), cluster("member2", 30), cluster("member3", 60)], 80));
    expect(r.explanation.selection?.selected).toEqual(["member3", "member1"]);
    const tooFew = schedule(input({ ...placement, spreadConstraints: [{ spreadByField: "cluster", minGroups: 4, maxGroups: 4 }] }, [cluster("a", 5)], 2));
    expect(tooFew.error).toEqual({ reason: "SchedulerError", message: "failed to select clusters: the number of feasible clusters is less than spreadConstraint.MinGroups" });
  });

  it("selects regions then fills clusters by score and capacity", () => {
    const placement: Placement = {
      spreadConstraints: [
        { spreadByField: "region", minGroups: 2, maxGroups: 2 },
        { spreadByField: "cluster", minGroups: 3, maxGroups: 3 },
      ],
      replicaScheduling: dynamic,
    };
    const clusters = [cluster("a1", 10, { region: "a" }), cluster("a2", 20, { region: "a" }), cluster("b1", 30, { region: "b" }), cluster("c1", 1, { region: "c" }), cluster("x", 50)];
    const r = schedule(input(placement, clusters, 20));
    expect(r.explanation.clusters.find((c) => c.name === "x")?.filters.find((f) => !f.passed)?.reason).toBe("cluster(s) did not have region property");
    expect(r.explanation.selection?.chosenGroups?.sort()).toEqual(["a", "b"]);
    expect(r.explanation.selection?.selected.sort()).toEqual(["a1", "a2", "b1"]);
  });

  it("falls back through clusterAffinities terms and records the winner", () => {
    const placement: Placement = { clusterAffinities: [{ affinityName: "first", clusterNames: ["gone"] }, { affinityName: "second", clusterNames: ["b"] }] };
    const r = schedule(input(placement, [cluster("a", 5), cluster("b", 5)], 1));
    expect(r.affinityName).toBe("second");
    expect(r.clusters).toEqual([{ name: "b", replicas: 1 }]);
    expect(r.explanation.attempts.map((a) => [a.affinityName, a.error?.reason])).toEqual([["first", "NoClusterFit"], ["second", undefined]]);
  });
});

describe("general estimator", () => {
  it.each([
    ["no summary", { ...cluster("m", 0), status: {} }, undefined, 0],
    ["pods only", cluster("m", 7), undefined, 7],
    ["cpu bound (millicores)", cluster("m", 100, {}, { cpu: "2" }), { resourceRequest: { cpu: "300m" } }, 6],
    ["missing resource", cluster("m", 100), { resourceRequest: { "nvidia.com/gpu": "1" } }, 0],
  ] as const)("%s", (_n, c, req, want) => {
    expect(generalEstimate(c as Cluster, req)).toBe(want);
  });

  it("subtracts allocated and allocating", () => {
    const c = cluster("m", 10, {}, { cpu: "4" });
    c.status!.resourceSummary = { allocatable: { pods: "10", cpu: "4" }, allocated: { pods: "2", cpu: "1500m" }, allocating: { pods: "1", cpu: "500m" } };
    expect(generalEstimate(c, undefined)).toBe(7);
    expect(generalEstimate(c, { resourceRequest: { cpu: "1" } })).toBe(2);
  });

  it("uses resource models when allocatableModelings are present", () => {
    const c = cluster("m", 1000);
    c.spec.resourceModels = [
      { grade: 0, ranges: [{ name: "cpu", min: "0", max: "2" }] },
      { grade: 1, ranges: [{ name: "cpu", min: "2", max: "4" }] },
    ];
    c.status!.resourceSummary!.allocatableModelings = [{ grade: 0, count: 5 }, { grade: 1, count: 3 }];
    expect(generalEstimate(c, { resourceRequest: { cpu: "1" } })).toBe(6);
  });
});

describe("needsReschedule (§7.3)", () => {
  const placement: Placement = { replicaScheduling: dynamic };
  const binding = (over: Partial<ResourceBinding["spec"]> = {}, annotations?: Record<string, string>): ResourceBinding => ({
    apiVersion: "work.karmada.io/v1alpha2",
    kind: "ResourceBinding",
    metadata: { name: "b", namespace: "default", annotations: annotations ?? { "policy.karmada.io/applied-placement": JSON.stringify(placement) } },
    spec: { resource: { apiVersion: "apps/v1", kind: "Deployment", name: "nginx" }, replicas: 3, placement, clusters: [{ name: "a", replicas: 3 }], ...over },
  });
  it.each([
    ["settled Divided workload", binding(), undefined],
    ["missing annotation", binding({}, {}), "placement changed"],
    ["replicas changed", binding({ replicas: 5 }), "replicas changed"],
    ["non-workload", binding({ replicas: 0, clusters: [] }), "non-workload is always re-evaluated"],
    ["suspended", binding({ replicas: 5, suspension: { scheduling: true } }), undefined],
  ] as const)("%s", (_n, b, want) => {
    expect(needsReschedule(b, [])).toBe(want);
  });

  it("reschedules when a target cluster is being deleted", () => {
    const deleting = { ...cluster("a", 1), metadata: { name: "a", deletionTimestamp: "2024-01-01T00:00:00Z" } };
    expect(needsReschedule(binding(), [deleting])).toBe("a target cluster is being deleted");
  });
});
