import { describe, expect, it } from "vitest";
import type { ResourceBinding, Work } from "../../kube/karmada";
import type { AggregatedStatusItem } from "../../kube/karmada";
import { aggregatedItems, aggregateProgressOnly, fullyAppliedCondition } from "./aggregate";

const work = (cluster: string, applied?: boolean, extra: Partial<Work> = {}): Work => ({
  apiVersion: "work.karmada.io/v1alpha1",
  kind: "Work",
  metadata: { name: "w", namespace: `karmada-es-${cluster}` },
  spec: {},
  status: {
    conditions: applied === undefined ? [] : [{ type: "Applied", status: applied ? "True" : "False", reason: "r", message: applied ? "ok" : "boom", lastTransitionTime: "t" }],
    manifestStatuses: applied ? [{ identifier: { ordinal: 0, group: "apps", version: "v1", kind: "Deployment", resource: "deployments", name: "n" }, status: { readyReplicas: 1 }, health: "Healthy" }] : [],
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
  ] as const)("clusters %j → %s", (clusters, works, status) => {
    const c = fullyAppliedCondition(binding([...clusters]), aggregatedItems([...works]));
    expect(c.status).toBe(status);
    expect(c.observedGeneration).toBe(2);
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
