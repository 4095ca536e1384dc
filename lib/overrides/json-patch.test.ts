import { describe, expect, it } from "vitest";
import { applyJsonPatch, applyJsonPatchToText } from "./json-patch";
import { applyOverriders } from "./apply-overriders";
import { goYamlKeyCompare } from "./go-yaml";

// Behaviour of evanphx/json-patch v5.9.11 (the version Karmada vendors), as Karmada calls it.
describe("applyJsonPatch (evanphx/json-patch v5)", () => {
  const doc = { a: { b: [1, 2, 3] }, n: null };

  it("supports negative indices and Atoi's '+' sign", () => {
    expect(applyJsonPatch(doc, [{ op: "replace", path: "/a/b/-1", value: 9 }]).a.b).toEqual([1, 2, 9]);
    expect(applyJsonPatch(doc, [{ op: "add", path: "/a/b/-1", value: 9 }]).a.b).toEqual([1, 2, 3, 9]);
    expect(applyJsonPatch(doc, [{ op: "remove", path: "/a/b/+0" }]).a.b).toEqual([2, 3]);
    expect(() => applyJsonPatch(doc, [{ op: "add", path: "/a/b/5", value: 9 }])).toThrow("error in add for path: '/a/b/5': Unable to access invalid index: 5: invalid index referenced");
  });

  it("ignores the first path segment as evanphx splits on '/'", () => {
    expect(applyJsonPatch(doc, [{ op: "add", path: "x/c", value: 1 }])).toEqual({ ...doc, c: 1 });
    expect(() => applyJsonPatch(doc, [{ op: "add", path: "x", value: 1 }])).toThrow('add operation does not apply: doc is missing path: "x": missing value');
  });

  it("test: objects compare regardless of key order; a missing or null member equals only null", () => {
    expect(() => applyJsonPatch({ o: { a: 1, b: 2 } }, [{ op: "test", path: "/o", value: { b: 2, a: 1 } }])).not.toThrow();
    expect(() => applyJsonPatch(doc, [{ op: "test", path: "/missing", value: null }])).not.toThrow();
    expect(() => applyJsonPatch(doc, [{ op: "test", path: "/n", value: null }])).not.toThrow();
    expect(() => applyJsonPatch(doc, [{ op: "test", path: "/missing", value: 1 }])).toThrow("testing value /missing failed: test failed");
    expect(() => applyJsonPatch(doc, [{ op: "test", path: "/a/b/7", value: null }])).toThrow("error in test for path: '/a/b/7'");
  });

  it("the document root can only become an object or an array", () => {
    expect(applyJsonPatch(doc, [{ op: "replace", path: "", value: [1] }])).toEqual([1]);
    expect(() => applyJsonPatch(doc, [{ op: "add", path: "", value: "s" }])).toThrow("json: cannot unmarshal string");
    expect(() => applyJsonPatch(doc, [{ op: "replace", path: "", value: 1 }])).toThrow("replace operation value must be object or array");
  });

  it("replace of a missing member and remove of a missing key fail", () => {
    expect(() => applyJsonPatch(doc, [{ op: "replace", path: "/x", value: 1 }])).toThrow("replace operation does not apply: doc is missing key: /x: missing value");
    expect(() => applyJsonPatch(doc, [{ op: "remove", path: "/x" }])).toThrow("error in remove for path: '/x': unable to remove nonexistent key: x: missing value");
    expect(() => applyJsonPatch(doc, [{ op: "add", path: "/n/x", value: 1 }])).toThrow('add operation does not apply: doc is missing path: "/n/x"');
  });

  it("move and copy", () => {
    expect(applyJsonPatch(doc, [{ op: "move", from: "/a/b", path: "/c" }])).toEqual({ a: {}, n: null, c: [1, 2, 3] });
    expect(applyJsonPatch(doc, [{ op: "copy", from: "/a/b/0", path: "/a/b/-" }]).a.b).toEqual([1, 2, 3, 1]);
    expect(() => applyJsonPatch(doc, [{ op: "move", from: "", path: "/c" }])).toThrow("unable to move entire document");
  });
});

