import { describe, expect, it } from "vitest";
import type { JSONSchemaProps } from "./schema-types";
import { validateStructural } from "./structural";
import { applySchemaDefaults } from "./defaults";
import { pruneUnknownFields } from "./unknown-fields";
import { updateBaseline, withUpdateBaseline } from "./update-baseline";

const schema: JSONSchemaProps = {
  type: "object",
  properties: {
    spec: {
      type: "object",
      properties: {
        replicas: { type: "integer", minimum: 0 },
        mode: { type: "string", default: "Duplicated" },
        inner: { type: "object", properties: { n: { type: "integer", default: 1 } } },
      },
    },
    status: { type: "object", properties: { phase: { type: "string", enum: ["A", "B"] } } },
  },
};

describe("update baseline: subtrees shared with the stored object are skipped", () => {
  it("validation walks changed subtrees and skips the very object stored before", () => {
    const oldSpec = { replicas: -1 };
    const old = { spec: oldSpec, status: { phase: "A" } };
    // A status write: spec is the stored one (reference), status is new.
    expect(validateStructural({ spec: oldSpec, status: { phase: "C" } }, schema, "", old).map((c) => c.field)).toEqual(["status.phase"]);
    // The same values without the baseline (or copied) are walked: both errors surface.
    const copied = { spec: { replicas: -1 }, status: { phase: "C" } };
    expect(validateStructural(copied, schema, "", old).map((c) => c.field)).toEqual(["spec.replicas", "status.phase"]);
    expect(validateStructural(copied, schema).map((c) => c.field)).toEqual(["spec.replicas", "status.phase"]);
  });

  it("defaulting and pruning leave shared subtrees alone and treat new ones fully", () => {
    const inner = { x: 5 };
    const old = { spec: { inner } };
    const next = { spec: { inner, extra: true }, status: { phase: "A", junk: 1 } };
    applySchemaDefaults(next, schema, old);
    pruneUnknownFields(next, schema, old);
    expect(next).toEqual({ spec: { inner: { x: 5 }, mode: "Duplicated" }, status: { phase: "A" } });
    expect(next.spec.inner).toBe(inner);
    applySchemaDefaults(next, schema);
    expect(next.spec.inner).toEqual({ x: 5, n: 1 });
  });

  it("the baseline is visible only inside withUpdateBaseline and restored after, even on throw", () => {
    const a = { a: 1 };
    const b = { b: 1 };
    expect(updateBaseline()).toBeUndefined();
    withUpdateBaseline(a, () => {
      expect(updateBaseline()).toBe(a);
      expect(() => withUpdateBaseline(b, () => { throw new Error("x"); })).toThrow("x");
      expect(updateBaseline()).toBe(a);
    });
    expect(updateBaseline()).toBeUndefined();
  });
});

describe("applySchemaDefaults walks only where defaults live", () => {
  const s: JSONSchemaProps = {
    type: "object",
    properties: {
      plain: { type: "object", properties: { a: { type: "string" } } },
      list: { type: "array", items: { type: "object", properties: { w: { type: "integer", default: 1 } } } },
      byName: { type: "object", additionalProperties: { type: "object", properties: { on: { type: "boolean", default: true } } } },
      top: { type: "string", default: "t" },
      deep: { type: "object", default: {}, properties: { inner: { type: "object", default: {}, properties: { v: { type: "integer", default: 7 } } } } },
    },
  };
  it.each([
    [{}, { top: "t", deep: { inner: { v: 7 } } }],
    [{ plain: { a: "x" }, list: [{}, { w: 3 }], byName: { m: {} } }, { plain: { a: "x" }, list: [{ w: 1 }, { w: 3 }], byName: { m: { on: true } }, top: "t", deep: { inner: { v: 7 } } }],
    [{ top: null, deep: { inner: { v: 2 } } }, { top: "t", deep: { inner: { v: 2 } } }],
  ])("%j -> %j", (input, want) => {
    const v = structuredClone(input) as Record<string, unknown>;
    applySchemaDefaults(v, s);
    expect(v).toEqual(want);
  });
});
