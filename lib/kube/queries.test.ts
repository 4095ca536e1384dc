import { describe, expect, it } from "vitest";
import { kubeKeys, kubePath, matchesInvalidation, restKey, restPath } from "./queries";

const deployments = { group: "apps", version: "v1", plural: "deployments", namespaced: true };
const clusters = { group: "cluster.karmada.io", version: "v1alpha1", plural: "clusters", namespaced: false };
const pods = { group: "", version: "v1", plural: "pods" };

describe("kubeKeys", () => {
  it("shapes list and detail keys as ['kube', group, version, plural, namespace, name, params]", () => {
    expect(kubeKeys.list(deployments, "default", { limit: 50 })).toEqual(["kube", "apps", "v1", "deployments", "default", "", { limit: 50 }]);
    expect(kubeKeys.list(deployments)).toEqual(["kube", "apps", "v1", "deployments", "", "", {}]);
    expect(kubeKeys.detail(deployments, "default", "web")).toEqual(["kube", "apps", "v1", "deployments", "default", "web", {}]);
  });

  it("ignores the namespace of cluster-scoped resources", () => {
    expect(kubeKeys.detail(clusters, "default", "member1")).toEqual(["kube", "cluster.karmada.io", "v1alpha1", "clusters", "", "member1", {}]);
  });

  it("drops empty params so equivalent queries share one cache entry", () => {
    expect(kubeKeys.list(pods, "a", { labelSelector: "", continue: undefined })).toEqual(kubeKeys.list(pods, "a"));
  });

  it("gives prefixes of the list keys for invalidation", () => {
    const list = kubeKeys.list(deployments, "default", { limit: 5 });
    for (const prefix of [kubeKeys.all, kubeKeys.resource(deployments), kubeKeys.namespace(deployments, "default")]) {
      expect(list.slice(0, prefix.length)).toEqual([...prefix]);
    }
  });
});

describe("paths", () => {
  it.each([
    [pods, "default", undefined, {}, "/k8s/api/v1/namespaces/default/pods"],
    [pods, undefined, undefined, { labelSelector: "app=web", limit: 20 }, "/k8s/api/v1/pods?labelSelector=app%3Dweb&limit=20"],
    [deployments, "prod", "web", {}, "/k8s/apis/apps/v1/namespaces/prod/deployments/web"],
    [clusters, "ignored", "member1", {}, "/k8s/apis/cluster.karmada.io/v1alpha1/clusters/member1"],
  ] as const)("kubePath %#", (ref, ns, name, params, want) => {
    expect(kubePath(ref, ns, name, params)).toBe(want);
  });

  it("builds REST keys and URLs from the same path", () => {
    expect(restKey("/api/v1/clusters/member1/health", { hours: 6 })).toEqual(["rest", "clusters", "member1", "health", { hours: 6 }]);
    expect(restKey("overview")).toEqual(["rest", "overview", {}]);
    expect(restPath("overview", { q: "a b", page: undefined })).toBe("/api/v1/overview?q=a+b");
    expect(restPath("/api/v1/sandboxes")).toBe("/api/v1/sandboxes");
  });
});

describe("matchesInvalidation", () => {
  const event = ["kube", "apps", "v1", "deployments", "default", "web"];
  it.each([
    ["the all-namespaces list", kubeKeys.list(deployments), true],
    ["the namespace's list", kubeKeys.list(deployments, "default", { limit: 10 }), true],
    ["the object itself", kubeKeys.detail(deployments, "default", "web"), true],
    ["the object under another version", ["kube", "apps", "v1beta1", "deployments", "default", "web", {}], true],
    ["another namespace's list", kubeKeys.list(deployments, "prod"), false],
    ["another object", kubeKeys.detail(deployments, "default", "api"), false],
    ["another resource", kubeKeys.list(pods), false],
    ["a REST key", restKey("overview"), false],
  ])("an event on deployments/default/web refreshes %s: %s", (_name, queryKey, want) => {
    expect(matchesInvalidation(queryKey, event)).toBe(want);
  });

  it("matches REST keys by prefix, ignoring params", () => {
    expect(matchesInvalidation(restKey("clusters/member1/health", { hours: 1 }), ["rest", "clusters"])).toBe(true);
    expect(matchesInvalidation(restKey("clusters", { page: 2 }), ["rest", "clusters"])).toBe(true);
    expect(matchesInvalidation(restKey("overview"), ["rest", "clusters"])).toBe(false);
  });

  it("lets a short key invalidate a whole family and never matches an empty key", () => {
    expect(matchesInvalidation(kubeKeys.detail(pods, "x", "y"), ["kube"])).toBe(true);
    expect(matchesInvalidation(kubeKeys.detail(pods, "x", "y"), [])).toBe(false);
  });
});
