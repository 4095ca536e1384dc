import { describe, expect, it } from "vitest";
import type { ResourceBinding, Work } from "../../kube/karmada";
import type { AggregatedStatusItem } from "../../kube/karmada";
import { aggregatedItems, aggregateProgressOnly, fullyAppliedCondition } from "./aggregate";

const deployment = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "n" } };
const work = (cluster: string, applied?: boolean, extra: Partial<Work> = {}): Work => ({
  apiVersion: "work.karmada.io/v1alpha1",
  kind: "Work",
  metadata: { name: "w", namespace: `karmada-es-${cluster}` },
  spec: { workload: { manifests: [deployment] } },
  status: {
    conditions: applied === undefined ? [] : [{ type: "Applied", status: applied ? "True" : "False", reason: "r", message: applied ? "ok" : "boom", lastTransitionTime: "t" }],
    manifestStatuses: applied ? [{ identifier: { ordinal: 0, group: "apps", version: "v1", kind: "Deployment", resource: "", name: "n" }, status: { readyReplicas: 1 }, health: "Healthy" }] : [],
  },
  ...extra,
});
const binding = (clusters: string[]): ResourceBinding => ({ apiVersion: "work.karmada.io/v1alpha2", kind: "ResourceBinding", metadata: { name: "b", generation: 2 }, spec: { resource: { apiVersion: "apps/v1", kind: "Deployment", name: "n" }, clusters: clusters.map((name) => ({ name })) } });

describe("aggregatedItems and FullyApplied (§7.7)", () => {
  it("one sorted item per non-terminating Work", () => {
    const items = aggregatedItems([work("b", true), work("a", false), work("c", true, { metadata: { name: "w", namespace: "karmada-es-c", deletionTimestamp: "t" } })]);
    expect(items).toEqual([
      { clusterName: "a", applied: false, appliedMessage: "boom", health: "Unknown" },
      { clusterName: "b", applied: true, status: { readyReplicas: 1 }, health: "Healthy" },
    ]);
  });
  it.each([
    [["a"], [work("a", true)], "True"],
    [["a", "b"], [work("a", true)], "False"],
    [["a"], [work("a", false)], "False"],
    [[], [], "False"],
    // Karmada counts items: a Work left in a cluster the binding no longer names keeps it False.
    [["a"], [work("a", true), work("z", true)], "False"],
  ] as const)("clusters %j → %s", (clusters, works, status) => {
    const c = fullyAppliedCondition(binding([...clusters]), aggregatedItems([...works]));
    expect(c.status).toBe(status);
    // Karmada's util.NewCondition sets no observedGeneration.
    expect(c.observedGeneration).toBeUndefined();
  });
});

