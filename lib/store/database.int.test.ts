import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { StorageEvent } from "../apiserver/storage";
import { openDatabase } from "./database";
import { PrismaStorage } from "./prisma-storage";
import { createTestDatabase, testServerUrl } from "./test-databases";

describe("openDatabase on PGlite", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it("creates <dataDir>/pglite (and its parents), migrates once, keeps data across reopen", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "flotilla-db-"));
    dirs.push(root);
    const dataDir = path.join(root, "a", "b");
    const db1 = await openDatabase({ dataDir });
    expect(db1.kind).toBe("pglite");
    expect(db1.appliedMigrations.length).toBeGreaterThan(0);
    await db1.prisma.user.create({ data: { username: "alice", passwordHash: "x" } });
    await db1.close();
    const db2 = await openDatabase({ dataDir });
    expect(db2.appliedMigrations).toEqual([]);
    expect((await db2.prisma.user.findUnique({ where: { username: "alice" } }))?.passwordHash).toBe("x");
    await db2.close();
  });

  it("a data dir that cannot be created is a clear error, not a half-open store", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "flotilla-db-"));
    dirs.push(root);
    // <dataDir>/pglite exists as a file: initdb (in its own process) cannot make a cluster there.
    await writeFile(path.join(root, "pglite"), "not a directory");
    await expect(openDatabase({ dataDir: root })).rejects.toThrow(/could not create the embedded store at .*pglite \(initdb exited 1\)/);
  });
});

const serverUrl = testServerUrl();

describe.skipIf(!serverUrl)("openDatabase on PostgreSQL", () => {
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const d of drops) await d();
  });

  it("two replicas opening at once both succeed and the migrations run once", async () => {
    const t = await createTestDatabase(serverUrl!);
    drops.push(t.drop);
    const [a, b] = await Promise.all([openDatabase({ url: t.url, dataDir: "/unused" }), openDatabase({ url: t.url, dataDir: "/unused" })]);
    try {
      expect(a.kind).toBe("postgres");
      const applied = [...a.appliedMigrations, ...b.appliedMigrations];
      const rows = await a.sql.query<{ migration_name: string; finished_at: unknown }>(`SELECT migration_name, finished_at FROM _prisma_migrations`);
      // Whoever got the advisory lock second found nothing pending.
      expect(applied.sort()).toEqual(rows.map((r) => r.migration_name).sort());
      expect(rows.every((r) => r.finished_at !== null)).toBe(true);
      expect(new Set(rows.map((r) => r.migration_name)).size).toBe(rows.length);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("a watch on one replica sees writes committed by another, in order", async () => {
    const t = await createTestDatabase(serverUrl!);
    drops.push(t.drop);
    const dbA = await openDatabase({ url: t.url, dataDir: "/unused" });
    const dbB = await openDatabase({ url: t.url, dataDir: "/unused" });
    // Poll disabled on B: only NOTIFY can wake it quickly.
    const a = await PrismaStorage.open(dbA, { compactIntervalMs: 0 });
    const b = await PrismaStorage.open(dbB, { compactIntervalMs: 0, pollIntervalMs: 0 });
    try {
      const from = await b.currentResourceVersion();
      const ac = new AbortController();
      const seen: StorageEvent[] = [];
      const watching = (async () => {
        for await (const e of b.watch({ fromResourceVersion: from, signal: ac.signal })) {
          seen.push(e);
          if (seen.length === 30) break;
        }
      })();
      const key = { group: "", resource: "configmaps" };
      const written = await Promise.all(
        Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).create(key, { apiVersion: "v1", kind: "ConfigMap", metadata: { namespace: "x", name: `c${i}` } })),
      );
      const timer = setTimeout(() => ac.abort(), 10_000);
      await watching;
      clearTimeout(timer);
      expect(seen.map((e) => Number(e.resourceVersion))).toEqual(written.map((o) => Number(o.metadata.resourceVersion)).sort((x, y) => x - y));
    } finally {
      await a.close();
      await b.close();
      await dbA.close();
      await dbB.close();
    }
  });
});