describe("applyJsonPatchToText (a fieldOverrider's JSON)", () => {
  const replace = (path: string, value: unknown) => [{ op: "replace", path, value }];

  it("keeps key order, number text and string escapes; escapes <, > and & as Go does", () => {
    const text = '{ "z": 1.0, "10": 2e3, "a": "\\u00e9\\/", "url": "http://x?a=1&b=<2>", "k": 0 }';
    expect(applyJsonPatchToText(text, replace("/k", 1))).toBe('{"z":1.0,"10":2e3,"a":"\\u00e9\\/","url":"http://x?a=1\\u0026b=\\u003c2\\u003e","k":1}');
  });

  it("appends added keys and writes inserted values with Go's map order", () => {
    expect(applyJsonPatchToText('{"b":1}', [{ op: "add", path: "/a", value: { y: "<", x: [true, null] } }])).toBe('{"b":1,"a":{"x":[true,null],"y":"\\u003c"}}');
  });

  it("re-encodes keys with evanphx's encoder (\\b as \\u0008) and leaves values' escapes alone", () => {
    expect(applyJsonPatchToText('{"a\\bb":"x\\by","k":0}', replace("/k", 1))).toBe('{"a\\u0008b":"x\\by","k":1}');
  });

  it("writes a duplicate key as Go's decoder lists it: twice, then null once removed", () => {
    expect(applyJsonPatchToText('{"a":1,"a":2}', replace("/a", 3))).toBe('{"a":3,"a":3}');
    expect(applyJsonPatchToText('{"a":1,"a":2}', [{ op: "remove", path: "/a" }])).toBe('{"a":null}');
  });

  it("compares numbers by their text in test operations", () => {
    expect(() => applyJsonPatchToText('{"a":1.0}', [{ op: "test", path: "/a", value: 1 }])).toThrow("test failed");
  });

  it("accepts an array root, rejects scalars and text that is not JSON, leaves empty text alone", () => {
    expect(applyJsonPatchToText("[1, 2]", [{ op: "remove", path: "/0" }])).toBe("[2]");
    expect(() => applyJsonPatchToText(" [1]", [{ op: "remove", path: "/0" }])).toThrow("json: cannot unmarshal array");
    expect(() => applyJsonPatchToText('"s"', replace("/a", 1))).toThrow("json: cannot unmarshal string");
    expect(() => applyJsonPatchToText("{a:1}", replace("/a", 1))).toThrow("invalid state detected");
    expect(applyJsonPatchToText("", replace("/a", 1))).toBe("");
  });

  it("goes through applyOverriders' fieldOverrider", () => {
    const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { "c.json": '{"b": 1.50, "a": "x&y"}' } };
    const r = applyOverriders(cm, { fieldOverrider: [{ fieldPath: "/data/c.json", json: [{ subPath: "/c", operator: "add", value: 2 }] }] });
    expect(r.manifest.data).toEqual({ "c.json": '{"b":1.50,"a":"x\\u0026y","c":2}' });
  });
});

describe("fieldOverrider YAML key order (go-yaml v2 keyList.Less)", () => {
  it("sorts digit runs as numbers, and anything else before letters", () => {
    const keys = ["a10", "a2", "a1", "b", "A", "_x", "1", "10", "9", "a", "a-b", "ab", "a.b"];
    expect([...keys].sort(goYamlKeyCompare)).toEqual(["_x", "1", "9", "10", "A", "a", "a-b", "a.b", "a1", "a2", "a10", "ab", "b"]);
  });

  it("writes the patched YAML with those keys", () => {
    const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { y: "item10: 1\nitem2: 2\n" } };
    const r = applyOverriders(cm, { fieldOverrider: [{ fieldPath: "/data/y", yaml: [{ subPath: "/item1", operator: "add", value: 0 }] }] });
    expect(r.manifest.data).toEqual({ y: "item1: 0\nitem2: 2\nitem10: 1\n" });
  });

  it("a YAML document that is a scalar cannot be patched", () => {
    const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { y: "hello" } };
    expect(() => applyOverriders(cm, { fieldOverrider: [{ fieldPath: "/data/y", yaml: [{ subPath: "/a", operator: "add", value: 0 }] }] })).toThrow("cannot unmarshal string");
  });
});
