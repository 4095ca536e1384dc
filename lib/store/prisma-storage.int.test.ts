import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Storage } from "../apiserver/storage";
import type { KubeObject } from "../kube/types";
import type { Database } from "./database";
import { openDatabase, pgliteDatabase } from "./database";
import { analyzeStaleTables } from "./embedded-analyze";
import { EmbeddedVacuum } from "./embedded-vacuum";
import { PrismaStorage, type PrismaStorageOptions } from "./prisma-storage";
import { describeStorageContract } from "./storage-contract";
import { createTestDatabase, migratedPglite, RESET_OBJECT_STORE_SQL, testServerUrl } from "./test-databases";

/** A storage whose close() also releases what the test opened for it. */
function owning(s: PrismaStorage, release: () => Promise<void>): Storage {
  return new Proxy(s, {
    get(target, prop, receiver) {
      if (prop === "close") return async () => {
        await target.close();
        await release();
      };
      const v = Reflect.get(target, prop, receiver);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

/** The plan of a statement, one line per node. */
async function explain(sql: Database["sql"], statement: string): Promise<string> {
  const rows = await sql.query<{ "QUERY PLAN": string }>(`EXPLAIN (COSTS OFF) ${statement}`);
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}

/** Large objects are written out of line without pglz (migration 20261126023000): compressing each version cost more CPU than the rest of the write. */
async function expectUncompressed(s: Storage, sql: Database["sql"]) {
  const key = { group: "", resource: "configmaps" };
  await s.create(key, { apiVersion: "v1", kind: "ConfigMap", metadata: { namespace: "d", name: "big" }, data: { v: "x".repeat(8000) } });
  const rows = await sql.query<{ c: unknown; n: unknown }>(
    `SELECT pg_column_compression(object) AS c, pg_column_size(object) AS n FROM objects WHERE name = 'big'
     UNION ALL SELECT pg_column_compression(object), pg_column_size(object) FROM object_events WHERE name = 'big'`,
  );
  expect(rows).toHaveLength(2);
  for (const r of rows) {
    expect(r.c).toBeNull();
    expect(Number(r.n)).toBeGreaterThan(8000);
  }
}


/**
 * Two storages on one database (two replicas, or two opens in one process): each group commit
 * first writes on what its ops assume, guarded in SQL, and falls back to reading first when the
 * other one moved the counter or a row. Returns the statements per transaction `a` ran.
 */
async function expectAssumedWritesChecked(db: Database, a: Storage, b: Storage) {
  const statements: string[][] = [];
  const transaction = db.sql.transaction.bind(db.sql);
  db.sql.transaction = (fn, opts) =>
    transaction((tx) => {
      const mine: string[] = [];
      statements.push(mine);
      return fn({ query: (sql, params, o) => (mine.push(sql), tx.query(sql, params, o)) });
    }, opts);
  const key = { group: "", resource: "configmaps" };
  const cm = (name: string, rv?: string) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { namespace: "d", name, ...(rv ? { resourceVersion: rv } : {}) }, data: { v: name } });
  try {
    const x1 = await a.create(key, cm("x"));
    statements.length = 0;
    // a knows the counter: one transaction, no read before the write.
    const y1 = await a.create(key, cm("y"));
    expect(statements).toHaveLength(1);
    expect(statements[0].some((q) => q.includes("guard"))).toBe(true);
    expect(statements[0].some((q) => q.includes("jsonb_to_recordset($1::jsonb) AS k"))).toBe(false);
    expect(Number(y1.metadata.resourceVersion)).toBe(Number(x1.metadata.resourceVersion) + 1);
    // b moves the counter behind a's back: a's assumption fails and it reads first; versions stay contiguous.
    const z1 = await b.create(key, cm("z"));
    const x2 = await a.update(key, cm("x", x1.metadata.resourceVersion), x1.metadata.resourceVersion!);
    expect(Number(x2.metadata.resourceVersion)).toBe(Number(z1.metadata.resourceVersion) + 1);
    // b changes x: a's update from the old version is a conflict, a create of it exists already.
    const x3 = await b.update(key, cm("x", x2.metadata.resourceVersion), x2.metadata.resourceVersion!);
    await expect(a.update(key, cm("x", x2.metadata.resourceVersion), x2.metadata.resourceVersion!)).rejects.toMatchObject({ status: { reason: "Conflict" } });
    await expect(a.create(key, cm("x"))).rejects.toMatchObject({ status: { reason: "AlreadyExists" } });
    // b deletes y: a's unconditional update of it is NotFound; a's create of it succeeds.
    await b.delete(key, "d", "y");
    await expect(a.update(key, cm("y"), "")).rejects.toMatchObject({ status: { reason: "NotFound" } });
    const y2 = await a.create(key, cm("y"));
    expect(Number(y2.metadata.resourceVersion)).toBe(Number(x3.metadata.resourceVersion) + 2);
    expect((await a.get(key, "d", "x"))?.metadata.resourceVersion).toBe(x3.metadata.resourceVersion);
    // The log holds every version once, in order.
    const [log] = await db.sql.query<{ n: unknown; lo: unknown; hi: unknown }>(`SELECT count(*) AS n, min(rv) AS lo, max(rv) AS hi FROM object_events`);
    expect(Number(log.n)).toBe(Number(log.hi) - Number(log.lo) + 1);
    expect(Number(log.hi)).toBe(Number(y2.metadata.resourceVersion));
  } finally {
    db.sql.transaction = transaction;
  }
}

/**
 * Read-modify-write increments from many writers at once, retried on conflict: batches written
 * on assumptions (group-commit.ts) lose or double none, and the log holds every version once, in order.
 */
async function expectConcurrentIncrements(db: Database, s: Storage) {
  const key = { group: "", resource: "configmaps" };
  const names = ["p", "q", "r"];
  for (const name of names) await s.create(key, { apiVersion: "v1", kind: "ConfigMap", metadata: { namespace: "d", name }, data: { n: "0" } });
  const [start] = await db.sql.query<{ rv: unknown }>(`SELECT rv FROM store_counter WHERE id = 1`);
  let writes = 0;
  await Promise.all(
    Array.from({ length: 24 }, async (_, w) => {
      for (let i = 0; i < 10; i++) {
        const name = names[(w + i) % names.length];
        for (;;) {
          const cur = (await s.get(key, "d", name))!;
          cur.data = { n: String(Number((cur.data as { n: string }).n) + 1) };
          try {
            await s.update(key, cur, cur.metadata.resourceVersion!);
            writes++;
            break;
          } catch (e) {
            if ((e as { status?: { reason?: string } }).status?.reason !== "Conflict") throw e;
          }
        }
      }
    }),
  );
  const total = (await Promise.all(names.map((n) => s.get(key, "d", n)))).reduce((t, o) => t + Number((o!.data as { n: string }).n), 0);
  expect(total).toBe(240);
  const [log] = await db.sql.query<{ n: unknown; lo: unknown; hi: unknown }>(`SELECT count(*) AS n, min(rv) AS lo, max(rv) AS hi FROM object_events WHERE rv > $1`, [Number(start.rv)]);
  expect(Number(log.n)).toBe(writes);
  expect(Number(log.hi) - Number(log.lo) + 1).toBe(writes);
}

describe("PrismaStorage on PGlite", () => {
  let base: PGlite;
  beforeAll(async () => {
    base = await migratedPglite();
  });
  afterAll(async () => {
    await base?.close();
  });
  async function make(opts: PrismaStorageOptions = {}) {
    const db = pgliteDatabase((await base.clone()) as PGlite);
    const s = await PrismaStorage.open(db, { compactIntervalMs: 0, ...opts });
    return { s, db };
  }
  it("a write the database refuses fails alone, not its group-commit neighbours", async () => {
    const { s, db } = await make();
    try {
      const key = { group: "", resource: "configmaps" };
      const cm = (name: string, v: string) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { namespace: "d", name }, data: { v } });
      // jsonb cannot hold U+0000: that insert fails inside the batch.
      const results = await Promise.allSettled([s.create(key, cm("a", "ok")), s.create(key, cm("bad", "nul\u0000")), s.create(key, cm("c", "ok"))]);
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      const rvs = results.flatMap((r) => (r.status === "fulfilled" ? [Number(r.value.metadata.resourceVersion)] : []));
      expect(rvs[1]).toBe(rvs[0] + 1);
      expect((await s.list(key)).items.map((o) => o.metadata.name)).toEqual(["a", "c"]);
    } finally {
      await s.close();
      await db.close();
    }
  });

  it("serves point reads from the write-through cache, shared by every storage on the database", async () => {
    const { s, db } = await make();
    const other = await PrismaStorage.open(db, { compactIntervalMs: 0 });
    const queries: string[] = [];
    const query = db.sql.query.bind(db.sql);
    db.sql.query = ((sql: string, params?: unknown[]) => {
      queries.push(sql);
      return query(sql, params);
    }) as typeof db.sql.query;
    try {
      const key = { group: "", resource: "configmaps" };
      const a = await s.create(key, { apiVersion: "v1", kind: "ConfigMap", metadata: { namespace: "d", name: "a" }, data: { v: "1" } });
      const updated = await other.update(key, { ...a, data: { v: "2" } }, a.metadata.resourceVersion!);
      queries.length = 0;
      const got = await s.get(key, "d", "a");
      expect(got).toEqual(updated);
      got!.data = { v: "mutated" };
      expect((await other.get(key, "d", "a"))!.data).toEqual({ v: "2" });
      await other.delete(key, "d", "a");
      expect(await s.get(key, "d", "a")).toBeUndefined();
      expect(queries.filter((q) => q.includes("FROM objects WHERE"))).toEqual([]);
      // A miss queries once and is then cached.
      const uncached = await PrismaStorage.open(db, { compactIntervalMs: 0, readCacheSize: 0 });
      const b = await uncached.create(key, { apiVersion: "v1", kind: "ConfigMap", metadata: { namespace: "d", name: "b" } });
      expect((await uncached.get(key, "d", "b"))?.metadata.name).toBe("b");
      expect(queries.filter((q) => q.includes("FROM objects WHERE"))).toHaveLength(1);
      // Its writes still reach the shared cache.
      expect((await s.get(key, "d", "b"))?.metadata.resourceVersion).toBe(b.metadata.resourceVersion);
      await uncached.update(key, { ...b, data: { v: "3" } }, b.metadata.resourceVersion!);
      await uncached.close();
      expect((await s.get(key, "d", "b"))?.data).toEqual({ v: "3" });
      expect(queries.filter((q) => q.includes("FROM objects WHERE"))).toHaveLength(1);
      // Events stay out of the cache: every read of one goes to the database, and is exact.
      const events = { group: "", resource: "events" };
      const ev = await s.create(events, { apiVersion: "v1", kind: "Event", metadata: { namespace: "d", name: "e1" }, reason: "Created" });
      expect((await s.get(events, "d", "e1"))?.metadata.resourceVersion).toBe(ev.metadata.resourceVersion);
      await s.update(events, { ...ev, count: 2 }, ev.metadata.resourceVersion!);
      expect((await other.get(events, "d", "e1"))?.count).toBe(2);
      expect(queries.filter((q) => q.includes("FROM objects WHERE"))).toHaveLength(3);
    } finally {
      await other.close();
      await s.close();
      await db.close();
    }
  });

  it("analyzes its tables as they grow, so the group commit probes objects by primary key (PGlite has no autovacuum)", async () => {
    const { s, db } = await make({ analyzeIntervalMs: 0 });
    try {
      const key = { group: "", resource: "configmaps" };
      const flushStats = () => db.sql.query(`SELECT pg_stat_force_next_flush()`).then(() => db.sql.query(`SELECT 1`));
      await flushStats();
      expect(await analyzeStaleTables(db.sql)).toEqual([]);
      // Enough rows that a probe beats reading the table (on a page or two the planner rightly scans).
      for (let chunk = 0; chunk < 2000; chunk += 250) {
        await Promise.all(Array.from({ length: 250 }, (_, i) => s.create(key, { apiVersion: "v1", kind: "ConfigMap", metadata: { namespace: "d", name: `c${chunk + i}` } })));
      }
      const keys = JSON.stringify([{ group: "", resource: "configmaps", namespace: "d", name: "c1", whole: true, i: 0 }]);
      const gone = JSON.stringify([{ group: "", resource: "configmaps", namespace: "d", name: "c1" }]);
      // Probes with and without statistics: never a scan of objects, nor a walk of the resource's key order.
      const expectProbes = async () => {
        const read = await explain(db.sql, `EXECUTE flotilla_gc_lock_read('${keys}')`);
        expect(read).toContain("Index Scan using objects_pkey on objects");
        expect(read).not.toContain("Seq Scan on objects");
        const write = await explain(db.sql, `EXECUTE flotilla_gc_write('[]', '${gone}', '[]', 1000000)`);
        expect(write).toContain("Tid Scan on objects");
        expect(write).not.toContain("Seq Scan on objects");
      };
      await expectProbes();
      await flushStats();
      expect(await analyzeStaleTables(db.sql)).toEqual(["objects"]);
      await flushStats();
      expect(await analyzeStaleTables(db.sql)).toEqual([]);
      await expectProbes();
    } finally {
      await s.close();
      await db.close();
    }
  });

  it("vacuums its tables as rows are rewritten, so the embedded store's size stops growing (PGlite has no autovacuum)", async () => {
    const { s, db } = await make({ analyzeIntervalMs: 0 });
    try {
      const key = { group: "", resource: "configmaps" };
      const flushStats = () => db.sql.query(`SELECT pg_stat_force_next_flush()`).then(() => db.sql.query(`SELECT 1`));
      const size = async () => Number((await db.sql.query<{ n: unknown }>(`SELECT pg_total_relation_size('objects') AS n`))[0].n);
      const vacuum = new EmbeddedVacuum();
      const objs: KubeObject[] = [];
      for (let i = 0; i < 200; i++) objs.push(await s.create(key, { apiVersion: "v1", kind: "ConfigMap", metadata: { namespace: "d", name: `v${i}` }, data: { v: "x".repeat(4000) } }));
      // Each round rewrites every object (out of line, so each version leaves dead TOAST chunks).
      const round = async (n: number) => {
        for (let i = 0; i < objs.length; i++) objs[i] = await s.update(key, { ...objs[i], data: { v: `${n}`.repeat(4000) } }, objs[i].metadata.resourceVersion!);
        await flushStats();
        return vacuum.run(db.sql);
      };
      await flushStats();
      expect(await vacuum.run(db.sql)).toEqual([]); // first sight: counters taken as the baseline
      expect(await round(1)).toEqual(["objects"]); // 200 updates > 50 + 0.2 * 200
      for (let n = 2; n <= 3; n++) await round(n);
      const settled = await size();
      for (let n = 4; n <= 8; n++) await round(n);
      // Without VACUUM, five more rounds add five more copies of every object (about 4 MB here).
      expect(await size()).toBeLessThan(settled * 1.2);
      expect(await vacuum.run(db.sql)).toEqual([]); // nothing changed since the last one
    } finally {
      await s.close();
      await db.close();
    }
  });

  it("concurrent read-modify-writes lose no increment", async () => {
    const { s, db } = await make();
    try {
      await expectConcurrentIncrements(db, s);
    } finally {
      await s.close();
      await db.close();
    }
  });

  it("writes on what a batch assumes when it knows the counter, and reads first when another writer moved it", async () => {
    const { s, db } = await make();
    const other = await PrismaStorage.open(db, { compactIntervalMs: 0 });
    try {
      await expectAssumedWritesChecked(db, s, other);
    } finally {
      await other.close();
      await s.close();
      await db.close();
    }
  });

  it("stores large objects uncompressed", async () => {
    const { s, db } = await make();
    try {
      await expectUncompressed(s, db.sql);
    } finally {
      await s.close();
      await db.close();
    }
  });

  describeStorageContract(
    "PrismaStorage/PGlite",
    async () => {
      const { s, db } = await make();
      return owning(s, () => db.close());
    },
    {
      withSmallEventLog: async (events) => {
        const { s, db } = await make({ retention: { minEvents: events, minAgeMs: 0 }, cacheSize: 1000 });
        return { storage: owning(s, () => db.close()), compact: async () => void (await s.compact()) };
      },
    },
  );
});