// Karmada pkg/util/helper/workstatus_test.go TestAssembleWorkStatus (assembleWorkStatus).
describe("Karmada TestAssembleWorkStatus", () => {
  const ref = { apiVersion: "apps/v1", kind: "Deployment", namespace: "test-ns", name: "test-deployment" };
  const manifest = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "test-deployment", namespace: "test-ns" } };
  const base = (status?: Work["status"], deletionTimestamp?: string): Work => ({
    apiVersion: "work.karmada.io/v1alpha1",
    kind: "Work",
    metadata: { name: "test-work", namespace: "karmada-es-member1", ...(deletionTimestamp ? { deletionTimestamp } : {}) },
    spec: { workload: { manifests: [manifest] } },
    ...(status ? { status } : {}),
  });
  const cond = (status: "True" | "False" | "Unknown", message = "") => ({ type: "Applied", status, reason: "", message, lastTransitionTime: "2024-01-01T00:00:00Z" });
  it.each([
    { name: "empty work list", works: [], want: [] },
    // "work with invalid manifest" (wantErr): manifests here are objects, never unparsable JSON.
    { name: "work being deleted", works: [base(undefined, "2024-01-01T00:00:00Z")], want: [] },
    {
      name: "work applied successfully with health status",
      works: [base({ conditions: [cond("True")], manifestStatuses: [{ identifier: { ordinal: 0, group: "apps", version: "v1", kind: "Deployment", resource: "", namespace: "test-ns", name: "test-deployment" }, status: { replicas: 3 }, health: "Healthy" }] })],
      want: [{ clusterName: "member1", status: { replicas: 3 }, applied: true, health: "Healthy" }],
    },
    { name: "work not applied with error message", works: [base({ conditions: [cond("False", "Failed to apply")] })], want: [{ clusterName: "member1", applied: false, appliedMessage: "Failed to apply", health: "Unknown" }] },
    { name: "work with unknown condition status", works: [base({ conditions: [cond("Unknown", "Status unknown")] })], want: [{ clusterName: "member1", applied: false, appliedMessage: "Status unknown", health: "Unknown" }] },
  ] as { name: string; works: Work[]; want: AggregatedStatusItem[] }[])("$name", ({ works, want }) => {
    expect(aggregatedItems(works, ref)).toEqual(want);
  });

  // TestEqualIdentifier: an entry of another ordinal is not the template's.
  it("a manifestStatuses entry whose identifier differs is not reflected (status none, health Unknown)", () => {
    const w = base({ conditions: [cond("True")], manifestStatuses: [{ identifier: { ordinal: 1, group: "apps", version: "v1", kind: "Deployment", resource: "", namespace: "test-ns", name: "test-deployment" }, status: { replicas: 3 }, health: "Healthy" }] });
    expect(aggregatedItems([w], ref)).toEqual([{ clusterName: "member1", applied: true, health: "Unknown" }]);
  });
  // TestGetManifestIndex: the template is found by apiVersion, kind, namespace and name.
  it("finds the template's manifest among several by its ordinal", () => {
    const svc = { apiVersion: "v1", kind: "Service", metadata: { name: "test-service", namespace: "test-ns" } };
    const w = base({
      conditions: [cond("True")],
      manifestStatuses: [
        { identifier: { ordinal: 0, group: "", version: "v1", kind: "Service", resource: "", namespace: "test-ns", name: "test-service" }, status: { s: 1 }, health: "Healthy" },
        { identifier: { ordinal: 1, group: "apps", version: "v1", kind: "Deployment", resource: "", namespace: "test-ns", name: "test-deployment" }, status: { replicas: 3 }, health: "Unhealthy" },
      ],
    });
    w.spec.workload!.manifests = [svc, manifest];
    expect(aggregatedItems([w], ref)).toEqual([{ clusterName: "member1", status: { replicas: 3 }, applied: true, health: "Unhealthy" }]);
  });
});

