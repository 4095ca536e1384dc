import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteSqlClient } from "./sql-client";
import { LeaderLease, readLease } from "./leader-lease";
import { migratedPglite } from "./test-databases";

describe("LeaderLease", () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await migratedPglite();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("one holder at a time; another takes over after the holder stops renewing", async () => {
    const sql = pgliteSqlClient(db);
    const events: string[] = [];
    const mk = (id: string) =>
      new LeaderLease({
        sql,
        name: "takeover",
        identity: id,
        leaseDurationMs: 400,
        retryPeriodMs: 50,
        onStartedLeading: () => events.push(`${id} leads`),
        onLost: () => events.push(`${id} lost`),
      });
    const a = mk("a");
    const b = mk("b");
    a.start();
    await expect.poll(() => a.isLeader).toBe(true);
    b.start();
    // b keeps trying while a renews: well past one lease duration, a still leads.
    await new Promise((r) => setTimeout(r, 800));
    expect(a.isLeader).toBe(true);
    expect(b.isLeader).toBe(false);
    a.halt();
    const stoppedAt = Date.now();
    await expect.poll(() => b.isLeader, { timeout: 3000 }).toBe(true);
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(300);
    const lease = await readLease(sql, "takeover");
    expect(lease?.holderIdentity).toBe("b");
    expect(lease?.leaseTransitions).toBe(1);
    // a comes back: its renewal fails, and it learns it lost.
    a.start();
    await expect.poll(() => events.includes("a lost")).toBe(true);
    expect(a.isLeader).toBe(false);
    expect(events).toEqual(["a leads", "b leads", "a lost"]);
    await b.release();
    await expect.poll(() => a.isLeader, { timeout: 1000 }).toBe(true);
    await a.release();
    expect((await readLease(sql, "takeover"))?.holderIdentity).toBeUndefined();
  });

  it("tryAcquireOrRenew: table of who may take the row", async () => {
    const sql = pgliteSqlClient(db);
    const lease = (id: string, ms: number) => new LeaderLease({ sql, name: "table", identity: id, leaseDurationMs: ms });
    expect(await lease("x", 60_000).tryAcquireOrRenew()).toBe(true); // free row
    expect(await lease("x", 60_000).tryAcquireOrRenew()).toBe(true); // own row: renew
    expect(await lease("y", 60_000).tryAcquireOrRenew()).toBe(false); // held and fresh
    await sql.query(`UPDATE leader_leases SET renew_time = now() - interval '2 minutes' WHERE name = 'table'`);
    expect(await lease("y", 60_000).tryAcquireOrRenew()).toBe(true); // expired
    expect(await lease("x", 60_000).tryAcquireOrRenew()).toBe(false);
  });
});
