import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { KubeObject } from "../../lib/kube/types";
import { editableManifest, editableYaml } from "./editable-manifest";

const stored: KubeObject = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "default", uid: "u", resourceVersion: "7", generation: 2, creationTimestamp: "t", managedFields: [{ manager: "x", operation: "Update", apiVersion: "apps/v1", fieldsType: "FieldsV1", fieldsV1: {} }], labels: { app: "web" } },
  spec: { replicas: 2 },
  status: { replicas: 2 },
};

describe("editableManifest", () => {
  it("drops status and server-owned metadata, keeps the rest", () => {
    expect(editableManifest(stored)).toEqual({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "default", labels: { app: "web" } }, spec: { replicas: 2 } });
  });
  it("round-trips through YAML", () => {
    expect(parse(editableYaml(stored))).toEqual(editableManifest(stored));
  });
});
