import { describe, expect, it } from "vitest";
import { applyMergePatch, applyMergePatchShared } from "./merge-patch";

describe("applyMergePatchShared (copy-on-write merge patch)", () => {
  // Same results as the copying merge on RFC 7386's cases and a few nested ones.
  it.each([
    [{ a: "b" }, { a: "c" }],
    [{ a: "b", b: "c" }, { a: null }],
    [{ a: { b: "c" } }, { a: { b: "d", c: null } }],
    [{ a: [{ b: "c" }] }, { a: [1] }],
    [{ a: "b" }, ["c"]],
    [[1, 2], { a: "b", c: null }],
    [{}, { a: { bb: { ccc: null } } }],
    [{ x: { y: { z: 1 }, w: [1] } }, { x: { y: { q: null, r: { s: null } } } }],
  ])("%j + %j matches applyMergePatch", (doc, patch) => {
    const before = JSON.stringify(doc);
    expect(applyMergePatchShared(doc, patch)).toEqual(applyMergePatch(doc, patch));
    expect(JSON.stringify(doc)).toBe(before);
  });

  it("shares untouched subtrees and copies the patched path", () => {
    const doc = { metadata: { name: "b", labels: { a: "1" } }, spec: { placement: { x: 1 } }, status: { conditions: [{ type: "A" }] } };
    const out = applyMergePatchShared(doc, { status: { conditions: [{ type: "B" }] } });
    expect(out).not.toBe(doc);
    expect(out.spec).toBe(doc.spec);
    expect(out.metadata).toBe(doc.metadata);
    expect(out.status).not.toBe(doc.status);
    expect(doc.status.conditions[0].type).toBe("A");
    expect(out.status.conditions).toEqual([{ type: "B" }]);
  });

  it("copies patch values so later edits of the result leave the patch body alone", () => {
    const patch = { spec: { list: [{ a: 1 }] } };
    const out = applyMergePatchShared<{ spec: { list: { a: number }[] } }>({ spec: {} } as never, patch);
    out.spec.list[0].a = 2;
    expect(patch.spec.list[0].a).toBe(1);
  });
});
