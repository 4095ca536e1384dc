import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteSqlClient } from "../store/sql-client";
import { LeaderLease, readLease } from "../store/leader-lease";
import { migratedPglite } from "../store/test-databases";
import { freeEmbeddedLease } from "./embedded-lease";

describe("freeEmbeddedLease", () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await migratedPglite();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("a restarted process leads at once instead of waiting out its dead predecessor's lease", async () => {
    const sql = pgliteSqlClient(db);
    const mk = (identity: string) => new LeaderLease({ sql, name: "cm", identity, leaseDurationMs: 60_000, retryPeriodMs: 50 });
    const dead = mk("dead");
    dead.start();
    await expect.poll(() => dead.isLeader).toBe(true);
    dead.halt(); // as a SIGKILL leaves it: the row still names it for a minute

    const blocked = mk("blocked");
    expect(await blocked.tryAcquireOrRenew()).toBe(false);

    // A holder of this very process is never freed.
    await freeEmbeddedLease(sql, "cm", "dea");
    expect(await blocked.tryAcquireOrRenew()).toBe(false);

    await freeEmbeddedLease(sql, "cm", "host-123-");
    const next = mk("next");
    expect(await next.tryAcquireOrRenew()).toBe(true);
    expect((await readLease(sql, "cm"))?.holderIdentity).toBe("next");
  });
});
