import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MetricRecorder } from "../controllers/cluster-status/metric-recorder";
import { realClock } from "../controllers/runtime/clock";
import { SecretBox } from "../server/secret-box";
import { appendMetricSamples } from "../store/app/metric-samples";
import { pgliteDatabase, type Database } from "../store/database";
import { migratedPglite } from "../store/test-databases";
import { clusterHealthHistory } from "./cluster-api";
import { prismaCredentialStore } from "./credential-store";

let db: Database;
beforeAll(async () => {
  db = pgliteDatabase(await migratedPglite());
});
afterAll(async () => db?.close());

describe("ClusterCredential (migrated PGlite)", () => {
  it("stores credentials sealed, reads them back, tracks changes and deletes", async () => {
    const store = prismaCredentialStore(db.prisma, new SecretBox("k1"));
    await store.put("m1", { kind: "token", apiEndpoint: "https://10.0.0.1:6443", token: "very-secret-token", caData: "PEM" });
    const raw = await db.prisma.clusterCredential.findUnique({ where: { clusterName: "m1" } });
    expect(raw?.kind).toBe("token");
    expect(raw?.sealed).toMatch(/^v1:/);
    expect(raw?.sealed).not.toContain("very-secret-token");
    expect(await store.get("m1")).toEqual({ kind: "token", apiEndpoint: "https://10.0.0.1:6443", token: "very-secret-token", caData: "PEM" });
    const v1 = await store.version("m1");
    await new Promise((r) => setTimeout(r, 5));
    await store.put("m1", { kind: "kubeconfig", kubeconfig: "apiVersion: v1" });
    expect(await store.version("m1")).toBeGreaterThan(v1!);
    // Another key cannot open it.
    await expect(prismaCredentialStore(db.prisma, new SecretBox("k2")).get("m1")).rejects.toThrow();
    expect(await store.delete("m1")).toBe(true);
    expect(await store.delete("m1")).toBe(false);
    expect(await store.get("m1")).toBeUndefined();
  });

  it("health samples recorded by the status controller come back as history", async () => {
    const pruned: Date[] = [];
    const rec = new MetricRecorder({ clock: realClock, append: (s) => appendMetricSamples(db.prisma, s), minIntervalMs: 0, prune: async (before) => void pruned.push(before), retentionMs: 60_000 });
    rec.record("h1", true, { allocatable: { cpu: "4", memory: "8Gi", pods: "110" }, allocated: { cpu: "500m", memory: "1Gi", pods: "3" } });
    rec.record("h1", false, undefined);
    await rec.flush();
    const h = await clusterHealthHistory(db.prisma, "h1", {}, new Date(Date.now() + 1000));
    expect(h.samples.map((s) => s.ready)).toEqual([true, false]);
    expect(pruned).toHaveLength(1);
    expect(Date.now() - pruned[0].getTime()).toBeGreaterThanOrEqual(60_000);
    expect(h.samples[0]).toMatchObject({ cpuAllocatable: 4, cpuAllocated: 0.5, memoryAllocatable: 8 * 1024 ** 3, podsAllocatable: 110, podsAllocated: 3 });
  });
});
