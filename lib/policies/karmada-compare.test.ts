import { describe, expect, it } from "vitest";
import type { PropagationPolicy, ResourceSelector } from "../kube/karmada";
import { ANNOTATION_CPP_NAME, ANNOTATION_PP_NAME, ANNOTATION_PP_NAMESPACE, LABEL_CPP_PERMANENT_ID, LABEL_PP_PERMANENT_ID } from "../kube/karmada";
import type { KubeObject } from "../kube/types";
import { matchPolicies } from "../placement/match";
import { withClaim, withoutClaim } from "./claim";
import { isPropagatable } from "./reserved";
import { selectBestPolicy } from "./select-policy";

/**
 * Tables of Karmada's pkg/detector/compare_test.go (getHighestPriority(Cluster)PropagationPolicy,
 * getHigherPriority(Cluster)PropagationPolicy) and pkg/detector/claim_test.go / policy_test.go
 * (claim metadata), run against selectBestPolicy and the /api/v1/policies/match function.
 */

type Kind = PropagationPolicy["kind"];

const nginx: KubeObject = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "nginx", namespace: "test", labels: { app: "nginx" } } };
const nginxIn = (namespace: string): KubeObject => ({ ...nginx, metadata: { ...nginx.metadata, namespace } });

const byName: ResourceSelector = { apiVersion: "apps/v1", kind: "Deployment", name: "nginx", namespace: "test" };
const byLabel: ResourceSelector = { apiVersion: "apps/v1", kind: "Deployment", namespace: "test", labelSelector: { matchLabels: { app: "nginx" } } };
const byKind: ResourceSelector = { apiVersion: "apps/v1", kind: "Deployment", namespace: "test" };

/** [name, selector, spec.priority] as the Go tables list them. */
type Row = [string, ResourceSelector, number?];

function policy(kind: Kind, [name, selector, priority]: Row): PropagationPolicy {
  // Karmada's CPP tables set metadata.namespace "test" on cluster-scoped policies; it is ignored.
  return {
    apiVersion: "policy.karmada.io/v1alpha1",
    kind,
    metadata: kind === "PropagationPolicy" ? { name, namespace: "test" } : { name },
    spec: { resourceSelectors: [selector], ...(priority === undefined ? {} : { priority }) },
  };
}

// Test_getHighestPriorityPropagationPolicies / Test_getHighestPriorityClusterPropagationPolicies (same table).
const highest: [string, Row[], KubeObject, string | null][] = [
  ["empty policies", [], nginx, null],
  ["no policy match for resource", [["match-with-name", byName], ["match-with-label", byLabel]], nginxIn("test01"), null],
  ["different implicit priority policy", [["match-with-name", byName], ["match-with-label", byLabel], ["match-all", byKind]], nginx, "match-with-name"],
  ["same implicit priority policy", [["a-pp", byName], ["b-pp", byName]], nginx, "a-pp"],
  ["one policy with implicit priority, one policy with explicit priority 1", [["a-pp", byName], ["b-pp", byName, 1]], nginx, "b-pp"],
  ["explicit priority 1 (name match) vs explicit priority 2 (label selector match)", [["a-pp", byName, 1], ["b-pp", byLabel, 2]], nginx, "b-pp"],
  ["two policies with explicit priority 1 (name match): lower alphabetical order", [["a-pp", byName, 1], ["b-pp", byName, 1]], nginx, "a-pp"],
  ["explicit priority 1 (label selector match) vs explicit priority 1 (name match)", [["a-pp", byLabel, 1], ["b-pp", byName, 1]], nginx, "b-pp"],
  ["explicit priority -1 (name match) vs implicit priority (label selector match)", [["a-pp", byLabel], ["b-pp", byName, -1]], nginx, "a-pp"],
];

describe.each<Kind>(["PropagationPolicy", "ClusterPropagationPolicy"])("getHighestPriority %s (karmada compare_test)", (kind) => {
  it.each(highest)("%s", (_n, rows, obj, want) => {
    const policies = rows.map((r) => policy(kind, r));
    const [pps, cpps] = kind === "PropagationPolicy" ? [policies, []] : [[], policies];
    expect(selectBestPolicy(obj, pps, cpps).winner?.metadata.name ?? null).toBe(want);
    const viaEndpoint = matchPolicies(obj, policies).winner;
    expect(viaEndpoint?.name ?? null).toBe(want);
    if (want !== null) expect(viaEndpoint?.kind).toBe(kind);
  });

  it.each(highest)("%s (policies listed in reverse)", (_n, rows, obj, want) => {
    const policies = rows.map((r) => policy(kind, r)).reverse();
    expect(matchPolicies(obj, policies).winner?.name ?? null).toBe(want);
  });
});

