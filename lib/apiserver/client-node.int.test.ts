import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KubeConfig, KubernetesObjectApi, PatchStrategy, Watch, type KubernetesObject } from "@kubernetes/client-node";
import { memberClusterDescriptors } from "../kube/resources/index";
import { startTestCluster, type TestCluster } from "./test-server";

/** @kubernetes/client-node 2.x against createApiServer over HTTPS (kube-api-surface.md §13). */
let c: TestCluster;
let kc: KubeConfig;
beforeAll(async () => {
  c = await startTestCluster(memberClusterDescriptors());
  kc = new KubeConfig();
  kc.loadFromString(c.kubeconfig);
});
afterAll(async () => {
  await c?.close();
});

type CM = KubernetesObject & { data?: Record<string, string> };

describe("client-node against the apiserver", () => {
  it("creates, reads, patches and lists through KubernetesObjectApi", async () => {
    const api = KubernetesObjectApi.makeApiClient(kc);
    const created = await api.create<CM>({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cn1", namespace: "default" }, data: { a: "1" } });
    expect(created.metadata?.uid).toBeTruthy();
    const read = await api.read<CM>({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cn1", namespace: "default" } });
    expect(read.data).toEqual({ a: "1" });
    const patched = await api.patch<CM>({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cn1", namespace: "default" }, data: { b: "2" } }, undefined, undefined, undefined, undefined, PatchStrategy.MergePatch);
    expect(patched.data).toEqual({ a: "1", b: "2" });
    const applied = await api.patch<CM>(
      { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cn2", namespace: "default" }, data: { c: "3" } },
      undefined, undefined, "client-node", true, PatchStrategy.ServerSideApply,
    );
    expect(applied.metadata?.managedFields?.[0]).toMatchObject({ manager: "client-node", operation: "Apply" });
    const list = await api.list("v1", "ConfigMap", "default");
    expect(list.items.map((i) => i.metadata?.name).sort()).toEqual(["cn1", "cn2"]);
    await expect(api.read({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "nope", namespace: "default" } })).rejects.toMatchObject({ code: 404 });
  });

  it("watches with synthetic ADDED events and live changes", async () => {
    const api = KubernetesObjectApi.makeApiClient(kc);
    await api.create<CM>({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "wa", namespace: "default" } });
    const seen: string[] = [];
    const watch = new Watch(kc);
    const done = new Promise<void>((resolve) => {
      void watch
        .watch("/api/v1/namespaces/default/configmaps", { fieldSelector: "metadata.name=wa" }, (type, obj: CM) => {
          seen.push(`${type}:${obj.metadata?.name}:${obj.data?.x ?? ""}`);
          if (seen.length === 2) resolve();
        }, () => resolve())
        .then((ac) => setTimeout(() => ac.abort(), 10_000));
    });
    await new Promise((r) => setTimeout(r, 300));
    await api.patch<CM>({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "wa", namespace: "default" }, data: { x: "1" } }, undefined, undefined, undefined, undefined, PatchStrategy.MergePatch);
    await done;
    expect(seen).toEqual(["ADDED:wa:", "MODIFIED:wa:1"]);
  });
});