const serverUrl = testServerUrl();

describe.skipIf(!serverUrl)("PrismaStorage on PostgreSQL", () => {
  let drop: () => Promise<void> = async () => {};
  let db: Database;
  beforeAll(async () => {
    const t = await createTestDatabase(serverUrl!);
    drop = t.drop;
    db = await openDatabase({ url: t.url, dataDir: "/nonexistent" });
  });
  afterAll(async () => {
    await db?.close();
    await drop();
  });
  async function make(opts: PrismaStorageOptions = {}) {
    await db.sql.query(RESET_OBJECT_STORE_SQL);
    return PrismaStorage.open(db, { compactIntervalMs: 0, ...opts });
  }
  it("concurrent read-modify-writes lose no increment", async () => {
    const s = await make();
    try {
      await expectConcurrentIncrements(db, s);
    } finally {
      await s.close();
    }
  });

  it("writes on what a batch assumes when it knows the counter, and reads first when another replica moved it", async () => {
    const s = await make();
    const other = await PrismaStorage.open(db, { compactIntervalMs: 0 });
    try {
      await expectAssumedWritesChecked(db, s, other);
    } finally {
      await other.close();
      await s.close();
    }
  });

  it("stores large objects uncompressed", async () => {
    const s = await make();
    try {
      await expectUncompressed(s, db.sql);
    } finally {
      await s.close();
    }
  });

  describeStorageContract("PrismaStorage/PostgreSQL", () => make(), {
    withSmallEventLog: async (events) => {
      const s = await make({ retention: { minEvents: events, minAgeMs: 0 }, cacheSize: 1000 });
      return { storage: s, compact: async () => void (await s.compact()) };
    },
  });
});
