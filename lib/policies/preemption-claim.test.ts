import { describe, expect, it } from "vitest";
import type { PropagationPolicy } from "../kube/karmada";
import type { KubeObject } from "../kube/types";
import { canPreempt, namesTemplate } from "./preemption";
import { claimMetadata, currentClaim, withClaim, withoutClaim } from "./claim";
import { isPropagatable, isSkippedApi, isSkippedNamespace } from "./reserved";

function policy(kind: PropagationPolicy["kind"], name: string, priority: number, preemption?: "Always" | "Never"): PropagationPolicy {
  return {
    apiVersion: "policy.karmada.io/v1alpha1",
    kind,
    metadata: { name, ...(kind === "PropagationPolicy" ? { namespace: "default" } : {}), labels: { [kind === "PropagationPolicy" ? "propagationpolicy.karmada.io/permanent-id" : "clusterpropagationpolicy.karmada.io/permanent-id"]: `${name}-id` } },
    spec: { resourceSelectors: [], priority, preemption },
  };
}

describe("canPreempt (karmada-api.md §7.1)", () => {
  it.each<[string, PropagationPolicy, Parameters<typeof canPreempt>[1], boolean]>([
    ["PP over lower PP", policy("PropagationPolicy", "new", 5, "Always"), { kind: "PropagationPolicy", namespace: "default", name: "old", priority: 1 }, true],
    ["PP over equal PP", policy("PropagationPolicy", "new", 1, "Always"), { kind: "PropagationPolicy", namespace: "default", name: "old", priority: 1 }, false],
    ["PP over higher PP", policy("PropagationPolicy", "new", 1, "Always"), { kind: "PropagationPolicy", namespace: "default", name: "old", priority: 9 }, false],
    ["PP over any CPP", policy("PropagationPolicy", "new", 0, "Always"), { kind: "ClusterPropagationPolicy", name: "old", priority: 100 }, true],
    ["CPP over lower CPP", policy("ClusterPropagationPolicy", "new", 2, "Always"), { kind: "ClusterPropagationPolicy", name: "old", priority: 1 }, true],
    ["CPP over equal CPP", policy("ClusterPropagationPolicy", "new", 1, "Always"), { kind: "ClusterPropagationPolicy", name: "old", priority: 1 }, false],
    ["CPP over PP", policy("ClusterPropagationPolicy", "new", 100, "Always"), { kind: "PropagationPolicy", namespace: "default", name: "old", priority: 0 }, false],
    ["preemption Never", policy("PropagationPolicy", "new", 5, "Never"), { kind: "PropagationPolicy", namespace: "default", name: "old", priority: 1 }, false],
    ["itself", policy("PropagationPolicy", "new", 5, "Always"), { kind: "PropagationPolicy", namespace: "default", name: "new", priority: 1 }, false],
  ])("%s", (_n, p, holder, want) => {
    expect(canPreempt(p, holder)).toBe(want);
  });

  it("never preempts with the feature gate off", () => {
    expect(canPreempt(policy("PropagationPolicy", "new", 5, "Always"), { kind: "ClusterPropagationPolicy", name: "c" }, { gateEnabled: false })).toBe(false);
  });
});

