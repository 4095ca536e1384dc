import { describe, expect, it } from "vitest";
import { ApiError } from "../../kube/errors";
import type { KubeObject } from "../../kube/types";
import { updateManagedFieldsForUpdate } from "./managed-fields";
import { LAST_APPLIED_ANNOTATION, serverSideApply } from "./server-side-apply";

const T0 = "2024-05-01T10:00:00Z";
const T1 = "2024-05-01T11:00:00Z";
const T2 = "2024-05-01T12:00:00Z";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

function cm(data: Record<string, string>, extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "default", ...extra }, data };
}

function apply(live: KubeObject | undefined, applied: KubeObject, manager: string, now = T1, force = false): Loose {
  return serverSideApply({ live, applied, manager, force, apiVersion: applied.apiVersion, now });
}

function conflict(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (ApiError.is(e, "Conflict")) return e;
    throw e;
  }
  throw new Error("expected a Conflict");
}

function deployment(containers: unknown[]): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "default" },
    spec: { selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers } } },
  };
}

describe("serverSideApply", () => {
  it("creates the object and records an Apply entry", () => {
    const out = apply(undefined, cm({ a: "1" }, { labels: { app: "x" } }), "kubectl", T0);
    expect(out.data).toEqual({ a: "1" });
    expect(out.metadata.managedFields).toEqual([
      {
        manager: "kubectl",
        operation: "Apply",
        apiVersion: "v1",
        time: T0,
        fieldsType: "FieldsV1",
        fieldsV1: { "f:data": { "f:a": {} }, "f:metadata": { "f:labels": { "f:app": {} } } },
      },
    ]);
  });

  it("keeps fields other managers set (never a full replacement)", () => {
    const created = apply(undefined, cm({ a: "1" }), "kubectl", T0);
    const labelled = structuredClone(created);
    labelled.metadata.labels = { team: "x" };
    labelled.metadata.managedFields = updateManagedFieldsForUpdate({ old: created, updated: labelled, manager: "kubectl-label", apiVersion: "v1", now: T1 });
    const out = apply(labelled, cm({ a: "2" }), "kubectl", T2);
    expect(out.metadata.labels).toEqual({ team: "x" });
    expect(out.data).toEqual({ a: "2" });
  });

  it("kubectl-last-applied's annotation-only apply does not empty the object", () => {
    const created = apply(undefined, cm({ a: "1", b: "2" }), "kubectl", T0);
    const body: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "default", annotations: { [LAST_APPLIED_ANNOTATION]: "{}" } } };
    const out = apply(created, body, "kubectl-last-applied", T1);
    expect(out.data).toEqual({ a: "1", b: "2" });
    expect(out.metadata.annotations).toEqual({ [LAST_APPLIED_ANNOTATION]: "{}" });
    expect(out.metadata.managedFields.map((e: Loose) => e.manager)).toEqual(["kubectl", "kubectl-last-applied"]);
  });

  it("removes fields the manager no longer applies", () => {
    const created = apply(undefined, cm({ a: "1", b: "2" }, { labels: { x: "1" } }), "kubectl", T0);
    const out = apply(created, cm({ a: "1" }), "kubectl", T1);
    expect(out.data).toEqual({ a: "1" });
    expect(out.metadata.labels).toBeUndefined();
    expect(out.metadata.managedFields[0].fieldsV1).toEqual({ "f:data": { "f:a": {} } });
  });

  it("keeps a dropped field another manager also owns", () => {
    const a = apply(undefined, cm({ shared: "1", mine: "1" }), "a", T0);
    const b = apply(a, cm({ shared: "1" }), "b", T1);
    const out = apply(b, cm({ mine: "1" }), "a", T2);
    expect(out.data).toEqual({ shared: "1", mine: "1" });
  });

  it("conflicts with another applier's different value → 409 with kube's message and causes", () => {
    const a = apply(undefined, cm({ mode: "a" }), "mgr", T0);
    const err = conflict(() => apply(a, cm({ mode: "b" }), "other", T1));
    expect(err.code).toBe(409);
    expect(err.status.message).toBe('Apply failed with 1 conflict: conflict with "mgr": .data.mode');
    expect(err.status.details?.causes).toEqual([{ reason: "FieldManagerConflict", message: 'conflict with "mgr"', field: ".data.mode" }]);
  });

  it("lists several conflicts grouped by manager; update managers print version and time", () => {
    const a = apply(undefined, cm({ x: "1" }), "alpha", T0);
    const edited = structuredClone(a);
    edited.data.y = "1";
    edited.metadata.managedFields = updateManagedFieldsForUpdate({ old: a, updated: edited, manager: "kubectl-edit", apiVersion: "v1", now: T1 });
    const err = conflict(() => apply(edited, cm({ x: "2", y: "2" }), "beta", T2));
    expect(err.status.message).toBe(
      'Apply failed with 2 conflicts: conflicts with "alpha":\n- .data.x\nconflicts with "kubectl-edit" using v1 at 2024-05-01T11:00:00Z:\n- .data.y',
    );
    expect(err.status.details?.causes?.map((c) => c.field)).toEqual([".data.x", ".data.y"]);
  });

  it("force takes ownership from the other manager", () => {
    const a = apply(undefined, cm({ mode: "a", keep: "1" }), "mgr", T0);
    const out = apply(a, cm({ mode: "b" }), "other", T1, true);
    expect(out.data).toEqual({ mode: "b", keep: "1" });
    const byName = Object.fromEntries(out.metadata.managedFields.map((e: Loose) => [e.manager, e.fieldsV1]));
    expect(byName.mgr).toEqual({ "f:data": { "f:keep": {} } });
    expect(byName.other).toEqual({ "f:data": { "f:mode": {} } });
  });

  it("applying the same value is no conflict and shares ownership", () => {
    const a = apply(undefined, cm({ mode: "a" }), "mgr", T0);
    const out = apply(a, cm({ mode: "a" }), "other", T1);
    expect(out.metadata.managedFields.map((e: Loose) => e.fieldsV1)).toEqual([{ "f:data": { "f:mode": {} } }, { "f:data": { "f:mode": {} } }]);
  });

  it("a no-op re-apply keeps the entry's time", () => {
    const a = apply(undefined, cm({ mode: "a" }), "mgr", T0);
    expect(apply(a, cm({ mode: "a" }), "mgr", T1).metadata.managedFields[0].time).toBe(T0);
  });

  it("merges containers by name and drops a container the manager stops applying", () => {
    const web = { name: "web", image: "nginx:1" };
    const side = { name: "side", image: "busybox" };
    const created = apply(undefined, deployment([web, side]), "kubectl", T0);
    const changed = apply(created, deployment([{ name: "web", image: "nginx:2" }]), "kubectl", T1);
    expect(changed.spec.template.spec.containers).toEqual([{ name: "web", image: "nginx:2" }]);
  });

  it("a container added by another applier survives and conflicts are per field", () => {
    const created = apply(undefined, deployment([{ name: "web", image: "nginx:1" }]), "a", T0);
    const both = apply(created, deployment([{ name: "side", image: "busybox" }]), "b", T1);
    expect(both.spec.template.spec.containers.map((c: Loose) => c.name)).toEqual(["web", "side"]);
    const err = conflict(() => apply(both, deployment([{ name: "web", image: "nginx:9" }]), "b", T2));
    expect(err.status.message).toBe('Apply failed with 1 conflict: conflict with "a": .spec.template.spec.containers[name="web"].image');
  });

  it("ignores status on the main resource", () => {
    const body = { ...deployment([{ name: "web", image: "x" }]), status: { replicas: 5 } };
    const out = apply(undefined, body, "kubectl", T0);
    expect(out.status).toBeUndefined();
    expect(JSON.stringify(out.metadata.managedFields)).not.toContain("f:status");
  });

  it("applies only status on the status subresource", () => {
    const live = apply(undefined, deployment([{ name: "web", image: "x" }]), "kubectl", T0);
    const body = { ...deployment([{ name: "web", image: "other" }]), status: { replicas: 5 } };
    const out = serverSideApply({ live, applied: body, manager: "ctrl", force: false, apiVersion: "apps/v1", now: T1, subresource: "status" }) as Loose;
    expect(out.status).toEqual({ replicas: 5 });
    expect(out.spec.template.spec.containers[0].image).toBe("x");
    const entry = out.metadata.managedFields.find((e: Loose) => e.manager === "ctrl");
    expect(entry).toMatchObject({ operation: "Apply", subresource: "status", fieldsV1: { "f:status": { "f:replicas": {} } } });
  });

  it("an object nobody manages is owned by before-first-apply", () => {
    const live = cm({ a: "1" });
    const err = conflict(() => apply(live, cm({ a: "2" }), "kubectl-x", T1));
    expect(err.status.message).toContain('"before-first-apply" using v1');
  });

  it("kubectl may take over client-side-applied fields unchanged since the last apply", () => {
    const manifest = cm({ a: "1" });
    const last = JSON.stringify(manifest);
    const live = cm({ a: "1" }, { annotations: { [LAST_APPLIED_ANNOTATION]: last } });
    live.metadata.managedFields = updateManagedFieldsForUpdate({ updated: live, manager: "kubectl-client-side-apply", apiVersion: "v1", now: T0 });
    const out = apply(live, cm({ a: "2" }), "kubectl", T1);
    expect(out.data).toEqual({ a: "2" });
    expect(JSON.parse(out.metadata.annotations[LAST_APPLIED_ANNOTATION])).toEqual(cm({ a: "2" }));
    // Another manager gets no such pass.
    expect(conflict(() => apply(live, cm({ a: "2" }), "someone", T1)).code).toBe(409);
  });

  it("custom resources use deduced rules: objects merge, lists are atomic", () => {
    const pp = (clusters: string[]): KubeObject => ({
      apiVersion: "policy.karmada.io/v1alpha1",
      kind: "PropagationPolicy",
      metadata: { name: "p", namespace: "default" },
      spec: { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web" }], placement: { clusterAffinity: { clusterNames: clusters } } },
    });
    const created = apply(undefined, pp(["m1"]), "kubectl", T0);
    expect(created.metadata.managedFields[0].fieldsV1).toEqual({
      "f:spec": { "f:placement": { "f:clusterAffinity": { "f:clusterNames": {} } }, "f:resourceSelectors": {} },
    });
    const out = apply(created, pp(["m2", "m3"]), "kubectl", T1);
    expect(out.spec.placement.clusterAffinity.clusterNames).toEqual(["m2", "m3"]);
  });

  it.each([
    ["a different apiVersion", { ...cm({}), apiVersion: "v2" }, "Incorrect version specified in apply patch. Specified patch version: v2, expected: v1"],
    ["managedFields in the body", cm({}, { managedFields: [] }), "metadata.managedFields must be nil"],
  ])("rejects %s with 400", (_n, body, message) => {
    try {
      serverSideApply({ applied: body as KubeObject, manager: "m", force: false, apiVersion: "v1", now: T0 });
      expect.unreachable();
    } catch (e) {
      expect(ApiError.is(e, "BadRequest")).toBe(true);
      expect((e as ApiError).status.message).toBe(message);
    }
  });
});

describe("serverSideApply after kubectl's client-side-apply migration", () => {
  it("keeps a map the manager owned whole (\".\") when the new apply lists its children", async () => {
    const { serverSideApply } = await import("./server-side-apply");
    const live = {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: {
        name: "c",
        namespace: "default",
        managedFields: [
          { manager: "kubectl", operation: "Apply" as const, apiVersion: "v1", fieldsType: "FieldsV1" as const, fieldsV1: { "f:data": { ".": {}, "f:color": {}, "f:size": {} } } },
        ],
      },
      data: { color: "blue", size: "L" },
    };
    const out = serverSideApply({
      live,
      applied: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "default" }, data: { color: "blue", size: "L" } },
      manager: "kubectl",
      force: false,
      apiVersion: "v1",
      now: "2026-01-01T00:00:00Z",
    });
    expect(out.data).toEqual({ color: "blue", size: "L" });
  });
});
