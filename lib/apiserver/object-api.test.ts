import { beforeEach, describe, expect, it } from "vitest";
import { MemoryStorage } from "../store/memory-storage";
import { ResourceRegistry } from "../kube/resources/registry";
import { ObjectApi } from "./object-api";
import { deleteObject } from "./object-delete";
import { testDescriptors } from "./test-descriptors";
import type { ResourceDescriptor } from "../kube/resource-descriptor";
import type { KubeObject } from "../kube/types";

let api: ObjectApi;
let cm: ResourceDescriptor, ns: ResourceDescriptor, deploy: ResourceDescriptor;

beforeEach(async () => {
  const registry = new ResourceRegistry(testDescriptors());
  api = new ObjectApi({ storage: new MemoryStorage(), registry, clock: () => new Date("2024-05-01T10:00:00.500Z") });
  cm = registry.byKind("v1", "ConfigMap")!;
  ns = registry.byKind("v1", "Namespace")!;
  deploy = registry.byKind("apps/v1", "Deployment")!;
  await api.create(ns, undefined, { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" } });
});

const configMap = (name: string, data: Record<string, string> = {}): KubeObject => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data });

describe("create", () => {
  it("stamps uid, creationTimestamp and resourceVersion (and no generation on a ConfigMap, like kube)", async () => {
    const o = await api.create(cm, "default", { ...configMap("a"), metadata: { name: "a", generation: 7 } });
    expect(o.metadata).toMatchObject({ name: "a", namespace: "default", creationTimestamp: "2024-05-01T10:00:00Z" });
    expect(o.metadata.generation).toBeUndefined();
    const updated = await api.update(cm, "default", "a", { ...o, data: { x: "1" } });
    expect(updated.metadata.generation).toBeUndefined();
    expect(o.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number(o.metadata.resourceVersion)).toBeGreaterThan(0);
  });

  it("generates names from generateName", async () => {
    const o = await api.create(cm, "default", { apiVersion: "v1", kind: "ConfigMap", metadata: { generateName: "x-" } });
    expect(o.metadata.name).toMatch(/^x-[a-z0-9]{5}$/);
  });

  it("rejects a missing namespace with NotFound and a terminating one with Forbidden", async () => {
    await expect(api.create(cm, "nope", configMap("a"))).rejects.toMatchObject({ status: { code: 404, message: 'namespaces "nope" not found' } });
    await api.create(ns, undefined, { apiVersion: "v1", kind: "Namespace", metadata: { name: "t" } });
    await deleteObject(api, ns, undefined, "t");
    await expect(api.create(cm, "t", configMap("a"))).rejects.toMatchObject({
      status: { code: 403, reason: "Forbidden", message: 'configmaps "a" is forbidden: unable to create new content in namespace t because it is being terminated' },
    });
  });

  it("answers 409 AlreadyExists and 422 Invalid", async () => {
    await api.create(cm, "default", configMap("a"));
    await expect(api.create(cm, "default", configMap("a"))).rejects.toMatchObject({ status: { code: 409, reason: "AlreadyExists" } });
    await expect(api.create(cm, "default", configMap("Bad_Name"))).rejects.toMatchObject({
      status: { code: 422, reason: "Invalid", details: { kind: "ConfigMap", name: "Bad_Name" } },
    });
  });

  it("drops status for kinds with a status subresource and applies defaults", async () => {
    const o = await api.create(deploy, "default", { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: {}, status: { readyReplicas: 3 } });
    expect(o.status).toBeUndefined();
    expect(o.spec).toEqual({ replicas: 1 });
  });

  it("rejects a body of another kind with 400", async () => {
    await expect(api.create(cm, "default", { apiVersion: "v1", kind: "Secret", metadata: { name: "a" } })).rejects.toMatchObject({ status: { code: 400 } });
  });

  it("dryRun stores nothing", async () => {
    await api.create(cm, "default", configMap("a"), { dryRun: true });
    expect(await api.read(cm, "default", "a")).toBeUndefined();
  });
});

describe("update", () => {
  it("bumps generation only when the spec part changes", async () => {
    const d = await api.create(deploy, "default", { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { replicas: 1 } });
    const labelled = await api.update(deploy, "default", "d", { ...d, metadata: { ...d.metadata, labels: { a: "b" } } });
    expect(labelled.metadata.generation).toBe(1);
    const scaled = await api.update(deploy, "default", "d", { ...labelled, spec: { replicas: 3 } });
    expect(scaled.metadata.generation).toBe(2);
  });

  it("ignores status on the main resource and everything but status on /status", async () => {
    const d = await api.create(deploy, "default", { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { replicas: 1 } });
    const main = await api.update(deploy, "default", "d", { ...d, status: { readyReplicas: 5 } });
    expect(main.status).toBeUndefined();
    const st = await api.update(deploy, "default", "d", { ...main, spec: { replicas: 9 }, status: { readyReplicas: 1 } }, { subresource: "status" });
    expect(st.status).toEqual({ readyReplicas: 1 });
    expect(st.spec).toEqual({ replicas: 1 });
    expect(st.metadata.generation).toBe(1);
  });

  it("answers 409 Conflict on a stale resourceVersion", async () => {
    const a = await api.create(cm, "default", configMap("a"));
    await api.update(cm, "default", "a", { ...a, data: { x: "1" } });
    await expect(api.update(cm, "default", "a", { ...a, data: { x: "2" } })).rejects.toMatchObject({
      status: { code: 409, reason: "Conflict", message: 'Operation cannot be fulfilled on configmaps "a": the object has been modified; please apply your changes to the latest version and try again' },
    });
  });

  it("allows unconditional updates of built-ins", async () => {
    const a = await api.create(cm, "default", configMap("a"));
    const { resourceVersion: _rv, ...meta } = a.metadata;
    const b = await api.update(cm, "default", "a", { ...a, metadata: meta, data: { y: "1" } });
    expect(b.data).toEqual({ y: "1" });
  });
});

