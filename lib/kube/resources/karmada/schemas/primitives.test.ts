import { describe, expect, it } from "vitest";
import { validateStructural } from "../../../validation/structural";
import { kindRoot, list, obj, oneOf, quantity, str } from "./primitives";

describe("obj", () => {
  it("sorts properties and required by name, as controller-gen emits them", () => {
    const s = obj({ zeta: str(), alpha: str(), mid: str() }, { required: ["zeta", "alpha"] });
    expect(Object.keys(s.properties!)).toEqual(["alpha", "mid", "zeta"]);
    expect(s.required).toEqual(["alpha", "zeta"]);
  });

  it("omits an empty required list and merges extra keywords", () => {
    const s = obj({ a: str() }, { required: [], extra: { "x-kubernetes-map-type": "atomic" } });
    expect(s).toEqual({ type: "object", properties: { a: { type: "string" } }, "x-kubernetes-map-type": "atomic" });
  });

  it("reports missing required fields in sorted order", () => {
    const s = obj({ b: str(), a: str() }, { required: ["b", "a"] });
    expect(validateStructural({}, s, "spec").map((c) => c.field)).toEqual(["spec.a", "spec.b"]);
  });
});

describe("oneOf and list", () => {
  it("keeps the declared enum order in NotSupported messages", () => {
    const [cause] = validateStructural("x", oneOf(["Duplicated", "Divided"]), "t");
    expect(cause.reason).toBe("FieldValueNotSupported");
    expect(cause.message).toContain('"Duplicated", "Divided"');
  });

  it("enforces minItems", () => {
    expect(validateStructural([], list(str(), { minItems: 1 }), "l")).toHaveLength(1);
    expect(validateStructural(["a"], list(str(), { minItems: 1 }), "l")).toEqual([]);
  });
});

describe("quantity", () => {
  it.each([
    [1, true],
    ["500m", true],
    ["1Gi", true],
    ["1e3", true],
    ["1.5", true],
    ["abc", false],
    ["1GB", false],
    [1.5, false],
  ])("%j valid=%s", (v, ok) => {
    expect(validateStructural(v, quantity, "q").length === 0).toBe(ok);
  });
});

describe("kindRoot", () => {
  it("adds apiVersion, kind and metadata beside the kind's parts", () => {
    const s = kindRoot({ spec: obj({}) }, ["spec"]);
    expect(Object.keys(s.properties!)).toEqual(["apiVersion", "kind", "metadata", "spec"]);
    expect(s.required).toEqual(["spec"]);
  });
});
