import { describe, expect, it } from "vitest";
import type { OverridePolicy, PropagationPolicy } from "../../lib/kube/karmada";
import { overrideSummary, placementSummary, selectorsSummary } from "./policy-summary";

describe("policy summaries", () => {
  it("summarises selectors", () => {
    expect(selectorsSummary([{ apiVersion: "apps/v1", kind: "Deployment", name: "nginx" }, { apiVersion: "v1", kind: "ConfigMap", labelSelector: { matchLabels: { app: "web" } } }])).toBe("Deployment/nginx, ConfigMap (app=web)");
    expect(selectorsSummary([])).toBe("everything in scope");
  });
  it("summarises placement", () => {
    const p = (placement: PropagationPolicy["spec"]["placement"]): PropagationPolicy => ({ apiVersion: "policy.karmada.io/v1alpha1", kind: "PropagationPolicy", metadata: { name: "p" }, spec: { resourceSelectors: [], placement } });
    expect(placementSummary(p({ clusterAffinity: { clusterNames: ["a", "b"] }, replicaScheduling: { replicaSchedulingType: "Duplicated" } }))).toBe("a, b · duplicated");
    expect(placementSummary(p(undefined))).toBe("all clusters · divided, weighted");
  });
  it("summarises override rules", () => {
    const op: OverridePolicy = { apiVersion: "policy.karmada.io/v1alpha1", kind: "OverridePolicy", metadata: { name: "o" }, spec: { overrideRules: [{ overriders: { imageOverrider: [{ component: "Tag", operator: "replace", value: "x" }], labelsOverrider: [] } }] } };
    expect(overrideSummary(op)).toBe("1 rule(s): image");
  });
});