describe("claim metadata", () => {
  const template: KubeObject = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "n", namespace: "default", labels: { app: "x" } } };

  it("writes a PP claim and removes a CPP claim", () => {
    const cppClaimed = withClaim(template, policy("ClusterPropagationPolicy", "cpp", 0));
    expect(currentClaim(cppClaimed)).toEqual({ kind: "ClusterPropagationPolicy", name: "cpp", id: "cpp-id" });
    const ppClaimed = withClaim(cppClaimed, policy("PropagationPolicy", "pp", 0));
    expect(ppClaimed.metadata.labels).toEqual({ app: "x", "propagationpolicy.karmada.io/permanent-id": "pp-id" });
    expect(ppClaimed.metadata.annotations).toEqual({ "propagationpolicy.karmada.io/namespace": "default", "propagationpolicy.karmada.io/name": "pp" });
    expect(currentClaim(ppClaimed)).toEqual({ kind: "PropagationPolicy", namespace: "default", name: "pp", id: "pp-id" });
    expect(template.metadata).toEqual({ name: "n", namespace: "default", labels: { app: "x" } });
    expect(currentClaim(withoutClaim(ppClaimed))).toBeUndefined();
  });

  it("describes the CPP claim", () => {
    expect(claimMetadata(policy("ClusterPropagationPolicy", "c", 0))).toEqual({
      labels: { "clusterpropagationpolicy.karmada.io/permanent-id": "c-id" },
      annotations: { "clusterpropagationpolicy.karmada.io/name": "c" },
      removeLabels: [],
      removeAnnotations: [],
    });
  });
});

describe("reserved namespaces and skipped APIs (karmada-api.md §1)", () => {
  it.each([
    ["karmada-system", true],
    ["karmada-cluster", true],
    ["karmada-es-member1", true],
    ["kube-system", true],
    ["default", false],
    ["my-kube-ns", false],
  ])("namespace %s skipped=%s", (ns, want) => {
    expect(isSkippedNamespace(ns)).toBe(want);
  });

  it.each([
    ["policy.karmada.io/v1alpha1", "PropagationPolicy", true],
    ["work.karmada.io/v1alpha2", "ResourceBinding", true],
    ["events.k8s.io/v1", "Event", true],
    ["v1", "Event", true],
    ["coordination.k8s.io/v1", "Lease", true],
    ["apps/v1", "Deployment", false],
    ["v1", "ConfigMap", false],
  ])("%s %s skipped=%s", (apiVersion, kind, want) => {
    expect(isSkippedApi(apiVersion, kind)).toBe(want);
  });

  it("skips the extension-apiserver-authentication ConfigMap", () => {
    expect(isPropagatable({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "extension-apiserver-authentication", namespace: "kube-system" } }, [])).toBe(false);
    expect(isPropagatable({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x", namespace: "kube-system" } }, [])).toBe(true);
  });
});

describe("namesTemplate (preemption fetches each selector's namespace/name)", () => {
  const deploy: KubeObject = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "nginx", namespace: "default", labels: { app: "nginx" } } };
  const role: KubeObject = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "r" } };
  const withSelectors = (...resourceSelectors: PropagationPolicy["spec"]["resourceSelectors"]): PropagationPolicy => ({ ...policy("ClusterPropagationPolicy", "p", 0), spec: { resourceSelectors } });
  it.each<[string, PropagationPolicy, KubeObject, boolean]>([
    ["name and namespace", withSelectors({ apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "nginx" }), deploy, true],
    ["no namespace for a namespaced template", withSelectors({ apiVersion: "apps/v1", kind: "Deployment", name: "nginx" }), deploy, false],
    ["other namespace", withSelectors({ apiVersion: "apps/v1", kind: "Deployment", namespace: "other", name: "nginx" }), deploy, false],
    ["label selector only", withSelectors({ apiVersion: "apps/v1", kind: "Deployment", namespace: "default", labelSelector: { matchLabels: { app: "nginx" } } }), deploy, false],
    ["other apiVersion", withSelectors({ apiVersion: "apps/v1beta1", kind: "Deployment", namespace: "default", name: "nginx" }), deploy, false],
    ["cluster-scoped template, no namespace", withSelectors({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", name: "r" }), role, true],
    ["second selector names it", withSelectors({ apiVersion: "v1", kind: "Service" }, { apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "nginx" }), deploy, true],
    ["a PP's selector without a namespace means the PP's own (the webhook's default)", { ...policy("PropagationPolicy", "p", 0), metadata: { name: "p", namespace: "default" }, spec: { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: "nginx" }] } } as PropagationPolicy, deploy, true],
  ])("%s", (_n, p, t, want) => {
    expect(namesTemplate(p, t)).toBe(want);
  });
});
