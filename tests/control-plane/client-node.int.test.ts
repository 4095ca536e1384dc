import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { CoreV1Api, KubeConfig, KubernetesObjectApi, PatchStrategy, Watch, makeInformer, setHeaderOptions, type KubernetesObject, type V1ConfigMap } from "@kubernetes/client-node";
import { startPlane, type Plane } from "./harness";

/**
 * @kubernetes/client-node 2.x against the real control plane with the kubeconfig it writes
 * (kube-api-surface.md §13): generic and typed clients, the four write paths, watch and an
 * informer, including a Karmada kind.
 */
let p: Plane;
let kc: KubeConfig;
beforeAll(async () => {
  p = await startPlane();
  kc = new KubeConfig();
  kc.loadFromString(await readFile(p.kubeconfigPath, "utf8"));
});
afterAll(async () => {
  await p?.destroy();
});

type CM = KubernetesObject & { data?: Record<string, string> };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("client-node against the control plane", () => {
  it("creates, reads, patches (merge, apply, JSON patch), replaces, lists and deletes", async () => {
    const api = KubernetesObjectApi.makeApiClient(kc);
    const ref = (name: string) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "default" } });
    const created = await api.create<CM>({ ...ref("cn1"), data: { a: "1" } });
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect((await api.read<CM>(ref("cn1"))).data).toEqual({ a: "1" });
    const merged = await api.patch<CM>({ ...ref("cn1"), data: { b: "2" } }, undefined, undefined, undefined, undefined, PatchStrategy.MergePatch);
    expect(merged.data).toEqual({ a: "1", b: "2" });
    const applied = await api.patch<CM>({ ...ref("cn2"), data: { c: "3" } }, undefined, undefined, "client-node", true, PatchStrategy.ServerSideApply);
    expect(applied.metadata?.managedFields?.[0]).toMatchObject({ manager: "client-node", operation: "Apply" });
    const core = kc.makeApiClient(CoreV1Api);
    const jp = await core.patchNamespacedConfigMap({ name: "cn2", namespace: "default", body: [{ op: "add", path: "/data/d", value: "4" }] });
    expect(jp.data).toEqual({ c: "3", d: "4" });
    const mp = await core.patchNamespacedConfigMap({ name: "cn2", namespace: "default", body: { data: { e: "5" } } }, setHeaderOptions("Content-Type", PatchStrategy.MergePatch));
    expect(mp.data).toEqual({ c: "3", d: "4", e: "5" });
    // A write without fieldManager gets the User-Agent's product as its manager, as in kube.
    const managers = (mp.metadata?.managedFields ?? []).map((m) => m.manager);
    expect(managers[0]).toBe("client-node");
    expect(managers.slice(1).every((m) => m && m !== "unknown")).toBe(true);
    const current = await api.read<CM>(ref("cn1"));
    const replaced = await api.replace<CM>({ ...ref("cn1"), metadata: { ...current.metadata, name: "cn1", namespace: "default" }, data: { only: "x" } });
    expect(replaced.data).toEqual({ only: "x" });
    const list = await api.list<CM>("v1", "ConfigMap", "default");
    expect(list.items.map((i) => i.metadata?.name).sort()).toEqual(["cn1", "cn2"]);
    expect(list.metadata?.resourceVersion).toMatch(/^\d+$/);
    await api.delete(ref("cn1"));
    await expect(api.read(ref("cn1"))).rejects.toMatchObject({ code: 404 });
    const typed: V1ConfigMap = await core.readNamespacedConfigMap({ name: "cn2", namespace: "default" });
    expect(typed.data?.c).toBe("3");
  });

  it("works with Karmada kinds through the generic client (merge patch on a CRD kind)", async () => {
    const api = KubernetesObjectApi.makeApiClient(kc);
    const pp = {
      apiVersion: "policy.karmada.io/v1alpha1",
      kind: "PropagationPolicy",
      metadata: { name: "cn-pp", namespace: "default" },
      spec: { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: "x" }], placement: { clusterAffinity: { clusterNames: ["m1"] } } },
    };
    const created = await api.create(pp);
    expect((created as unknown as { spec: { resourceSelectors: { namespace: string }[] } }).spec.resourceSelectors[0].namespace).toBe("default");
    const patched = await api.patch({ ...pp, spec: { priority: 3 } } as KubernetesObject, undefined, undefined, undefined, undefined, PatchStrategy.MergePatch);
    expect((patched as unknown as { spec: { priority: number } }).spec.priority).toBe(3);
    await expect(api.patch({ ...pp, spec: { priority: 4 } } as KubernetesObject)).rejects.toMatchObject({ code: 415 });
    await expect(api.create({ ...pp, metadata: { name: "cn-bad", namespace: "default" }, spec: { resourceSelectors: [] } } as KubernetesObject)).rejects.toMatchObject({ code: 422 });
  });

  it("watches with synthetic ADDED events and live changes, and an informer keeps a cache", async () => {
    const api = KubernetesObjectApi.makeApiClient(kc);
    await api.create<CM>({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "wa", namespace: "default" } });
    const seen: string[] = [];
    const watch = new Watch(kc);
    let ac: AbortController | undefined;
    const done = new Promise<void>((resolve) => {
      void watch
        .watch("/api/v1/namespaces/default/configmaps", { fieldSelector: "metadata.name=wa" }, (type, obj: CM) => {
          seen.push(`${type}:${obj.metadata?.name}:${obj.data?.x ?? ""}`);
          if (seen.length === 3) resolve();
        }, () => resolve())
        .then((c) => (ac = c));
    });
    for (let i = 0; i < 100 && seen.length === 0; i++) await sleep(50);
    await api.patch<CM>({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "wa", namespace: "default" }, data: { x: "1" } }, undefined, undefined, undefined, undefined, PatchStrategy.MergePatch);
    await api.delete({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "wa", namespace: "default" } });
    await Promise.race([done, sleep(10_000)]);
    ac?.abort();
    expect(seen).toEqual(["ADDED:wa:", "MODIFIED:wa:1", "DELETED:wa:1"]);

    const core = kc.makeApiClient(CoreV1Api);
    const informer = makeInformer(kc, "/api/v1/namespaces/default/configmaps", () => core.listNamespacedConfigMap({ namespace: "default" }));
    const added: string[] = [];
    informer.on("add", (o) => void added.push(o.metadata?.name ?? ""));
    await informer.start();
    await core.createNamespacedConfigMap({ namespace: "default", body: { metadata: { name: "inf1" } } });
    for (let i = 0; i < 50 && !added.includes("inf1"); i++) await sleep(100);
    await informer.stop();
    expect(added).toContain("inf1");
    expect(informer.list("default").map((o) => o.metadata?.name)).toContain("cn2");
  });
});
