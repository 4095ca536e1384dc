import { afterEach, describe, expect, it } from "vitest";
import { MemoryStorage } from "../store/memory-storage";
import { ResourceRegistry } from "../kube/resources/registry";
import type { KubeObject, WatchEvent } from "../kube/types";
import { createApiServer, type ApiServer } from "./api-server";
import { testDescriptors } from "./test-descriptors";

let s: ApiServer;
afterEach(async () => {
  await s?.stop();
});

describe("in-process ObjectClient", () => {
  it("runs the same semantics as HTTP: defaults, status subresource, CAS, patches, delete", async () => {
    s = createApiServer({ storage: new MemoryStorage(), registry: new ResourceRegistry(testDescriptors()) });
    const { client } = s;
    const d = await client.create<KubeObject>({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "default" }, spec: {} });
    expect(d.spec).toEqual({ replicas: 1 });
    expect(await client.get("apps/v1", "Deployment", "default", "nope")).toBeUndefined();
    const st = await client.updateStatus({ ...d, status: { readyReplicas: 1 } });
    expect(st.status).toEqual({ readyReplicas: 1 });
    expect(st.metadata.generation).toBe(1);
    await expect(client.update({ ...d, spec: { replicas: 2 } })).rejects.toMatchObject({ status: { code: 409 } });
    const p = await client.patch<KubeObject>({ apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "web" }, "application/merge-patch+json", { spec: { replicas: 4 } });
    expect(p.metadata.generation).toBe(2);
    expect(p.metadata.managedFields?.map((m) => m.manager)).toContain("flotilla-controller-manager");
    const list = await client.list("apps/v1", "Deployment", { namespace: "default" });
    expect(list.items).toHaveLength(1);
    expect(await client.delete({ apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "web" })).toMatchObject({ metadata: { name: "web" } });
    expect(await client.delete({ apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "web" })).toBeUndefined();
    await expect(client.list("x/v1", "Nope")).rejects.toMatchObject({ status: { code: 404 } });
  });

  it("watches until the signal aborts", async () => {
    s = createApiServer({ storage: new MemoryStorage(), registry: new ResourceRegistry(testDescriptors()) });
    const { client } = s;
    await client.create({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a", namespace: "default" } });
    const ac = new AbortController();
    const seen: WatchEvent[] = [];
    const done = client.watch("v1", "ConfigMap", { namespace: "default", signal: ac.signal }, (e) => {
      seen.push(e);
      if (seen.length === 2) ac.abort();
    });
    await new Promise((r) => setTimeout(r, 20));
    await client.create({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "b", namespace: "default" } });
    await done;
    expect(seen.map((e) => `${e.type}:${e.object.metadata.name}`)).toEqual(["ADDED:a", "ADDED:b"]);
  });

  it("hands read-only watchers the shared event (frozen under test) and the others a copy of their own", async () => {
    s = createApiServer({ storage: new MemoryStorage(), registry: new ResourceRegistry(testDescriptors()) });
    const { client } = s;
    const events = async (readOnly: boolean) => {
      const ac = new AbortController();
      const seen: WatchEvent[] = [];
      const done = client.watch("v1", "ConfigMap", { namespace: "default", resourceVersion: rv, signal: ac.signal, readOnly }, (e) => {
        seen.push(e);
        ac.abort();
      });
      await done;
      return seen[0].object;
    };
    const cm = await client.create<KubeObject>({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a", namespace: "default" }, data: { k: "v" } } as KubeObject);
    const rv = String(Number(cm.metadata.resourceVersion) - 1);
    const shared = await events(true);
    expect(Object.isFrozen(shared.metadata)).toBe(true);
    expect(() => ((shared as unknown as { data: Record<string, string> }).data.k = "x")).toThrow(TypeError);
    const own = await events(false);
    (own as unknown as { data: Record<string, string> }).data.k = "mine";
    expect(((await events(true)) as unknown as { data: Record<string, string> }).data.k).toBe("v");
  });
});
