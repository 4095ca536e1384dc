import { describe, expect, it } from "vitest";
import type { Overriders } from "../kube/karmada";
import { ANNOTATION_APPLIED_CLUSTER_OVERRIDES, ANNOTATION_APPLIED_OVERRIDES } from "../kube/karmada";
import { applyOverrides } from "./apply-overrides";
import { orderMatchingPolicies, rulesForCluster } from "./select-rules";
import { cluster, cop, op, workload } from "./test-fixtures";

const deployment = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "test", namespace: "default" }, spec: {} };
const ann = (v: string): Overriders => ({ plaintext: [{ path: "/metadata/annotations", operator: "add", value: v }] });
const o1 = ann("foo: bar");
const o2 = ann("aaa: bbb");
const o3 = ann("hello: world");
const c1 = cluster("cluster1");
const c2 = cluster("cluster2");

// Karmada's TestGetMatchingOverridePolicies.
const policy1 = op("overridePolicy1", {
  resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: "test" }],
  overrideRules: [
    { targetCluster: { clusterNames: ["cluster1", "cluster2"] }, overriders: o1 },
    { targetCluster: { clusterNames: ["cluster2"] }, overriders: o2 },
  ],
});
const policy2 = op("overridePolicy2", { overrideRules: [{ targetCluster: { clusterNames: ["cluster1", "cluster2"] }, overriders: o3 }] });
const policy3 = op("overridePolicy3", { resourceSelectors: [], overrideRules: [{ targetCluster: { clusterNames: ["cluster1", "cluster2"] }, overriders: o3 }] });
const oldPolicy = cop("oldOverridePolicy", { targetCluster: { clusterNames: ["cluster1"] }, overriders: o3 });

describe("rule selection (Karmada TestGetMatchingOverridePolicies)", () => {
  const run = (policies: ReturnType<typeof op>[], c: typeof c1) =>
    rulesForCluster(orderMatchingPolicies(policies, deployment), c).map((r) => [r.policy.metadata.name, r.overriders]);
  it.each([
    ["OverrideRules test 1", [policy1, policy2], c1, [["overridePolicy2", o3], ["overridePolicy1", o1]]],
    ["OverrideRules test 2", [policy1, policy2], c2, [["overridePolicy2", o3], ["overridePolicy1", o1], ["overridePolicy1", o2]]],
    ["OverrideRules test 3", [policy3], c2, [["overridePolicy3", o3]]],
    ["TargetCluster and Overriders test", [oldPolicy], c1, [["oldOverridePolicy", o3]]],
    ["deprecated pair for another cluster", [oldPolicy], c2, []],
  ] as const)("%s", (_n, policies, c, want) => {
    expect(run([...policies], c)).toEqual(want);
  });

  it("orders label selectors between match-all and name, then by name", () => {
    const labelled = { ...deployment, metadata: { ...deployment.metadata, labels: { app: "x" } } };
    const byName = op("a-name", { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: "test" }] });
    const byLabel = op("b-label", { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", labelSelector: { matchLabels: { app: "x" } } }] });
    const byKind = op("c-kind", { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment" }] });
    const all = op("d-all", {});
    const other = op("e-other", { resourceSelectors: [{ apiVersion: "v1", kind: "Service" }] });
    expect(orderMatchingPolicies([byName, byLabel, byKind, all, other], labelled).map((p) => p.metadata.name)).toEqual(["c-kind", "d-all", "b-label", "a-name"]);
  });
});

describe("applyOverrides", () => {
  const labels = (v: Record<string, string>): Overriders => ({ labelsOverrider: [{ operator: "add", value: v }] });

  it("applies ClusterOverridePolicies before OverridePolicies (Karmada ApplyLabelAnnotationOverriderPolicies)", () => {
    const manifest = workload("Deployment", [{ name: "nginx", image: "nginx" }]);
    const r = applyOverrides({
      manifest,
      cluster: c1,
      clusterOverridePolicies: [cop("cop", { overrideRules: [{ overriders: labels({ tier: "cluster" }) }] })],
      overridePolicies: [
        op("ns", { overrideRules: [{ targetCluster: { clusterNames: ["cluster1"] }, overriders: labels({ tier: "ns" }) }] }),
        op("elsewhere", { overrideRules: [{ overriders: labels({ tier: "other" }) }] }, "other-ns"),
      ],
    });
    expect(r.errors).toEqual([]);
    expect(r.manifest.metadata.labels).toEqual({ app: "nginx", tier: "ns" });
    expect(r.patches.map((p) => p.policy)).toEqual(["ClusterOverridePolicy/cop", "OverridePolicy/default/ns"]);
    expect(r.appliedClusterOverrides?.map((i) => i.policyName)).toEqual(["cop"]);
    expect(r.appliedOverrides?.map((i) => i.policyName)).toEqual(["ns"]);
    expect(r.annotations[ANNOTATION_APPLIED_CLUSTER_OVERRIDES]).toBe(
      '[{"policyName":"cop","overriders":{"labelsOverrider":[{"operator":"add","value":{"tier":"cluster"}}]}}]',
    );
    expect(r.annotations[ANNOTATION_APPLIED_OVERRIDES]).toBe('[{"policyName":"ns","overriders":{"labelsOverrider":[{"operator":"add","value":{"tier":"ns"}}]}}]');
    expect(manifest.metadata.labels).toEqual({ app: "nginx" });
  });

  it("applies no OverridePolicies to cluster-scoped objects", () => {
    const role = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "r" } };
    const r = applyOverrides({ manifest: role, cluster: c1, overridePolicies: [op("ns", { overrideRules: [{ overriders: labels({ a: "b" }) }] })] });
    expect(r.manifest).toEqual(role);
    expect(r.appliedOverrides).toBeNull();
    expect(r.annotations).toEqual({});
  });

  it("records nothing (null, as Karmada's nil) when matched policies have no rule for the cluster", () => {
    const r = applyOverrides({ manifest: deployment, cluster: c2, clusterOverridePolicies: [oldPolicy] });
    expect(r.appliedClusterOverrides).toBeNull();
    expect(r.annotations).toEqual({});
  });

  it("stops at the first failing rule and reports it", () => {
    const bad = op("bad", { overrideRules: [{ overriders: labels({ a: "1" }) }, { overriders: { plaintext: [{ path: "/spec/nope/x", operator: "replace", value: 1 }] } }] });
    const later = op("zz-later", { overrideRules: [{ overriders: labels({ z: "1" }) }] });
    const r = applyOverrides({ manifest: deployment, cluster: c1, overridePolicies: [bad, later] });
    expect(r.errors).toEqual([{ policy: "OverridePolicy/default/bad", rule: 1, message: expect.stringContaining("/spec/nope/x") }]);
    expect(r.manifest.metadata.labels).toEqual({ a: "1" });
    expect(r.annotations).toEqual({});
  });

  it("lets a ClusterOverridePolicy's label make an OverridePolicy's labelSelector match", () => {
    const addLabel = cop("add", { overrideRules: [{ overriders: labels({ env: "prod" }) }] });
    const selective = op("sel", {
      resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", labelSelector: { matchLabels: { env: "prod" } } }],
      overrideRules: [{ overriders: labels({ seen: "yes" }) }],
    });
    const r = applyOverrides({ manifest: deployment, cluster: c1, clusterOverridePolicies: [addLabel], overridePolicies: [selective] });
    expect(r.manifest.metadata.labels).toEqual({ env: "prod", seen: "yes" });
  });
});