describe("delete", () => {
  it("removes an object without finalizers", async () => {
    await api.create(cm, "default", configMap("a"));
    const gone = await deleteObject(api, cm, "default", "a");
    expect(gone.metadata.name).toBe("a");
    expect(await api.read(cm, "default", "a")).toBeUndefined();
  });

  it("holds an object with finalizers until the last one is removed", async () => {
    await api.create(cm, "default", { ...configMap("a"), metadata: { name: "a", finalizers: ["x/y"] } });
    const marked = await deleteObject(api, cm, "default", "a");
    expect(marked.metadata.deletionTimestamp).toBe("2024-05-01T10:00:00Z");
    await expect(api.update(cm, "default", "a", { ...marked, metadata: { ...marked.metadata, finalizers: ["x/y", "new"] } })).rejects.toMatchObject({
      status: { code: 422 },
    });
    await api.update(cm, "default", "a", { ...marked, metadata: { ...marked.metadata, finalizers: [] } });
    expect(await api.read(cm, "default", "a")).toBeUndefined();
  });

  it("checks preconditions", async () => {
    await api.create(cm, "default", configMap("a"));
    await expect(deleteObject(api, cm, "default", "a", { preconditions: { uid: "nope" } })).rejects.toMatchObject({ status: { code: 409 } });
  });

  it("marks namespaces Terminating instead of removing them", async () => {
    await api.create(ns, undefined, { apiVersion: "v1", kind: "Namespace", metadata: { name: "t" } });
    const t = await deleteObject(api, ns, undefined, "t");
    expect(t.status).toEqual({ phase: "Terminating" });
    expect((t.spec as { finalizers: string[] }).finalizers).toEqual(["kubernetes"]);
  });
});

describe("list", () => {
  it("filters, pages and carries a resourceVersion", async () => {
    for (const n of ["a", "b", "c"]) await api.create(cm, "default", { ...configMap(n), metadata: { name: n, labels: { x: n === "b" ? "no" : "yes" } } });
    const sel = await api.list(cm, { namespace: "default", labelSelector: "x=yes" });
    expect(sel.items.map((i) => i.metadata.name)).toEqual(["a", "c"]);
    expect(sel.metadata.resourceVersion).toBeTruthy();
    const page = await api.list(cm, { namespace: "default", limit: 2 });
    expect(page.items).toHaveLength(2);
    const rest = await api.list(cm, { namespace: "default", limit: 2, continue: page.metadata.continue });
    expect(rest.items.map((i) => i.metadata.name)).toEqual(["c"]);
  });
});

describe("no-op updates", () => {
  it("keep the resourceVersion and emit nothing when nothing but managedFields times would change", async () => {
    const created = await api.create(cm, "default", configMap("same", { a: "1" }), { fieldManager: "m" });
    const events: string[] = [];
    api.onWrite(async (_d, _o, type) => void events.push(type));
    const again = await api.update(cm, "default", "same", { ...created, data: { a: "1" } }, { fieldManager: "m" });
    expect(again.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
    expect(events).toEqual([]);
    const changed = await api.update(cm, "default", "same", { ...created, data: { a: "2" } }, { fieldManager: "m" });
    expect(Number(changed.metadata.resourceVersion)).toBeGreaterThan(Number(created.metadata.resourceVersion));
    expect(events).toEqual(["MODIFIED"]);
  });
});

describe("generation", () => {
  it("starts at 1 and counts spec changes on kinds that track it (Deployment)", async () => {
    const dep = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "d", generation: 9 },
      spec: { replicas: 1, selector: { matchLabels: { a: "b" } }, template: { metadata: { labels: { a: "b" } }, spec: { containers: [{ name: "c", image: "i" }] } } },
    };
    const o = await api.create(deploy, "default", dep);
    expect(o.metadata.generation).toBe(1);
    const relabelled = await api.update(deploy, "default", "d", { ...o, metadata: { ...o.metadata, labels: { x: "y" } } });
    expect(relabelled.metadata.generation).toBe(1);
    const scaled = await api.update(deploy, "default", "d", { ...relabelled, spec: { ...dep.spec, replicas: 3 } });
    expect(scaled.metadata.generation).toBe(2);
  });
});

describe("immortal namespaces", () => {
  it.each(["default", "kube-system", "kube-public"])("refuses to delete %s with kube's Forbidden", async (name) => {
    if (name !== "default") await api.create(ns, undefined, { apiVersion: "v1", kind: "Namespace", metadata: { name } });
    await expect(deleteObject(api, ns, undefined, name)).rejects.toMatchObject({
      status: { code: 403, reason: "Forbidden", message: `namespaces "${name}" is forbidden: this namespace may not be deleted` },
    });
    expect((await api.get(ns, undefined, name)).metadata.deletionTimestamp).toBeUndefined();
  });

  it("still deletes other namespaces", async () => {
    await api.create(ns, undefined, { apiVersion: "v1", kind: "Namespace", metadata: { name: "mortal" } });
    expect((await deleteObject(api, ns, undefined, "mortal")).metadata.deletionTimestamp).toBeTruthy();
  });
});