// Test_GetHigherPriorityPropagationPolicy / Test_GetHigherPriorityClusterPropagationPolicy: two
// policies alike in everything but the name; the smaller name in byte order wins.
describe.each<Kind>(["PropagationPolicy", "ClusterPropagationPolicy"])("getHigherPriority %s (karmada compare_test)", (kind) => {
  it.each<[string, string[], string]>([
    ["same length of name", ["A", "B"], "A"],
    ["different length of name", ["abc", "ab"], "ab"],
    ["someone policy name is empty", ["", "ab"], ""],
    ["someone policy is nil", ["ab"], "ab"],
  ])("%s", (_n, names, want) => {
    const policies = names.map((name) => policy(kind, [name, byKind]));
    const [pps, cpps] = kind === "PropagationPolicy" ? [policies, []] : [[], policies];
    expect(selectBestPolicy(nginx, pps, cpps).winner?.metadata.name).toBe(want);
    expect(selectBestPolicy(nginx, [...pps].reverse(), [...cpps].reverse()).winner?.metadata.name).toBe(want);
  });

  // a.Name < b.Name keeps a, otherwise b: of two policies with one name the later one wins.
  it("of equal names keeps the later policy, as Go's a.Name < b.Name does", () => {
    const first = policy(kind, ["same", byKind]);
    const second = policy(kind, ["same", byKind]);
    const [pps, cpps] = kind === "PropagationPolicy" ? [[first, second], []] : [[], [first, second]];
    expect(selectBestPolicy(nginx, pps, cpps).winner).toBe(second);
  });
});

describe("LookForMatchedPolicy before LookForMatchedClusterPolicy (karmada detector)", () => {
  it("a matching PP of the namespace wins over any CPP; with none matching, the best CPP", () => {
    const pp = policy("PropagationPolicy", ["pp", byKind]);
    const cpp = policy("ClusterPropagationPolicy", ["cpp", byName, 100]);
    expect(matchPolicies(nginx, [cpp, pp]).winner).toEqual({ kind: "PropagationPolicy", namespace: "test", name: "pp" });
    const other = policy("PropagationPolicy", ["pp", { apiVersion: "v1", kind: "Service" }]);
    expect(matchPolicies(nginx, [cpp, other]).winner).toEqual({ kind: "ClusterPropagationPolicy", name: "cpp" });
  });

  it("skips policies being deleted", () => {
    const deleting = { ...policy("PropagationPolicy", ["a", byName, 5]), metadata: { name: "a", namespace: "test", deletionTimestamp: "2026-01-01T00:00:00Z" } };
    expect(matchPolicies(nginx, [deleting, policy("PropagationPolicy", ["b", byKind])]).winner?.name).toBe("b");
    expect(matchPolicies(nginx, [deleting]).winner).toBeNull();
  });
});

// claim_test.go TestAddPPClaimMetadata / TestAddCPPClaimMetadata / TestCleanup*ClaimMetadata and
// policy_test.go Test_excludeClusterPolicy.
describe("claim metadata (karmada claim_test, policy_test)", () => {
  const id = "f2507cgb-f3f3-4a4b-b289-5691a4fef979";
  const template = (labels: Record<string, string>, annotations?: Record<string, string>): KubeObject => ({
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "x", labels, ...(annotations ? { annotations } : {}) },
  });
  const withId = (kind: Kind, name: string, namespace?: string): PropagationPolicy => ({
    apiVersion: "policy.karmada.io/v1alpha1",
    kind,
    metadata: { name, ...(namespace ? { namespace } : {}), labels: { [kind === "PropagationPolicy" ? LABEL_PP_PERMANENT_ID : LABEL_CPP_PERMANENT_ID]: id } },
    spec: { resourceSelectors: [] },
  });

  it("add policy claim metadata", () => {
    expect(withClaim(template({}), withId("PropagationPolicy", "pp-example", "test")).metadata).toMatchObject({
      labels: { [LABEL_PP_PERMANENT_ID]: id },
      annotations: { [ANNOTATION_PP_NAMESPACE]: "test", [ANNOTATION_PP_NAME]: "pp-example" },
    });
  });

  it("add cluster policy claim metadata", () => {
    expect(withClaim(template({}), withId("ClusterPropagationPolicy", "cpp-example")).metadata).toMatchObject({
      labels: { [LABEL_CPP_PERMANENT_ID]: id },
      annotations: { [ANNOTATION_CPP_NAME]: "cpp-example" },
    });
  });

  it.each<[string, KubeObject]>([
    ["clean up policy claim metadata", template({ [LABEL_PP_PERMANENT_ID]: id }, { [ANNOTATION_PP_NAMESPACE]: "default", [ANNOTATION_PP_NAME]: "pp-example" })],
    ["clean up cluster policy claim metadata", template({ [LABEL_CPP_PERMANENT_ID]: id }, { [ANNOTATION_CPP_NAME]: "cpp-example" })],
  ])("%s", (_n, obj) => {
    const out = withoutClaim(obj);
    expect(out.metadata.labels).toEqual({});
    expect(out.metadata.annotations).toEqual({});
  });

  it("excludeClusterPolicy: keeps other labels and annotations", () => {
    const out = withoutClaim(template({ [LABEL_CPP_PERMANENT_ID]: id, foo: "bar" }, { [ANNOTATION_CPP_NAME]: "nginx", foo1: "bar1" }));
    expect(out.metadata.labels).toEqual({ foo: "bar" });
    expect(out.metadata.annotations).toEqual({ foo1: "bar1" });
  });
});

