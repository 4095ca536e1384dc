import { describe, expect, it } from "vitest";
import type { Cluster, ResourceBinding } from "../kube/karmada";
import type { Condition } from "../kube/types";
import { bindingState, summarizeOverview, workflowHref } from "./overview";

const cond = (type: string, status: Condition["status"], reason = "R", message = "m"): Condition => ({ type, status, reason, message, lastTransitionTime: "2025-01-01T00:00:00Z" });

const cluster = (name: string, ready?: Condition["status"], extra: Partial<Cluster["status"]> = {}, sandbox = false): Cluster => ({
  apiVersion: "cluster.karmada.io/v1alpha1",
  kind: "Cluster",
  metadata: { name, labels: sandbox ? { "flotilla.io/sandbox": "true" } : {} },
  spec: { syncMode: "Push" },
  status: { conditions: ready ? [cond("Ready", ready, ready === "True" ? "ClusterReady" : "ClusterNotReachable", ready === "True" ? "cluster is healthy and ready to accept workloads" : "cluster is not reachable")] : [], ...extra },
});

const binding = (name: string, status: ResourceBinding["status"], kind: ResourceBinding["kind"] = "ResourceBinding"): ResourceBinding => ({
  apiVersion: "work.karmada.io/v1alpha2",
  kind,
  metadata: { name: `${name}-deployment`, namespace: kind === "ResourceBinding" ? "default" : undefined },
  spec: { resource: { apiVersion: "apps/v1", kind: "Deployment", namespace: kind === "ResourceBinding" ? "default" : undefined, name } },
  status,
});

describe("bindingState", () => {
  it.each([
    ["no status yet → progressing", {}, { state: "progressing" }],
    ["FullyApplied=True → applied", { conditions: [cond("Scheduled", "True"), cond("FullyApplied", "True")] }, { state: "applied" }],
    ["FullyApplied=Unknown → progressing", { conditions: [cond("FullyApplied", "Unknown")] }, { state: "progressing" }],
    [
      "Scheduled=False wins over everything (first failing step)",
      { conditions: [cond("Scheduled", "False", "NoClusterFit", "0/3 clusters are available"), cond("FullyApplied", "False")] },
      { state: "failing", reason: "NoClusterFit", message: "0/3 clusters are available", clusters: [] },
    ],
    [
      "a failed apply names the clusters",
      { conditions: [cond("Scheduled", "True"), cond("FullyApplied", "False", "FullyAppliedFailed", "x")], aggregatedStatus: [{ clusterName: "m1", applied: true }, { clusterName: "m2", applied: false, appliedMessage: "quota exceeded" }] },
      { state: "failing", reason: "ApplyFailed", message: "m2: quota exceeded", clusters: ["m2"] },
    ],
    ["FullyApplied=False alone", { conditions: [cond("FullyApplied", "False", "FullyAppliedFailed", "not all applied")] }, { state: "failing", reason: "FullyAppliedFailed", message: "not all applied", clusters: [] }],
  ])("%s", (_name, status, want) => {
    expect(bindingState(binding("web", status as ResourceBinding["status"]))).toEqual(want);
  });
});

describe("summarizeOverview", () => {
  const summary = summarizeOverview({
    clusters: [
      cluster("b-ready", "True", { resourceSummary: { allocatable: { cpu: "8", memory: "16Gi", pods: "110" }, allocated: { cpu: "1500m", memory: "1Gi", pods: "12" } } }, true),
      cluster("a-down", "False"),
      cluster("c-new"),
    ],
    bindings: [
      binding("ok", { conditions: [cond("FullyApplied", "True")] }),
      binding("bad", { conditions: [cond("Scheduled", "False", "NoClusterFit", "none fit")] }),
      binding("ns", {}, "ClusterResourceBinding"),
    ],
    counts: { propagationPolicies: 2, clusterPropagationPolicies: 1, overridePolicies: 0, clusterOverridePolicies: 0, works: 4 },
    warnings: [
      { apiVersion: "v1", kind: "Event", metadata: { name: "e1", uid: "1" }, reason: "Old", lastTimestamp: "2025-01-01T00:00:00Z" },
      { apiVersion: "v1", kind: "Event", metadata: { name: "e2", uid: "2" }, reason: "New", lastTimestamp: "2025-01-02T00:00:00Z" },
    ],
    now: new Date("2025-01-03T00:00:00Z"),
  });

  it("counts clusters by health, unhealthy first, with the reason", () => {
    expect(summary.clusters.byHealth).toEqual({ Ready: 1, NotReady: 1, Unknown: 1 });
    expect(summary.clusters.items.map((c) => [c.name, c.health])).toEqual([
      ["a-down", "NotReady"],
      ["c-new", "Unknown"],
      ["b-ready", "Ready"],
    ]);
    expect(summary.clusters.items[0].reason).toBe("ClusterNotReachable");
    expect(summary.clusters.items[2].sandbox).toBe(true);
  });

  it("rolls up propagation and links failing ones to their workflow page", () => {
    expect(summary.propagation).toMatchObject({ total: 3, fullyApplied: 1, failing: 1, progressing: 1 });
    expect(summary.propagation.failingItems[0]).toMatchObject({ reason: "NoClusterFit", href: "/workflow/default/Deployment/bad" });
    expect(summary.counts).toMatchObject({ resources: 3, resourceBindings: 2, clusterResourceBindings: 1, propagationPolicies: 2, works: 4 });
  });

  it("lists warnings newest first and capacity in base units", () => {
    expect(summary.warnings.map((w) => w.reason)).toEqual(["New", "Old"]);
    const cap = summary.capacity.find((c) => c.name === "b-ready")!;
    expect(cap.cpu).toEqual({ allocatable: 8, allocated: 1.5 });
    expect(cap.memory).toEqual({ allocatable: 16 * 2 ** 30, allocated: 2 ** 30 });
    expect(cap.pods).toEqual({ allocatable: 110, allocated: 12 });
    expect(summary.capacity.find((c) => c.name === "c-new")!.cpu).toEqual({ allocatable: 0, allocated: 0 });
  });

  it("uses _ for the namespace of cluster-scoped templates", () => {
    expect(workflowHref({ kind: "Namespace", name: "team-a" })).toBe("/workflow/_/Namespace/team-a");
  });
});
