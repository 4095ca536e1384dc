import { describe, expect, it } from "vitest";
import type { PropagationPolicy, ResourceSelector } from "../kube/karmada";
import { ANNOTATION_CPP_NAME, ANNOTATION_PP_NAME, ANNOTATION_PP_NAMESPACE, LABEL_CPP_PERMANENT_ID, LABEL_PP_PERMANENT_ID } from "../kube/karmada";
import type { KubeObject } from "../kube/types";
import { matchPolicies } from "./match";

/**
 * The claim a template carries decides first, as in Karmada's detector (pkg/detector/policy.go
 * propagateResource: a claimed template is applied with its claiming policy, getAndApply(Cluster)Policy;
 * preemption.go: a `preemption: Always` policy naming the template takes it from a lower-priority
 * PP or any CPP). Only an unclaimed template, or one whose claim is released, is matched afresh.
 */

const byKind: ResourceSelector = { apiVersion: "apps/v1", kind: "Deployment", namespace: "test" };
const byName: ResourceSelector = { ...byKind, name: "nginx" };

function pp(name: string, o: { selector?: ResourceSelector; priority?: number; preemption?: "Always"; deleting?: boolean } = {}): PropagationPolicy {
  return {
    apiVersion: "policy.karmada.io/v1alpha1",
    kind: "PropagationPolicy",
    metadata: { name, namespace: "test", ...(o.deleting ? { deletionTimestamp: "2026-01-01T00:00:00Z" } : {}) },
    spec: { resourceSelectors: [o.selector ?? byKind], priority: o.priority, preemption: o.preemption },
  };
}

function cpp(name: string, o: { selector?: ResourceSelector; priority?: number; preemption?: "Always" } = {}): PropagationPolicy {
  return { ...pp(name, o), kind: "ClusterPropagationPolicy", metadata: { name } };
}

function nginx(claim?: { pp?: string; cpp?: string }): KubeObject {
  const labels: Record<string, string> = { app: "nginx" };
  const annotations: Record<string, string> = {};
  if (claim?.pp) Object.assign(labels, { [LABEL_PP_PERMANENT_ID]: "id" }) && Object.assign(annotations, { [ANNOTATION_PP_NAMESPACE]: "test", [ANNOTATION_PP_NAME]: claim.pp });
  if (claim?.cpp) Object.assign(labels, { [LABEL_CPP_PERMANENT_ID]: "id" }) && Object.assign(annotations, { [ANNOTATION_CPP_NAME]: claim.cpp });
  return { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "nginx", namespace: "test", labels, annotations } };
}

const winner = (r: ReturnType<typeof matchPolicies>) => r.winner?.name ?? null;

describe("matchPolicies with a claimed template", () => {
  it("keeps the claiming PP over a better fresh match", () => {
    const r = matchPolicies(nginx({ pp: "b-kind" }), [pp("a-name", { selector: byName, priority: 10 }), pp("b-kind")]);
    expect(winner(r)).toBe("b-kind");
    expect(r.candidates.map((c) => c.reason)).toEqual(["the object is claimed by PropagationPolicy test/b-kind", "claims the object (its claim label and annotations are on the object)"]);
  });

  it("keeps the claiming CPP over a PP of the namespace", () => {
    expect(winner(matchPolicies(nginx({ cpp: "c" }), [pp("local"), cpp("c")]))).toBe("c");
  });

  it("needs the label and both annotations: a partial claim is no claim", () => {
    const t = nginx({ pp: "b-kind" });
    delete t.metadata.labels![LABEL_PP_PERMANENT_ID];
    expect(winner(matchPolicies(t, [pp("a-name", { selector: byName }), pp("b-kind")]))).toBe("a-name");
  });

  it("matches afresh when the claiming policy is gone or no longer selects the template", () => {
    expect(winner(matchPolicies(nginx({ pp: "gone" }), [pp("a")]))).toBe("a");
    const other = pp("b", { selector: { apiVersion: "v1", kind: "Service", namespace: "test" } });
    expect(winner(matchPolicies(nginx({ pp: "b" }), [other, pp("c")]))).toBe("c");
  });

  it("binds nothing while the claiming policy is being deleted", () => {
    const r = matchPolicies(nginx({ pp: "old" }), [pp("old", { deleting: true }), pp("new")]);
    expect(r.winner).toBeNull();
    expect(r.candidates[0].reason).toContain("being deleted");
  });

  it.each<[string, { pp?: string; cpp?: string }, PropagationPolicy[], string]>([
    ["a higher-priority PP naming the template preempts a PP", { pp: "low" }, [pp("low", { priority: 1 }), pp("high", { selector: byName, priority: 2, preemption: "Always" })], "high"],
    ["an equal-priority PP does not", { pp: "low" }, [pp("low", { priority: 2 }), pp("high", { selector: byName, priority: 2, preemption: "Always" })], "low"],
    ["preemption needs a selector naming the template", { pp: "low" }, [pp("low", { priority: 1 }), pp("high", { priority: 2, preemption: "Always" })], "low"],
    ["preemption needs preemption: Always", { pp: "low" }, [pp("low", { priority: 1 }), pp("high", { selector: byName, priority: 2 })], "low"],
    ["a PP preempts any CPP", { cpp: "c" }, [cpp("c", { priority: 100 }), pp("p", { selector: byName, preemption: "Always" })], "p"],
    ["a CPP preempts a lower-priority CPP", { cpp: "c" }, [cpp("c", { priority: 1 }), cpp("d", { selector: byName, priority: 2, preemption: "Always" })], "d"],
    ["a CPP never preempts a PP", { pp: "p" }, [pp("p"), cpp("d", { selector: byName, priority: 2, preemption: "Always" })], "p"],
    // FetchResourceTemplate gets the selector's namespace/name: without a namespace a CPP finds no namespaced template.
    ["a CPP selector without a namespace preempts nothing", { cpp: "c" }, [cpp("c", { priority: 1 }), cpp("d", { selector: { apiVersion: "apps/v1", kind: "Deployment", name: "nginx" }, priority: 2, preemption: "Always" })], "c"],
  ])("%s", (_n, claim, policies, want) => {
    expect(winner(matchPolicies(nginx(claim), policies))).toBe(want);
  });

  it("explains a preemption", () => {
    const r = matchPolicies(nginx({ pp: "low" }), [pp("low", { priority: 1 }), pp("high", { selector: byName, priority: 2, preemption: "Always" })]);
    expect(r.candidates.map((c) => c.reason)).toEqual([
      "claims the object but is preempted by PropagationPolicy test/high",
      "preempts PropagationPolicy test/low, which claims the object (preemption: Always, a selector naming the object)",
    ]);
  });

  it("ignores the claim of a template the detector never propagates", () => {
    const t = nginx({ pp: "a" });
    t.metadata.labels!["resourcetemplate.karmada.io/claimed-by"] = "MultiClusterService";
    expect(matchPolicies(t, [pp("a")]).winner).toBeNull();
  });
});
