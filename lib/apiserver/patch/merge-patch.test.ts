import { describe, expect, it } from "vitest";
import { ApiError } from "../../kube/errors";
import { applyMergePatch } from "./merge-patch";

describe("applyMergePatch (RFC 7386)", () => {
  // The examples of RFC 7386 appendix A.
  it.each([
    [{ a: "b" }, { a: "c" }, { a: "c" }],
    [{ a: "b" }, { b: "c" }, { a: "b", b: "c" }],
    [{ a: "b" }, { a: null }, {}],
    [{ a: "b", b: "c" }, { a: null }, { b: "c" }],
    [{ a: ["b"] }, { a: "c" }, { a: "c" }],
    [{ a: "c" }, { a: ["b"] }, { a: ["b"] }],
    [{ a: { b: "c" } }, { a: { b: "d", c: null } }, { a: { b: "d" } }],
    [{ a: [{ b: "c" }] }, { a: [1] }, { a: [1] }],
    [["a", "b"], ["c", "d"], ["c", "d"]],
    [{ a: "b" }, ["c"], ["c"]],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: "b", c: null }, { a: "b" }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])("%j + %j = %j", (doc, patch, want) => {
    expect(applyMergePatch(doc, patch)).toEqual(want);
  });

  it("merges a PropagationPolicy spec without touching siblings", () => {
    const pp = {
      apiVersion: "policy.karmada.io/v1alpha1",
      kind: "PropagationPolicy",
      metadata: { name: "p", labels: { team: "a" } },
      spec: { resourceSelectors: [{ kind: "Deployment", name: "x" }], placement: { clusterAffinity: { clusterNames: ["m1"] } } },
    };
    const out = applyMergePatch(pp, { spec: { placement: { clusterAffinity: { clusterNames: ["m1", "m2"] } } }, metadata: { labels: { team: null } } });
    expect(out.spec.resourceSelectors).toEqual(pp.spec.resourceSelectors);
    expect(out.spec.placement.clusterAffinity.clusterNames).toEqual(["m1", "m2"]);
    expect(out.metadata.labels).toEqual({});
    expect(pp.metadata.labels).toEqual({ team: "a" });
  });

  it("a null body is a 400", () => {
    try {
      applyMergePatch({}, null);
      expect.unreachable();
    } catch (err) {
      expect(ApiError.is(err, "BadRequest")).toBe(true);
    }
  });
});