// Karmada workstatus_test.go TestAggregateResourceBindingWorkStatus / TestAggregateClusterResourceBindingWorkStatus
// (condition and applied flags) and TestGenerateFullyAppliedCondition / TestWorksFullyApplied.
describe("Karmada TestAggregateResourceBindingWorkStatus", () => {
  const ref = { apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "test-deployment" };
  const b = (clusters: string[]): ResourceBinding => ({ apiVersion: "work.karmada.io/v1alpha2", kind: "ResourceBinding", metadata: { name: "binding", namespace: "default" }, spec: { resource: ref, clusters: clusters.map((name) => ({ name })) } });
  const w = (cluster: string, applied: boolean, withStatus: boolean): Work => ({
    apiVersion: "work.karmada.io/v1alpha1",
    kind: "Work",
    metadata: { name: `w-${cluster}`, namespace: `karmada-es-${cluster}` },
    spec: { workload: { manifests: [{ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "test-deployment", namespace: "default" } }] } },
    ...(withStatus
      ? { status: { conditions: [{ type: "Applied", status: applied ? "True" : "False", reason: "", message: "test message", lastTransitionTime: "t" }], manifestStatuses: [{ identifier: { ordinal: 0, group: "apps", version: "v1", kind: "Deployment", resource: "", name: "test-deployment", namespace: "default" }, status: { replicas: 3 }, health: "Healthy" as const }] } }
      : {}),
  });
  it.each([
    { name: "successful single work aggregation", clusters: ["member1"], works: [w("member1", true, true)], status: "True", applied: true },
    { name: "work not found", clusters: ["member1"], works: [], status: "False", applied: false },
    { name: "work not applied", clusters: ["member1"], works: [w("member1", false, true)], status: "False", applied: false },
    { name: "multiple works for different clusters", clusters: ["member1", "member2"], works: [w("member1", true, true), w("member2", true, true)], status: "True", applied: true },
    { name: "work without status", clusters: ["member1"], works: [w("member1", true, false)], status: "False", applied: false },
    { name: "multiple clusters with mixed status (CRB table)", clusters: ["member1", "member2"], works: [w("member1", true, true), w("member2", false, true)], status: "False", applied: false, only: "member2" },
  ])("$name", ({ clusters, works, status, applied, only }) => {
    const items = aggregatedItems(works, ref);
    expect(fullyAppliedCondition(b(clusters), items).status).toBe(status);
    expect(items).toHaveLength(works.length);
    for (const i of items) if (!only || i.clusterName === only) expect(i.applied).toBe(applied);
  });

  it("TestGenerateFullyAppliedCondition", () => {
    const statuses: AggregatedStatusItem[] = [
      { clusterName: "cluster1", applied: true, health: "Healthy" },
      { clusterName: "cluster2", applied: true, health: "Unknown" },
    ];
    expect(fullyAppliedCondition(b(["cluster1", "cluster2"]), statuses)).toEqual({ type: "FullyApplied", status: "True", reason: "FullyAppliedSuccess", message: "All works have been successfully applied" });
    expect(fullyAppliedCondition(b(["cluster1", "cluster2"]), statuses.slice(0, 1))).toEqual({ type: "FullyApplied", status: "False", reason: "FullyAppliedFailed", message: "Failed to apply all works, see status.aggregatedStatus for details" });
  });

  it.each([
    { name: "no cluster", items: [{ clusterName: "member1", applied: true }], clusters: [], want: "False" },
    { name: "no aggregatedStatuses", items: [], clusters: ["member1"], want: "False" },
    { name: "cluster size is not equal to aggregatedStatuses", items: [{ clusterName: "member1", applied: true }], clusters: ["member1", "member2"], want: "False" },
    { name: "aggregatedStatuses is equal to clusterNames and all applied", items: [{ clusterName: "member1", applied: true }, { clusterName: "member2", applied: true }], clusters: ["member1", "member2"], want: "True" },
    { name: "aggregatedStatuses is equal to clusterNames but not all applied", items: [{ clusterName: "member1", applied: true }, { clusterName: "member2", applied: false }], clusters: ["member1", "member2"], want: "False" },
    { name: "target clusters not match expected status", items: [{ clusterName: "member1", applied: true }], clusters: ["member2"], want: "False" },
  ] as { name: string; items: AggregatedStatusItem[]; clusters: string[]; want: string }[])("TestWorksFullyApplied: $name", ({ items, clusters, want }) => {
    expect(fullyAppliedCondition(b(clusters), items).status).toBe(want);
  });
});

describe("aggregateProgressOnly", () => {
  const item = (clusterName: string, health: AggregatedStatusItem["health"], applied = true): AggregatedStatusItem => ({ clusterName, applied, health });
  it("is progress while some applied item is not Healthy yet", () => {
    expect(aggregateProgressOnly([item("a", "Unhealthy"), item("b", "Unknown")], [item("a", "Healthy"), item("b", "Unhealthy")])).toBe(true);
  });
  it("is news when all are Healthy, on a regression, an applied flag or a cluster change, or a first write", () => {
    expect(aggregateProgressOnly([item("a", "Unhealthy")], [item("a", "Healthy")])).toBe(false);
    expect(aggregateProgressOnly([item("a", "Healthy"), item("b", "Unhealthy")], [item("a", "Unhealthy"), item("b", "Unhealthy")])).toBe(false);
    expect(aggregateProgressOnly([item("a", "Unhealthy"), item("b", "Unknown", false)], [item("a", "Unhealthy"), item("b", "Unhealthy")])).toBe(false);
    expect(aggregateProgressOnly([item("a", "Unhealthy")], [item("c", "Unhealthy")])).toBe(false);
    expect(aggregateProgressOnly([], [item("a", "Unhealthy")])).toBe(false);
  });
  it("is not progress when only unapplied items are left pending", () => {
    expect(aggregateProgressOnly([item("a", "Unhealthy"), item("b", "Unknown", false)], [item("a", "Healthy"), item("b", "Unknown", false)])).toBe(false);
  });
});
