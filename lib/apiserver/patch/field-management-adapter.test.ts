import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../kube/types";
import { patchFieldManagement } from "./field-management-adapter";

describe("patchFieldManagement", () => {
  it("records the creator, then the updater of a changed field", () => {
    const obj: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { a: "1" } };
    patchFieldManagement.onCreate({ obj, manager: "kubectl-create", apiVersion: "v1", now: new Date("2024-01-01T00:00:00.500Z") });
    expect(obj.metadata.managedFields).toEqual([
      expect.objectContaining({ manager: "kubectl-create", operation: "Update", time: "2024-01-01T00:00:00Z" }),
    ]);
    const next: KubeObject = structuredClone(obj);
    (next.data as Record<string, string>).a = "2";
    patchFieldManagement.onUpdate({ old: obj, obj: next, manager: "kubectl-edit", apiVersion: "v1", now: new Date("2024-01-02T00:00:00Z") });
    // The creator keeps the data map itself (a bare member) but loses the changed key.
    expect(next.metadata.managedFields?.map((e) => [e.manager, e.fieldsV1])).toEqual([
      ["kubectl-create", { "f:data": {} }],
      ["kubectl-edit", { "f:data": { "f:a": {} } }],
    ]);
  });
});
