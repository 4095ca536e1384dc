import { describe, expect, it } from "vitest";
import { ApiError } from "../../kube/errors";
import { applyJsonPatch } from "./json-patch";
import { parseJsonPointer, formatJsonPointer } from "./json-pointer";

function failure(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    if (ApiError.is(err)) return err;
    throw err;
  }
  throw new Error("expected an ApiError");
}

describe("json pointer", () => {
  it.each([
    ["", []],
    ["/a/b", ["a", "b"]],
    ["/metadata/annotations/kubectl.kubernetes.io~1last-applied-configuration", ["metadata", "annotations", "kubectl.kubernetes.io/last-applied-configuration"]],
    ["/a~01", ["a~1"]],
    ["/", [""]],
  ])("parses %j", (ptr, want) => {
    expect(parseJsonPointer(ptr)).toEqual(want);
    expect(formatJsonPointer(want)).toBe(ptr);
  });
  it("rejects pointers without a leading slash", () => {
    expect(parseJsonPointer("a/b")).toBeNull();
  });
});

describe("applyJsonPatch (RFC 6902)", () => {
  const doc = { metadata: { name: "x", labels: { a: "1" } }, data: { k: "v" }, list: [1, 2, 3] };

  it.each([
    ["add member", [{ op: "add", path: "/metadata/labels/b", value: "2" }], { ...doc, metadata: { name: "x", labels: { a: "1", b: "2" } } }],
    ["add replaces an existing member", [{ op: "add", path: "/data/k", value: "w" }], { ...doc, data: { k: "w" } }],
    ["add inserts into an array", [{ op: "add", path: "/list/1", value: 9 }], { ...doc, list: [1, 9, 2, 3] }],
    ["add appends with -", [{ op: "add", path: "/list/-", value: 4 }], { ...doc, list: [1, 2, 3, 4] }],
    ["add at array length", [{ op: "add", path: "/list/3", value: 4 }], { ...doc, list: [1, 2, 3, 4] }],
    ["remove member", [{ op: "remove", path: "/data/k" }], { ...doc, data: {} }],
    ["remove array element", [{ op: "remove", path: "/list/0" }], { ...doc, list: [2, 3] }],
    ["negative index (json-patch v4)", [{ op: "remove", path: "/list/-1" }], { ...doc, list: [1, 2] }],
    ["replace", [{ op: "replace", path: "/metadata/name", value: "y" }], { ...doc, metadata: { name: "y", labels: { a: "1" } } }],
    ["move", [{ op: "move", from: "/data/k", path: "/metadata/labels/k" }], { ...doc, data: {}, metadata: { name: "x", labels: { a: "1", k: "v" } } }],
    ["copy", [{ op: "copy", from: "/data", path: "/copied" }], { ...doc, copied: { k: "v" } }],
    ["test then replace", [{ op: "test", path: "/list", value: [1, 2, 3] }, { op: "replace", path: "/list", value: [] }], { ...doc, list: [] }],
    ["escaped keys", [{ op: "add", path: "/metadata/labels/example.com~1tier", value: "web" }], { ...doc, metadata: { name: "x", labels: { a: "1", "example.com/tier": "web" } } }],
    ["replace root", [{ op: "replace", path: "", value: { a: 1 } }], { a: 1 }],
  ])("%s", (_name, patch, want) => {
    expect(applyJsonPatch(doc, patch)).toEqual(want);
  });

  it("does not modify its input", () => {
    const input = { a: { b: [1] } };
    applyJsonPatch(input, [{ op: "add", path: "/a/b/-", value: 2 }]);
    expect(input).toEqual({ a: { b: [1] } });
  });

  it("kubectl's managedFields reset with a resourceVersion precondition", () => {
    const live = { metadata: { name: "x", resourceVersion: "7", managedFields: [{ manager: "a" }] } };
    const out = applyJsonPatch(live, [
      { op: "replace", path: "/metadata/managedFields", value: [{}] },
      { op: "replace", path: "/metadata/resourceVersion", value: "7" },
    ]);
    expect(out.metadata).toEqual({ name: "x", resourceVersion: "7", managedFields: [{}] });
  });

  it.each([
    ["failed test", [{ op: "test", path: "/data/k", value: "other" }]],
    ["test on missing path", [{ op: "test", path: "/nope", value: "x" }]],
    ["remove missing member", [{ op: "remove", path: "/data/missing" }]],
    ["replace missing member", [{ op: "replace", path: "/data/missing", value: 1 }]],
    ["add under missing parent", [{ op: "add", path: "/a/b/c", value: 1 }]],
    ["index out of range", [{ op: "add", path: "/list/9", value: 1 }]],
    ["non-numeric index", [{ op: "replace", path: "/list/x", value: 1 }]],
    ["unknown op", [{ op: "frob", path: "/data" }]],
    ["missing path", [{ op: "add", value: 1 }]],
    ["bad pointer", [{ op: "add", path: "data", value: 1 }]],
    ["move from missing", [{ op: "move", from: "/zz", path: "/a" }]],
  ])("%s → 422 Invalid with kube's generic message", (_name, patch) => {
    const err = failure(() => applyJsonPatch(doc, patch));
    expect(err.code).toBe(422);
    expect(err.reason).toBe("Invalid");
    expect(err.status.message).toBe("the server rejected our request due to an error in our request");
  });

  it("a test with value null matches a missing member (json-patch v4)", () => {
    expect(applyJsonPatch(doc, [{ op: "test", path: "/missing", value: null }])).toEqual(doc);
  });

  it.each([
    ["an object", { op: "add" }],
    ["a string", "nope"],
    ["an array of scalars", [1]],
  ])("a body that is %s → 400 BadRequest", (_name, body) => {
    const err = failure(() => applyJsonPatch(doc, body));
    expect(err.code).toBe(400);
    expect(err.reason).toBe("BadRequest");
  });

  it("too many operations → 413", () => {
    const ops = Array.from({ length: 10001 }, () => ({ op: "test", path: "", value: null }));
    expect(failure(() => applyJsonPatch({}, ops)).code).toBe(413);
  });
});
