import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "./database";
import { createTestDatabase, testServerUrl } from "./test-databases";

const serverUrl = testServerUrl();

// Write transactions on Postgres pipeline their statements (BEGIN, statements issued together, COMMIT after `last`).
describe.skipIf(!serverUrl)("pgSqlClient transactions on PostgreSQL", () => {
  let drop: () => Promise<void> = async () => {};
  let db: Database;
  beforeAll(async () => {
    const t = await createTestDatabase(serverUrl!);
    drop = t.drop;
    db = await openDatabase({ url: t.url, dataDir: "/nonexistent" });
    await db.sql.query(`CREATE TABLE p (k text PRIMARY KEY, n int)`);
  });
  afterAll(async () => {
    await db?.close();
    await drop();
  });

  it("statements issued together run in order in one transaction, and `last` commits", async () => {
    const [a, b, c] = await db.sql.transaction((tx) =>
      Promise.all([
        tx.query(`INSERT INTO p VALUES ('a', 1) RETURNING txid_current() AS x`),
        tx.query(`UPDATE p SET n = n + 1 WHERE k = $1 RETURNING n, txid_current() AS x`, ["a"], { name: "t_bump" }),
        tx.query(`SELECT n, txid_current() AS x FROM p WHERE k = $1`, ["a"], { name: "t_read", last: true }),
      ]),
    );
    expect(b[0].n).toBe(2);
    expect(c[0].n).toBe(2);
    expect(new Set([a[0].x, b[0].x, c[0].x]).size).toBe(1);
    expect(await db.sql.query(`SELECT n FROM p WHERE k = 'a'`)).toEqual([{ n: 2 }]);
  });

  it("a failing statement rolls the whole transaction back, even with COMMIT already sent", async () => {
    const err = await db.sql
      .transaction(async (tx) => {
        await tx.query(`UPDATE p SET n = 100 WHERE k = 'a'`);
        await tx.query(`INSERT INTO p VALUES ($1, 0)`, ["a"], { name: "t_ins", last: true });
      })
      .catch((e: unknown) => e as { code?: string });
    expect(err).toMatchObject({ code: "23505" });
    await expect(db.sql.transaction(async (tx) => {
      await tx.query(`SELECT 1`, [], { last: true });
      await tx.query(`SELECT 2`);
    })).rejects.toThrow(/last/);
    // Nothing committed, and the pooled connections still work.
    for (let i = 0; i < 3; i++) expect(await db.sql.transaction((tx) => tx.query(`SELECT n FROM p WHERE k = 'a'`, [], { last: true }))).toEqual([{ n: 2 }]);
  });
});
