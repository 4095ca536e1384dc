import { describe, expect, it } from "vitest";
import { isConfigMapKey, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, isValidPortName } from "./names";
import { validateStructural } from "./structural";
import { applySchemaDefaults } from "./defaults";
import { pruneUnknownFields, unknownFieldMessages } from "./unknown-fields";
import type { JSONSchemaProps } from "./schema-types";

describe("names", () => {
  it.each([
    ["nginx", true, true],
    ["a-b-1", true, true],
    ["a.b", false, true],
    ["Nginx", false, false],
    ["-a", false, false],
    ["a".repeat(64), false, true],
  ])("%s label=%s subdomain=%s", (v, label, sub) => {
    expect(isDNS1123Label(v).length === 0).toBe(label);
    expect(isDNS1123Subdomain(v).length === 0).toBe(sub);
  });

  it.each([
    ["app", true],
    ["example.com/app", true],
    ["a/b/c", false],
    ["/x", false],
    ["bad key", false],
  ])("qualified name %s valid=%s", (v, ok) => {
    expect(isQualifiedName(v).length === 0).toBe(ok);
  });

  it("label values, config keys and port names", () => {
    expect(isValidLabelValue("")).toEqual([]);
    expect(isValidLabelValue("a b").length).toBe(1);
    expect(isConfigMapKey("game.properties")).toEqual([]);
    expect(isConfigMapKey("a/b").length).toBe(1);
    expect(isValidPortName("http")).toEqual([]);
    expect(isValidPortName("123")).toEqual(["must contain at least one letter (a-z)"]);
    expect(isValidPortName("a--b")).toEqual(["must not contain consecutive hyphens"]);
  });
});

const schema: JSONSchemaProps = {
  type: "object",
  properties: {
    spec: {
      type: "object",
      required: ["mode"],
      properties: {
        mode: { type: "string", enum: ["Push", "Pull"], default: "Push" },
        count: { type: "integer", minimum: 0, default: 1 },
        ratio: { type: "number", maximum: 1, exclusiveMaximum: true },
        name: { type: "string", pattern: "^[a-z]+$" },
        port: { "x-kubernetes-int-or-string": true },
        tags: { type: "array", maxItems: 2, items: { type: "string" } },
        labels: { type: "object", additionalProperties: { type: "string" } },
        raw: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
        opt: { type: "object", nullable: true, properties: { inner: { type: "string", default: "x" } } },
        items: { type: "array", items: { type: "object", properties: { w: { type: "integer", default: 5 } } } },
      },
    },
  },
};

describe("structural validation", () => {
  const msgs = (v: unknown) => validateStructural(v, schema).map((c) => `${c.field}: ${c.message}`);

  it("accepts a conforming object", () => {
    expect(msgs({ spec: { mode: "Pull", count: 0, ratio: 0.5, name: "abc", port: "http", tags: ["a"], labels: { a: "b" }, raw: { any: [1] }, opt: null } })).toEqual([]);
  });

  it.each<[unknown, string]>([
    [{ spec: {} }, "spec.mode: Required value"],
    [{ spec: { mode: "Sync" } }, 'spec.mode: Unsupported value: "Sync": supported values: "Push", "Pull"'],
    [{ spec: { mode: "Push", count: 1.5 } }, 'spec.count: Invalid value: "number": spec.count in body must be of type integer: "number"'],
    [{ spec: { mode: "Push", count: -1 } }, "spec.count: Invalid value: -1: spec.count in body should be greater than or equal to 0"],
    [{ spec: { mode: "Push", ratio: 1 } }, "spec.ratio: Invalid value: 1: spec.ratio in body should be less than 1"],
    [{ spec: { mode: "Push", name: "A1" } }, 'spec.name: Invalid value: "A1": spec.name in body should match \'^[a-z]+$\''],
    [{ spec: { mode: "Push", port: true } }, 'spec.port: Invalid value: "boolean": spec.port in body must be of type integer,string: "boolean"'],
    [{ spec: { mode: "Push", tags: ["a", "b", "c"] } }, "spec.tags: Too many: 3: must have at most 2 items"],
    [{ spec: { mode: "Push", tags: [1] } }, 'spec.tags[0]: Invalid value: "integer": spec.tags[0] in body must be of type string: "integer"'],
    [{ spec: { mode: "Push", labels: { a: 1 } } }, 'spec.labels[a]: Invalid value: "integer": spec.labels[a] in body must be of type string: "integer"'],
    [{ spec: "x" }, 'spec: Invalid value: "string": spec in body must be of type object: "string"'],
  ])("%j", (v, expected) => {
    expect(msgs(v)).toContain(expected);
  });
});

describe("defaults and pruning", () => {
  it("applies defaults only under existing parents", () => {
    const v: Record<string, unknown> = { spec: { items: [{}, { w: 2 }], opt: {} } };
    applySchemaDefaults(v, schema);
    expect(v).toEqual({ spec: { mode: "Push", count: 1, items: [{ w: 5 }, { w: 2 }], opt: { inner: "x" } } });
    const empty: Record<string, unknown> = {};
    applySchemaDefaults(empty, schema);
    expect(empty).toEqual({});
  });

  it("finds and prunes unknown fields, keeping preserved subtrees and maps", () => {
    const v = { apiVersion: "x/v1", kind: "K", metadata: { name: "n" }, extra: 1, spec: { mode: "Push", bogus: true, raw: { any: 1 }, labels: { k: "v" }, items: [{ w: 1, z: 2 }] } };
    expect(unknownFieldMessages(v, schema)).toEqual(['unknown field "extra"', 'unknown field "spec.bogus"', 'unknown field "spec.items[0].z"']);
    pruneUnknownFields(v, schema);
    expect(v).toEqual({ apiVersion: "x/v1", kind: "K", metadata: { name: "n" }, spec: { mode: "Push", raw: { any: 1 }, labels: { k: "v" }, items: [{ w: 1 }] } });
  });
});
