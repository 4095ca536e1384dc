import { describe, expect, it, vi } from "vitest";
import { FakeObjectClient } from "../runtime/fake-client";
import { staticMemberClients } from "./member-clients";
import type { KubeObject } from "../../kube/types";
import { MemberWatcher, memberObjectDrifted } from "./member-watcher";

const dep = (meta: Record<string, unknown> = {}, spec: Record<string, unknown> = { replicas: 1 }, status?: Record<string, unknown>): KubeObject =>
  ({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d", namespace: "ns", resourceVersion: "1", labels: { a: "1" }, ...meta }, spec, ...(status ? { status } : {}) }) as KubeObject;

/** A Deployment carrying Karmada's bookkeeping of the labels and annotations it manages. */
function managedDep(ann: Record<string, string | undefined> = {}, labels: Record<string, string | undefined> = {}): KubeObject {
  const annotations = { note: "n", "resourcetemplate.karmada.io/managed-annotations": "note,resourcetemplate.karmada.io/managed-annotations,resourcetemplate.karmada.io/managed-labels", "resourcetemplate.karmada.io/managed-labels": "a", ...ann };
  const clean = (m: Record<string, string | undefined>) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return dep({ resourceVersion: "2", annotations: clean(annotations), labels: clean({ a: "1", ...labels }) });
}

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
    ["member controller adds an annotation Karmada does not manage", dep({ resourceVersion: "2", annotations: { "deployment.kubernetes.io/revision": "1" } }), { old: base }, true],
    ["foreign annotation added, managed list present", managedDep({ "deployment.kubernetes.io/revision": "1" }), { old: managedDep() }, false],
    ["foreign label changed, managed list present", managedDep({}, { "pod-template-hash": "x" }), { old: managedDep() }, false],
    ["managed annotation changed", managedDep({ note: "changed" }), { old: managedDep() }, true],
    ["managed label removed", managedDep({}, { a: undefined }), { old: managedDep() }, true],
    ["spec changed, generation bumped", dep({ resourceVersion: "2", generation: 2 }, { replicas: 5 }), { old: dep({ generation: 1 }) }, true],
    ["status update, generation unchanged (spec taken as unchanged)", dep({ resourceVersion: "2", generation: 1 }, { replicas: 1 }, { readyReplicas: 1 }), { old: dep({ generation: 1 }) }, false],
    ["finalizer added in the member", dep({ resourceVersion: "2", finalizers: ["x"] }), { old: base }, true],
    ["managed list itself changed", managedDep({ "resourcetemplate.karmada.io/managed-annotations": "note" }), { old: managedDep() }, true],
  ])("%s → %s", (_n, obj, info, want) => {
    expect(memberObjectDrifted(obj as KubeObject, info as { old?: KubeObject; deleted?: boolean })).toBe(want);
  });
});

describe("MemberWatcher", () => {
  const owned = (name: string, labels: Record<string, string> = { "karmada.io/managed": "true" }): KubeObject => ({
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name, namespace: "app", labels, annotations: { "work.karmada.io/name": `w-${name}`, "work.karmada.io/namespace": "karmada-es-m1" } },
  });

  it("caches every object of the kind, flags the first list as initial and routes later changes to their Work", async () => {
    const member = new FakeObjectClient({ objects: [owned("a"), { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "mine-not", namespace: "app" } }] });
    const watcher = new MemberWatcher({ members: staticMemberClients({ m1: member }) });
    const seen: string[] = [];
    watcher.onWorkEvent((w, o, info) => seen.push(`${w.name}:${info?.initial ? "initial" : "live"}`));
    try {
      const probe = owned("a");
      await watcher.ensure("m1", "v1", "ConfigMap");
      expect(await watcher.synced("m1", probe, 2000)).toBe(true);
      expect(seen).toEqual(["w-a:initial"]);
      expect(watcher.cachedLive("m1", { ...probe, metadata: { name: "mine-not", namespace: "app" } })?.obj?.metadata.name).toBe("mine-not");
      expect(watcher.cachedLive("m1", { ...probe, metadata: { name: "absent", namespace: "app" } })).toEqual({ synced: true, obj: undefined });
      await member.create(owned("b"));
      await vi.waitFor(() => expect(seen).toContain("w-b:live"));
    } finally {
      await watcher.stop();
    }
  });

  it("follows its members' client: restarts a cluster's watches on a replaced client and stops them when it is dropped", async () => {
    const before = new FakeObjectClient({ objects: [owned("old")] });
    const after = new FakeObjectClient({ objects: [owned("new")] });
    let current: FakeObjectClient | undefined = before;
    let notify: ((cluster: string, removed: boolean) => void) | undefined;
    const watcher = new MemberWatcher({ members: { get: () => current, onChange: (fn) => ((notify = fn), () => (notify = undefined)) } });
    const probe = (name: string) => ({ ...owned(name), metadata: { name, namespace: "app" } });
    try {
      await watcher.ensure("m1", "v1", "ConfigMap");
      expect(await watcher.synced("m1", probe("old"), 2000)).toBe(true);
      expect(watcher.cachedLive("m1", probe("old"))?.obj?.metadata.name).toBe("old");
      current = after;
      notify!("m1", false);
      await vi.waitFor(() => expect(watcher.cachedLive("m1", probe("new"))?.obj?.metadata.name).toBe("new"));
      expect(watcher.cachedLive("m1", probe("old"))).toEqual({ synced: true, obj: undefined });
      notify!("m1", true);
      await vi.waitFor(() => expect(watcher.cachedLive("m1", probe("new"))).toBeUndefined());
    } finally {
      await watcher.stop();
    }
    expect(notify).toBeUndefined();
  });
});
