import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kube/types";
import type { LabelAnnotationOverrider, Overriders } from "../kube/karmada";
import { applyOverriders } from "./apply-overriders";
import { workload } from "./test-fixtures";

function withMeta(labels?: Record<string, string>, annotations?: Record<string, string>): KubeObject {
  return { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "test", namespace: "default", labels, annotations }, spec: {} };
}

// Karmada's Test_applyLabelsOverriders / Test_applyAnnotationsOverriders tables.
describe("labels and annotations overriders", () => {
  const base = { foo: "foo", bar: "bar" };
  it.each<[string, Record<string, string> | undefined, LabelAnnotationOverrider, Record<string, string>]>([
    ["empty map gets created by add", undefined, { operator: "add", value: { test2: "test2" } }, { test2: "test2" }],
    ["replace only existing keys", base, { operator: "replace", value: { foo: "exist", "non-exist": "non-exist" } }, { foo: "exist", bar: "bar" }],
    ["add", base, { operator: "add", value: { test: "test" } }, { test: "test", foo: "foo", bar: "bar" }],
    ["remove ignores missing keys", base, { operator: "remove", value: { foo: "foo", "non-exist": "non-exist" } }, { bar: "bar" }],
  ])("%s", (_n, current, overrider, want) => {
    expect(applyOverriders(withMeta(current), { labelsOverrider: [overrider] }).manifest.metadata.labels).toEqual(want);
    expect(applyOverriders(withMeta(undefined, current), { annotationsOverrider: [overrider] }).manifest.metadata.annotations).toEqual(want);
  });

  it("escapes slashes in keys", () => {
    const obj = withMeta(undefined, { "testannotation/projectId": "c-m-lfx9lk92:p-v86cf", foo: "foo" });
    const r = applyOverriders(obj, { annotationsOverrider: [{ operator: "replace", value: { "testannotation/projectId": "c-m-1" } }] });
    expect(r.manifest.metadata.annotations).toEqual({ "testannotation/projectId": "c-m-1", foo: "foo" });
    expect(r.patches[0].path).toBe("/metadata/annotations/testannotation~1projectId");
  });
});

describe("fieldOverrider", () => {
  const cm = (data: Record<string, string>): KubeObject => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "test1", namespace: "default" }, data });

  it("patches YAML inside a string (Karmada ApplyFieldOverriderPolicies_YAML)", () => {
    const r = applyOverriders(cm({ "test.yaml": "\nkey: \n  key1: value\n" }), {
      fieldOverrider: [{ fieldPath: "/data/test.yaml", yaml: [{ subPath: "/key/key1", operator: "replace", value: "updated_value" }] }],
    });
    expect(r.manifest.data).toEqual({ "test.yaml": "key:\n  key1: updated_value\n" });
  });

  it("patches JSON inside a string (Karmada ApplyJSONOverridePolicies_JSON)", () => {
    const r = applyOverriders(cm({ "test.json": '{"key":{"key1":"value"}}' }), {
      fieldOverrider: [{ fieldPath: "/data/test.json", json: [{ subPath: "/key/key1", operator: "replace", value: "updated_value" }] }],
    });
    expect(r.manifest.data).toEqual({ "test.json": '{"key":{"key1":"updated_value"}}' });
  });

  it("writes YAML with sorted keys and unindented lists", () => {
    const r = applyOverriders(cm({ c: "b: 1\na: [x]\n" }), { fieldOverrider: [{ fieldPath: "/data/c", yaml: [{ subPath: "/a/-", operator: "add", value: "z" }] }] });
    expect(r.manifest.data).toEqual({ c: "a:\n- x\n- z\nb: 1\n" });
  });

  it("fails when the field is not a string or missing", () => {
    expect(() => applyOverriders(cm({}), { fieldOverrider: [{ fieldPath: "/data/none", json: [] }] })).toThrow();
    expect(() => applyOverriders(cm({}), { fieldOverrider: [{ fieldPath: "/metadata", json: [] }] })).toThrow(/is not string/);
  });
});

describe("applyOverriders order and plaintext", () => {
  it("applies image before plaintext, so plaintext wins", () => {
    const obj = workload("Deployment", [{ name: "nginx", image: "nginx:1" }]);
    const o: Overriders = {
      plaintext: [{ path: "/spec/template/spec/containers/0/image", operator: "replace", value: "busybox" }],
      imageOverrider: [{ component: "Tag", operator: "replace", value: "2" }],
    };
    const r = applyOverriders(obj, o);
    expect((r.manifest.spec as any).template.spec.containers[0].image).toBe("busybox");
    expect(r.patches.map((p) => p.value)).toEqual(["nginx:2", "busybox"]);
  });

  it("does not mutate the input and reports a failing plaintext patch", () => {
    const obj = workload("Deployment", [{ name: "nginx", image: "nginx:1" }]);
    const copy = structuredClone(obj);
    expect(() => applyOverriders(obj, { plaintext: [{ path: "/spec/missing/x", operator: "replace", value: 1 }] })).toThrow(/missing/);
    applyOverriders(obj, { labelsOverrider: [{ operator: "add", value: { a: "b" } }] });
    expect(obj).toEqual(copy);
  });
});
