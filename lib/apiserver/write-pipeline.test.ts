import { describe, expect, it } from "vitest";
import type { ResourceDescriptor } from "../kube/resource-descriptor";
import type { KubeObject } from "../kube/types";
import { ApiError } from "../kube/errors";
import { descriptorsFromCRD } from "../kube/resources/crd-descriptors";
import { prepareUpdate } from "./write-pipeline";
import { applyMergePatchShared } from "./patch/merge-patch";

const crd: KubeObject = {
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  metadata: { name: "widgets.example.com" },
  spec: {
    group: "example.com",
    scope: "Namespaced",
    names: { kind: "Widget", plural: "widgets", listKind: "WidgetList", singular: "widget" },
    versions: [{
      name: "v1", served: true, storage: true, subresources: { status: {} },
      schema: { openAPIV3Schema: { type: "object", properties: {
        spec: { type: "object", properties: { size: { type: "integer", minimum: 1 }, mode: { type: "string", default: "A" } } },
        status: { type: "object", properties: { phase: { type: "string", enum: ["Ready", "Pending"] }, n: { type: "integer", default: 0 } } },
      } } },
    }],
  },
};
const d: ResourceDescriptor = descriptorsFromCRD(crd)[0];

/** A stored widget whose spec no longer passes the schema (as after a schema change). */
function stored(): KubeObject {
  return {
    apiVersion: "example.com/v1", kind: "Widget",
    metadata: { name: "w", namespace: "n", uid: "u", generation: 3, resourceVersion: "7", creationTimestamp: "2024-01-01T00:00:00Z" },
    spec: { size: 0, mode: "A" },
    status: { phase: "Pending", n: 0 },
  };
}

function invalidFields(fn: () => unknown): string[] {
  try {
    fn();
    return [];
  } catch (e) {
    return ((e as ApiError).status.details?.causes ?? []).map((c) => c.field ?? "");
  }
}

describe("prepareUpdate: unchanged parts are neither copied nor validated again", () => {
  it("a status write keeps the stored spec (same object) and validates and defaults status only", () => {
    const old = stored();
    const next = prepareUpdate({ ...old, spec: { size: 99 }, status: { phase: "Ready" } }, { descriptor: d, old, subresource: "status" });
    expect(next.spec).toBe(old.spec);
    expect(next.status).toEqual({ phase: "Ready", n: 0 });
    expect(next.metadata.generation).toBe(3);
    expect(invalidFields(() => prepareUpdate({ ...old, status: { phase: "Gone" } }, { descriptor: d, old, subresource: "status" }))).toEqual(["status.phase"]);
  });

  it("a status write owns a copy of the body's status and managedFields and leaves the body as sent", () => {
    const old = stored();
    const managedFields = [{ manager: "m", operation: "Update" as const, apiVersion: "example.com/v1", fieldsType: "FieldsV1", fieldsV1: { "f:status": {} } }];
    const body = { spec: { size: 99 }, status: { phase: "Ready" }, metadata: { name: "w", managedFields } } as unknown as KubeObject;
    const next = prepareUpdate(body, { descriptor: d, old, subresource: "status" });
    expect(next.status).not.toBe(body.status);
    expect(next.metadata.managedFields).toEqual(managedFields);
    expect(next.metadata.managedFields).not.toBe(managedFields);
    // checkTypeMeta filled apiVersion and kind on the stored result, not on the caller's object.
    expect(body).toEqual({ spec: { size: 99 }, status: { phase: "Ready" }, metadata: { name: "w", managedFields } });
    expect(next.apiVersion).toBe("example.com/v1");
    expect(() => prepareUpdate([] as unknown as KubeObject, { descriptor: d, old, subresource: "status" })).toThrow(/must be a JSON or YAML object/);
  });

  it("a copy-on-write patch of metadata alone skips the stored spec; a changed spec is validated", () => {
    const old = stored();
    const labelled = applyMergePatchShared(old, { metadata: { labels: { a: "b" } } });
    const next = prepareUpdate(labelled, { descriptor: d, old, owned: true });
    expect(next.spec).toBe(old.spec);
    expect(next.metadata.labels).toEqual({ a: "b" });
    expect(old.metadata.labels).toBeUndefined();
    expect(next.metadata.generation).toBe(3);
    const resized = applyMergePatchShared(old, { spec: { size: -2 } });
    expect(invalidFields(() => prepareUpdate(resized, { descriptor: d, old, owned: true }))).toEqual(["spec.size"]);
    // The same values sent as a copy (a PUT) are validated in full.
    expect(invalidFields(() => prepareUpdate(structuredClone(old), { descriptor: d, old }))).toEqual(["spec.size"]);
  });

  it("a main-resource patch carries the stored status over and bumps generation on spec changes", () => {
    const old = stored();
    const next = prepareUpdate(applyMergePatchShared(old, { spec: { size: 5 }, status: { phase: "Ready" } }), { descriptor: d, old, owned: true });
    expect(next.status).toBe(old.status);
    expect(next.spec).toEqual({ size: 5, mode: "A" });
    expect(next.metadata.generation).toBe(4);
    expect(old.spec).toEqual({ size: 0, mode: "A" });
  });
});
