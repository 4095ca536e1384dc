import { describe, expect, it } from "vitest";
import type { PropagationPolicy, ResourceSelector } from "../kube/karmada";
import { selectBestPolicy } from "./select-policy";

const nginx = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "nginx", namespace: "test", labels: { app: "nginx" } } };
const byName: ResourceSelector = { apiVersion: "apps/v1", kind: "Deployment", name: "nginx" };
const byLabel: ResourceSelector = { apiVersion: "apps/v1", kind: "Deployment", labelSelector: { matchLabels: { app: "nginx" } } };
const byKind: ResourceSelector = { apiVersion: "apps/v1", kind: "Deployment" };

function pp(name: string, selectors: ResourceSelector[], priority?: number, namespace = "test"): PropagationPolicy {
  return { apiVersion: "policy.karmada.io/v1alpha1", kind: "PropagationPolicy", metadata: { name, namespace }, spec: { resourceSelectors: selectors, priority } };
}
function cpp(name: string, selectors: ResourceSelector[], priority?: number): PropagationPolicy {
  return { apiVersion: "policy.karmada.io/v1alpha1", kind: "ClusterPropagationPolicy", metadata: { name }, spec: { resourceSelectors: selectors, priority } };
}

// Karmada's compare_test tables (getHighestPriorityPropagationPolicy and name tie-breaks).
describe("selectBestPolicy", () => {
  it.each<[string, PropagationPolicy[], string | null]>([
    ["empty policies", [], null],
    ["different implicit priority", [pp("match-with-label", [byLabel]), pp("match-all", [byKind]), pp("match-with-name", [byName])], "match-with-name"],
    ["same implicit priority", [pp("b-pp", [byName]), pp("a-pp", [byName])], "a-pp"],
    ["explicit priority beats implicit", [pp("a-pp", [byName]), pp("b-pp", [byKind], 1)], "b-pp"],
    ["same length of name", [pp("B", [byKind]), pp("A", [byKind])], "A"],
    ["upper case sorts first", [pp("a", [byKind]), pp("B", [byKind])], "B"],
    ["different length of name", [pp("abc", [byKind]), pp("ab", [byKind])], "ab"],
    ["empty name sorts first", [pp("ab", [byKind]), pp("", [byKind])], ""],
    ["no match", [pp("other", [{ apiVersion: "v1", kind: "Service" }])], null],
    ["best selector of a policy counts", [pp("b", [byKind, byName]), pp("a", [byLabel])], "b"],
  ])("%s", (_n, policies, want) => {
    expect(selectBestPolicy(nginx, policies, []).winner?.metadata.name ?? null).toBe(want);
  });

  it("prefers any matching PP in the object's namespace over a higher-priority CPP", () => {
    const r = selectBestPolicy(nginx, [pp("low", [byKind])], [cpp("high", [byName], 100)]);
    expect(r.winner?.metadata.name).toBe("low");
    expect(r.candidates.find((c) => c.name === "high")).toMatchObject({ matched: true, winner: false, reason: expect.stringContaining("takes precedence") });
  });

  it("ignores PPs of other namespaces and falls back to CPPs", () => {
    const r = selectBestPolicy(nginx, [pp("elsewhere", [byName], 5, "other")], [cpp("b", [byKind]), cpp("a", [byLabel])]);
    expect(r.winner?.metadata.name).toBe("a");
    expect(r.candidates.map((c) => [c.name, c.winner])).toEqual([["elsewhere", false], ["b", false], ["a", true]]);
    expect(r.candidates[0].reason).toContain("namespace other");
    expect(r.candidates[1].reason).toContain("less specific");
  });

  it("skips policies being deleted", () => {
    const deleting = { ...pp("a", [byName], 10), metadata: { name: "a", namespace: "test", deletionTimestamp: "2024-01-01T00:00:00Z" } };
    const r = selectBestPolicy(nginx, [deleting, pp("b", [byKind])], []);
    expect(r.winner?.metadata.name).toBe("b");
    expect(r.candidates[0]).toMatchObject({ matched: true, reason: "the policy is being deleted" });
  });

  it("explains losers by priority", () => {
    const r = selectBestPolicy(nginx, [pp("a", [byName]), pp("b", [byKind], 2)], []);
    expect(r.candidates[0].reason).toBe("lower priority (0) than PropagationPolicy test/b (2)");
  });

  it.each([
    ["reserved namespace", { ...nginx, metadata: { ...nginx.metadata, namespace: "karmada-es-member1" } }],
    ["kube-* namespace", { ...nginx, metadata: { ...nginx.metadata, namespace: "kube-public" } }],
    ["claimed-by label", { ...nginx, metadata: { ...nginx.metadata, labels: { "resourcetemplate.karmada.io/claimed-by": "mcs" } } }],
  ])("gives no winner for %s", (_n, obj) => {
    const ns = obj.metadata.namespace;
    const r = selectBestPolicy(obj, [pp("a", [byKind], 0, ns)], [cpp("c", [byKind])]);
    expect(r.winner).toBeNull();
    expect(r.candidates.every((c) => c.reason.length > 0 && !c.winner)).toBe(true);
  });

  it("uses only CPPs for cluster-scoped objects", () => {
    const role = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "r" } };
    const sel = [{ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole" }];
    const r = selectBestPolicy(role, [pp("p", sel)], [cpp("c", sel)]);
    expect(r.winner?.metadata.name).toBe("c");
  });
});