// detector_test.go TestEventFilter (the detector's EventFilter is isPropagatable here).
describe("EventFilter (karmada detector_test)", () => {
  const obj = (kind: string, name: string, namespace?: string): KubeObject => ({ apiVersion: "v1", kind, metadata: { name, ...(namespace ? { namespace } : {}) } });
  it.each<[string, KubeObject, string[], boolean]>([
    ["object in karmada-system namespace", obj("Pod", "test-obj", "karmada-system"), [], false],
    ["object in karmada-cluster namespace", obj("Pod", "test-obj", "karmada-cluster"), [], false],
    ["object in karmada-es-* namespace", obj("Pod", "test-obj", "karmada-es-test"), [], false],
    ["object in skipped namespace", obj("Pod", "test-obj", "kube-system"), ["kube-.*"], false],
    ["object in non-skipped namespace", obj("Pod", "test-obj", "default"), [], true],
    ["extension-apiserver-authentication configmap in kube-system", obj("ConfigMap", "extension-apiserver-authentication", "kube-system"), [], false],
    ["cluster-scoped resource", obj("Node", "test-node"), [], true],
    // --skipped-propagating-namespaces patterns are compiled as fmt.Sprintf("^%s$", ns), ungrouped.
    ["pattern with alternation: '^a|b$' matches a prefix", obj("Pod", "p", "alpha"), ["a|b"], false],
    ["pattern with alternation: '^a|b$' matches a suffix", obj("Pod", "p", "kb"), ["a|b"], false],
    ["pattern with alternation: no match", obj("Pod", "p", "ba"), ["a|b"], true],
    ["pattern is anchored", obj("Pod", "p", "my-kube-ns"), ["kube-.*"], true],
  ])("%s", (_n, o, patterns, want) => {
    expect(isPropagatable(o, patterns)).toBe(want);
  });
});

// detector_test.go TestLookForMatchedPolicy / TestLookForMatchedClusterPolicy.
describe("LookForMatched(Cluster)Policy (karmada detector_test)", () => {
  const deployment: KubeObject = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "test-deployment", namespace: "default" } };
  const sel: ResourceSelector = { apiVersion: "apps/v1", kind: "Deployment" };
  it("matching policy found", () => {
    const pp: PropagationPolicy = { apiVersion: "policy.karmada.io/v1alpha1", kind: "PropagationPolicy", metadata: { name: "policy-1", namespace: "default" }, spec: { resourceSelectors: [sel] } };
    expect(matchPolicies(deployment, [pp]).winner).toEqual({ kind: "PropagationPolicy", namespace: "default", name: "policy-1" });
  });
  it("matching cluster policy found", () => {
    const cpp: PropagationPolicy = { apiVersion: "policy.karmada.io/v1alpha1", kind: "ClusterPropagationPolicy", metadata: { name: "cluster-policy-1" }, spec: { resourceSelectors: [sel] } };
    expect(matchPolicies(deployment, [cpp]).winner).toEqual({ kind: "ClusterPropagationPolicy", name: "cluster-policy-1" });
  });
});

// pkg/apis/policy/v1alpha1/propagation_helper_test.go TestPropagationPolicy_ExplicitPriority /
// TestClusterPropagationPolicy_ExplicitPriority: no spec.priority is 0.
describe.each<Kind>(["PropagationPolicy", "ClusterPropagationPolicy"])("ExplicitPriority of a %s", (kind) => {
  it.each<[string, number | undefined, number]>([
    ["expected to be zero if no priority declared", undefined, 0],
    ["expected to be declared priority", 20, 20],
  ])("%s", (_n, priority, want) => {
    const p = policy(kind, ["p", byKind, priority]);
    const sel = kind === "PropagationPolicy" ? selectBestPolicy(nginx, [p], []) : selectBestPolicy(nginx, [], [p]);
    expect(sel.candidates[0].priority).toBe(want);
  });
});
