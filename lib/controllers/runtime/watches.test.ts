import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../kube/types";
import { specOrMetaChanged } from "./watches";

const obj = (meta: Partial<KubeObject["metadata"]>, status?: unknown): KubeObject =>
  ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a", namespace: "ns", generation: 1, ...meta }, ...(status ? { status } : {}) }) as KubeObject;

describe("specOrMetaChanged", () => {
  const base = obj({ labels: { a: "1", b: "2" }, annotations: { x: "y" }, finalizers: ["f"] });
  it.each([
    ["same labels in another key order", obj({ labels: { b: "2", a: "1" }, annotations: { x: "y" }, finalizers: ["f"] }), false],
    ["status-only change", obj({ labels: { a: "1", b: "2" }, annotations: { x: "y" }, finalizers: ["f"], resourceVersion: "9" }, { ready: true }), false],
    ["generation bump", obj({ labels: { a: "1", b: "2" }, annotations: { x: "y" }, finalizers: ["f"], generation: 2 }), true],
    ["label value changed", obj({ labels: { a: "1", b: "3" }, annotations: { x: "y" }, finalizers: ["f"] }), true],
    ["annotation added", obj({ labels: { a: "1", b: "2" }, annotations: { x: "y", z: "1" }, finalizers: ["f"] }), true],
    ["finalizer removed", obj({ labels: { a: "1", b: "2" }, annotations: { x: "y" } }), true],
    ["deletion started", obj({ labels: { a: "1", b: "2" }, annotations: { x: "y" }, finalizers: ["f"], deletionTimestamp: "2026-01-01T00:00:00Z" }), true],
  ])("%s → %s", (_name, next, want) => {
    expect(specOrMetaChanged({ type: "update", old: base, obj: next })).toBe(want);
  });

  it("passes adds and deletes through", () => {
    expect(specOrMetaChanged({ type: "add", obj: base })).toBe(true);
    expect(specOrMetaChanged({ type: "delete", obj: base })).toBe(true);
  });
});
