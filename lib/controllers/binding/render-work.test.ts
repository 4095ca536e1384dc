import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../kube/types";
import type { Cluster, OverridePolicy, ResourceBinding } from "../../kube/karmada";
import { renderWork, conflictResolution } from "./render-work";
import { targetClusters } from "./binding-meta";

const template: KubeObject = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "nginx", namespace: "default", uid: "t-uid", generation: 3, resourceVersion: "9", labels: { app: "nginx" } },
  spec: { replicas: 5, template: { spec: { containers: [{ name: "nginx", image: "nginx:1.0" }] } } },
  status: { replicas: 5 },
};
const binding = (spec: Partial<ResourceBinding["spec"]> = {}): ResourceBinding => ({
  apiVersion: "work.karmada.io/v1alpha2",
  kind: "ResourceBinding",
  metadata: { name: "nginx-deployment", namespace: "default", labels: { "resourcebinding.karmada.io/permanent-id": "rb-id" } },
  spec: { resource: { apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "nginx" }, replicas: 5, clusters: [{ name: "m1", replicas: 2 }, { name: "m2", replicas: 3 }], ...spec },
});
const cluster = (name: string): Cluster => ({ apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name }, spec: {} } as Cluster);

describe("renderWork (§7.4)", () => {
  it("renders the pruned manifest with the cluster's replicas and Karmada's labels and annotations", () => {
    const out = renderWork({ binding: binding(), template, target: { name: "m1", replicas: 2 }, cluster: cluster("m1"), overridePolicies: [], clusterOverridePolicies: [], newWorkId: "w-id" });
    const w = out.work!;
    expect(w.metadata).toMatchObject({ namespace: "karmada-es-m1", name: expect.stringMatching(/^nginx-/), finalizers: ["karmada.io/execution-controller"], labels: { "resourcebinding.karmada.io/permanent-id": "rb-id", "work.karmada.io/permanent-id": "w-id" } });
    const m = w.spec.workload!.manifests![0];
    expect((m.spec as { replicas: number }).replicas).toBe(2);
    expect(m.status).toBeUndefined();
    expect(m.metadata.uid).toBeUndefined();
    expect(m.metadata.labels).toMatchObject({ app: "nginx", "karmada.io/managed": "true", "work.karmada.io/permanent-id": "w-id" });
    expect(m.metadata.annotations).toMatchObject({
      "resourcetemplate.karmada.io/uid": "t-uid",
      "resourcetemplate.karmada.io/generation": "3",
      "work.karmada.io/namespace": "karmada-es-m1",
      "resourcebinding.karmada.io/name": "nginx-deployment",
      "work.karmada.io/conflict-resolution": "abort",
    });
    expect(m.metadata.annotations?.["resourcetemplate.karmada.io/managed-labels"]).toBe("app,karmada.io/managed,resourcebinding.karmada.io/permanent-id,work.karmada.io/permanent-id");
  });

  it("applies overrides and reports an override that cannot apply", () => {
    const op = (overriders: unknown): OverridePolicy => ({ apiVersion: "policy.karmada.io/v1alpha1", kind: "OverridePolicy", metadata: { name: "op", namespace: "default" }, spec: { overrideRules: [{ overriders }] } } as OverridePolicy);
    const ok = renderWork({ binding: binding(), template, target: { name: "m1", replicas: 2 }, cluster: cluster("m1"), overridePolicies: [op({ imageOverrider: [{ component: "Tag", operator: "replace", value: "2.0" }] })], clusterOverridePolicies: [], newWorkId: "x" });
    expect(JSON.stringify(ok.work!.spec)).toContain("nginx:2.0");
    expect(ok.work!.metadata.annotations?.["policy.karmada.io/applied-overrides"]).toContain("op");
    const bad = renderWork({ binding: binding(), template, target: { name: "m1", replicas: 2 }, cluster: cluster("m1"), overridePolicies: [op({ plaintext: [{ path: "/spec/missing/x", operator: "replace", value: 1 }] })], clusterOverridePolicies: [], newWorkId: "x" });
    expect(bad.work).toBeUndefined();
    expect(bad.errors.length).toBe(1);
  });

  it("suspendDispatching and preserveResourcesOnDeletion follow the binding", () => {
    const out = renderWork({ binding: binding({ suspension: { dispatchingOnClusters: { clusterNames: ["m1"] } }, preserveResourcesOnDeletion: true }), template, target: { name: "m1", replicas: 2 }, cluster: cluster("m1"), overridePolicies: [], clusterOverridePolicies: [], newWorkId: "x" });
    expect(out.work!.spec).toMatchObject({ suspendDispatching: true, preserveResourcesOnDeletion: true });
  });

  it.each([
    [undefined, "Overwrite", "overwrite"],
    [undefined, "Abort", "abort"],
    ["abort", "Overwrite", "abort"],
    ["overwrite", undefined, "overwrite"],
    ["bogus", "Overwrite", "overwrite"],
  ] as const)("conflict resolution: template %s, policy %s → %s", (own, policy, expected) => {
    const t: KubeObject = { ...template, metadata: { ...template.metadata, annotations: own ? { "work.karmada.io/conflict-resolution": own } : {} } };
    expect(conflictResolution(t, binding({ conflictResolution: policy }))).toBe(expected);
  });
});

describe("targetClusters", () => {
  it("unions spec.clusters, requiredBy and non-Directly eviction tasks", () => {
    const b = binding({
      clusters: [{ name: "a", replicas: 1 }],
      requiredBy: [{ name: "x", clusters: [{ name: "b" }, { name: "a" }] }],
      gracefulEvictionTasks: [{ fromCluster: "c", reason: "r", producer: "p" }, { fromCluster: "d", purgeMode: "Directly", reason: "r", producer: "p" }],
    });
    expect(targetClusters(b).map((t) => t.name)).toEqual(["a", "b", "c"]);
  });
});
