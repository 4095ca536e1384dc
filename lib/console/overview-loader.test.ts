import { describe, expect, it } from "vitest";
import { MemoryStorage } from "../store/memory-storage";
import { countObjects, createOverviewService, KEYS, loadOverview } from "./overview-loader";

async function seeded() {
  const storage = new MemoryStorage();
  for (let i = 0; i < 3; i++) {
    await storage.create(KEYS.clusters, { apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name: `m${i}` }, spec: { syncMode: "Push" } });
  }
  for (let i = 0; i < 7; i++) {
    await storage.create(KEYS.propagationPolicies, { apiVersion: "policy.karmada.io/v1alpha1", kind: "PropagationPolicy", metadata: { name: `p${i}`, namespace: "default" }, spec: {} });
  }
  await storage.create(KEYS.events, { apiVersion: "v1", kind: "Event", metadata: { name: "w", namespace: "default" }, type: "Warning", reason: "Boom" });
  await storage.create(KEYS.events, { apiVersion: "v1", kind: "Event", metadata: { name: "n", namespace: "default" }, type: "Normal", reason: "Fine" });
  return storage;
}

describe("overview loader", () => {
  it("counts without listing and keeps only Warning events", async () => {
    const storage = await seeded();
    expect(await countObjects(storage, KEYS.propagationPolicies)).toBe(7);
    expect(await countObjects(storage, KEYS.works)).toBe(0);
    const o = await loadOverview(storage);
    expect(o.clusters.total).toBe(3);
    expect(o.counts.propagationPolicies).toBe(7);
    expect(o.warnings.map((w) => w.reason)).toEqual(["Boom"]);
  });

  it("serves from cache while nothing changed and re-aggregates after any change", async () => {
    const storage = await seeded();
    const svc = createOverviewService(storage, () => 0);
    const first = await svc.get();
    expect(await svc.get()).toBe(first);
    await storage.create(KEYS.clusters, { apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name: "m9" }, spec: { syncMode: "Push" } });
    expect((await svc.get()).clusters.total).toBe(4);
    await storage.create(KEYS.clusters, { apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name: "m10" }, spec: { syncMode: "Push" } });
    // immediately after: the refetch an invalidation triggers must see the change
    expect((await svc.get()).clusters.total).toBe(5);
  });
});
