import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../database";
import { openPgliteThreads } from "./pglite-thread";

// openDatabase without a URL runs PGlite in its own thread: the doors above it must behave as before.
describe("PGlite in its thread", () => {
  let root: string;
  let db: Database;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "flotilla-thread-"));
    db = await openDatabase({ dataDir: root });
  });
  afterAll(async () => {
    await db.close();
    await rm(root, { recursive: true, force: true });
  });

  it("raw queries take parameters and return parsed rows", async () => {
    const [row] = await db.sql.query<{ n: number; j: unknown; b: unknown }>(`SELECT $1::int AS n, $2::jsonb AS j, 7::bigint AS b`, [41, JSON.stringify({ a: [1] })]);
    expect(row.n).toBe(41);
    expect(row.j).toEqual({ a: [1] });
    expect(Number(row.b)).toBe(7);
  });

  it("a transaction commits, and rolls back when its callback throws", async () => {
    await db.sql.query(`CREATE TABLE t (k text PRIMARY KEY)`);
    await db.sql.transaction(async (tx) => {
      await tx.query(`INSERT INTO t VALUES ('a')`);
    });
    await expect(
      db.sql.transaction(async (tx) => {
        await tx.query(`INSERT INTO t VALUES ('b')`);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db.sql.query(`SELECT k FROM t ORDER BY k`)).toEqual([{ k: "a" }]);
  });

  it("a failing statement rejects with Postgres' code and message, and the transaction is rolled back", async () => {
    const err = await db.sql
      .transaction(async (tx) => {
        await tx.query(`INSERT INTO t VALUES ('c')`);
        await tx.query(`INSERT INTO t VALUES ('a')`);
      })
      .then(
        () => undefined,
        (e: unknown) => e as Error & { code?: string },
      );
    expect(err).toMatchObject({ code: "23505" });
    expect(err?.message).toMatch(/duplicate key/);
    expect(await db.sql.query(`SELECT k FROM t ORDER BY k`)).toEqual([{ k: "a" }]);
  });

  it("named statements run prepared, with their arguments inline, in and out of transactions", async () => {
    const sql = `SELECT $1::jsonb -> 'a' AS a, $2::bigint + 1 AS n, $3::text AS s`;
    const args = [JSON.stringify({ a: "it's \\ ok" }), 41, null];
    const [once] = await db.sql.query(sql, args, { name: "t_named" });
    const [again] = await db.sql.transaction((tx) => tx.query(sql, args, { name: "t_named" }));
    for (const row of [once, again]) {
      expect(row.a).toBe("it's \\ ok");
      expect(Number(row.n)).toBe(42);
      expect(row.s).toBeNull();
    }
    const [p] = await db.sql.query(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name = 't_named'`);
    expect(p.n).toBe(1);
  });

  it("a transaction's `last` query commits with it; when it fails, the transaction rolls back", async () => {
    await db.sql.query(`CREATE TABLE l (k text PRIMARY KEY)`);
    await db.sql.transaction(async (tx) => {
      await tx.query(`INSERT INTO l VALUES ('a')`);
      await tx.query(`INSERT INTO l VALUES ($1)`, ["b"], { name: "t_last", last: true });
      await expect(tx.query(`SELECT 1`)).rejects.toThrow(/last/);
    });
    await expect(
      db.sql.transaction(async (tx) => {
        await tx.query(`INSERT INTO l VALUES ('c')`);
        await tx.query(`INSERT INTO l VALUES ($1)`, ["a"], { name: "t_last", last: true });
      }),
    ).rejects.toMatchObject({ code: "23505" });
    expect(await db.sql.query(`SELECT k FROM l ORDER BY k`)).toEqual([{ k: "a" }, { k: "b" }]);
    // The thread is still usable: no transaction was left open.
    await db.sql.transaction((tx) => tx.query(`INSERT INTO l VALUES ('d')`, [], { last: true }));
    expect((await db.sql.query(`SELECT k FROM l ORDER BY k`)).map((r) => r.k)).toEqual(["a", "b", "d"]);
  });

  it("Prisma queries, maps constraint errors and runs interactive transactions", async () => {
    await db.prisma.user.create({ data: { username: "alice", passwordHash: "x" } });
    await expect(db.prisma.user.create({ data: { username: "alice", passwordHash: "y" } })).rejects.toMatchObject({ code: "P2002" });
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.user.create({ data: { username: "bob", passwordHash: "x" } });
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    await db.prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { username: "alice" }, data: { passwordHash: "z" } });
    });
    const users = await db.prisma.user.findMany({ orderBy: { username: "asc" } });
    expect(users.map((u) => [u.username, u.passwordHash])).toEqual([["alice", "z"]]);
    expect(users[0].createdAt).toBeInstanceOf(Date);
  });

  it("reports its WASM memory and heap, and is listed as open until closed", async () => {
    const [thread] = [...openPgliteThreads];
    const m = await thread.memory();
    // PGlite starts with well over 64 MB of linear memory (shared buffers alone are 32 MB here).
    expect(m.wasmBytes).toBeGreaterThan(64 * 2 ** 20);
    expect(m.heapUsed).toBeGreaterThan(0);
    expect(m.heapTotal).toBeGreaterThanOrEqual(m.heapUsed);
  });

  it("close is idempotent and later calls reject", async () => {
    const open = openPgliteThreads.size;
    await db.close();
    expect(openPgliteThreads.size).toBe(open - 1);
    await db.close();
    await expect(db.sql.query(`SELECT 1`)).rejects.toThrow(/PGlite thread/);
  });
});
