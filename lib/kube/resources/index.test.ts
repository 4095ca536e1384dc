import { describe, expect, it } from "vitest";
import { controlPlaneDescriptors, memberClusterDescriptors } from "./index";

const byKind = (kind: string, list = controlPlaneDescriptors()) => list.find((d) => d.kind === kind)!;

describe("discovery facts", () => {
  it.each([
    ["ConfigMap", "", "configmaps", ["cm"], true],
    ["Service", "", "services", ["svc"], true],
    ["ServiceAccount", "", "serviceaccounts", ["sa"], true],
    ["PersistentVolumeClaim", "", "persistentvolumeclaims", ["pvc"], true],
    ["Event", "", "events", ["ev"], true],
    ["Namespace", "", "namespaces", ["ns"], false],
    ["Deployment", "apps", "deployments", ["deploy"], true],
    ["StatefulSet", "apps", "statefulsets", ["sts"], true],
    ["DaemonSet", "apps", "daemonsets", ["ds"], true],
    ["ReplicaSet", "apps", "replicasets", ["rs"], true],
    ["CronJob", "batch", "cronjobs", ["cj"], true],
    ["Ingress", "networking.k8s.io", "ingresses", ["ing"], true],
    ["CustomResourceDefinition", "apiextensions.k8s.io", "customresourcedefinitions", ["crd", "crds"], false],
    ["Cluster", "cluster.karmada.io", "clusters", [], false],
    ["PropagationPolicy", "policy.karmada.io", "propagationpolicies", ["pp"], true],
    ["ClusterPropagationPolicy", "policy.karmada.io", "clusterpropagationpolicies", ["cpp"], false],
    ["OverridePolicy", "policy.karmada.io", "overridepolicies", ["op"], true],
    ["ClusterOverridePolicy", "policy.karmada.io", "clusteroverridepolicies", ["cop"], false],
    ["ResourceBinding", "work.karmada.io", "resourcebindings", ["rb"], true],
    ["ClusterResourceBinding", "work.karmada.io", "clusterresourcebindings", ["crb"], false],
    ["Work", "work.karmada.io", "works", ["wk"], true],
  ])("%s", (kind, group, plural, shortNames, namespaced) => {
    const d = byKind(kind);
    expect(d).toMatchObject({ group, plural, namespaced, listKind: `${kind}List` });
    expect(d.shortNames).toEqual(shortNames);
    expect(d.singular).toBe(kind.toLowerCase());
  });

  it("versions: bindings at v1alpha2, Work at v1alpha1", () => {
    expect(byKind("ResourceBinding").version).toBe("v1alpha2");
    expect(byKind("Work").version).toBe("v1alpha1");
  });

  it("scale subresource only on Deployment, StatefulSet, ReplicaSet", () => {
    const scaled = controlPlaneDescriptors().filter((d) => d.subresources.scale).map((d) => d.kind).sort();
    expect(scaled).toEqual(["Deployment", "ReplicaSet", "StatefulSet"]);
  });

  it("`get all` category covers the workloads and services", () => {
    const all = memberClusterDescriptors().filter((d) => d.categories?.includes("all")).map((d) => d.kind).sort();
    expect(all).toEqual(["CronJob", "DaemonSet", "Deployment", "Job", "Pod", "ReplicaSet", "Service", "StatefulSet"]);
  });

  it("Node and Pod only on members; Karmada kinds only on the control plane", () => {
    const member = memberClusterDescriptors().map((d) => d.kind);
    const cp = controlPlaneDescriptors().map((d) => d.kind);
    expect(member).toContain("Node");
    expect(member).toContain("Pod");
    expect(member).not.toContain("Cluster");
    expect(cp).not.toContain("Pod");
    expect(cp).toContain("ClusterTaintPolicy");
  });

  it("every (group, plural) is unique and every descriptor has verbs", () => {
    const keys = controlPlaneDescriptors().map((d) => `${d.group}/${d.plural}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const d of controlPlaneDescriptors()) expect(d.verbs.length).toBeGreaterThan(0);
  });
});
