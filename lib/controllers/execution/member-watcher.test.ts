import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../kube/types";
import { memberObjectDrifted } from "./member-watcher";

const dep = (meta: Record<string, unknown> = {}, spec: Record<string, unknown> = { replicas: 1 }, status?: Record<string, unknown>): KubeObject =>
  ({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d", namespace: "ns", resourceVersion: "1", labels: { a: "1" }, ...meta }, spec, ...(status ? { status } : {}) }) as KubeObject;

describe("memberObjectDrifted", () => {
  const base = dep();
  it.each([
    ["status-only update (rollout progress)", dep({ resourceVersion: "2" }, { replicas: 1 }, { readyReplicas: 1 }), { old: base }, false],
    ["managedFields-only update", dep({ resourceVersion: "2", managedFields: [{ manager: "x" }] }), { old: base }, false],
    ["spec changed in the member", dep({ resourceVersion: "2" }, { replicas: 5 }), { old: base }, true],
    ["label removed in the member", dep({ resourceVersion: "2", labels: {} }), { old: base }, true],
    ["first sight (add)", base, {}, true],
    ["deleted", base, { deleted: true }, true],
    ["resync", base, { old: base }, true],
  ])("%s → %s", (_n, obj, info, want) => {
    expect(memberObjectDrifted(obj as KubeObject, info as { old?: KubeObject; deleted?: boolean })).toBe(want);
  });
});
