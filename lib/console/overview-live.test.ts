import { afterEach, describe, expect, it } from "vitest";
import { MemoryStorage } from "../store/memory-storage";
import { KEYS } from "./overview-loader";
import { createLiveOverviewService, type LiveOverviewService } from "./overview-live";

const clusterObj = (name: string) => ({ apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name }, spec: { syncMode: "Push" } });
const rb = (name: string) => ({
  apiVersion: "work.karmada.io/v1alpha2",
  kind: "ResourceBinding",
  metadata: { name, namespace: "default" },
  spec: { resource: { apiVersion: "v1", kind: "ConfigMap", namespace: "default", name } },
});

let svc: LiveOverviewService | undefined;
afterEach(() => svc?.stop());

describe("live overview service", () => {
  it("lists once, then follows the store: a get right after a write sees it", async () => {
    const storage = new MemoryStorage();
    await storage.create(KEYS.clusters, clusterObj("m1"));
    await storage.create(KEYS.resourceBindings, rb("a"));
    let lists = 0;
    const counting = { ...storage, list: (...a: Parameters<MemoryStorage["list"]>) => (lists++, storage.list(...a)), watch: storage.watch.bind(storage), currentResourceVersion: storage.currentResourceVersion.bind(storage) };
    svc = createLiveOverviewService(counting, { clock: () => 0 });
    const first = await svc.get();
    expect(first.clusters.total).toBe(1);
    expect(first.counts.resourceBindings).toBe(1);
    const listsAfterStart = lists;

    await storage.create(KEYS.clusters, clusterObj("m2"));
    await storage.create(KEYS.resourceBindings, rb("b"));
    await storage.delete(KEYS.resourceBindings, "default", "a");
    const next = await svc.get();
    expect(next.clusters.total).toBe(2);
    expect(next.counts.resourceBindings).toBe(1);
    expect(next.propagation.total).toBe(1);
    // No relisting per request: the changes came through the watch.
    expect(lists).toBe(listsAfterStart);
  });

  it("serves the same summary object while nothing the overview reads changed", async () => {
    const storage = new MemoryStorage();
    await storage.create(KEYS.clusters, clusterObj("m1"));
    svc = createLiveOverviewService(storage, { clock: () => 0 });
    const a = await svc.get();
    await storage.create({ group: "", resource: "configmaps" }, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x", namespace: "default" } });
    expect(await svc.get()).toBe(a);
  });
});
