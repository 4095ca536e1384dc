import { describe, expect, it } from "vitest";
import { runHandover } from "../../bench/scale/replicas";

/**
 * Several replicas: two control plane processes against one fresh Postgres database, members
 * in a third process. Only the lease holder runs controllers; SIGKILL it while Deployments are
 * being propagated and the other one takes over within 15 s and finishes the job: every
 * Deployment on every member, one Work per (binding, member), nothing lost or duplicated.
 * Postgres only: runs when FLOTILLA_TEST_STORE=postgres and TEST_DATABASE_URL are set.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const enabled = process.env.FLOTILLA_TEST_STORE === "postgres" && !!serverUrl;
const DEPLOYMENTS = 150;
const MEMBERS = 3;

describe.skipIf(!enabled)("leader hand-over between two replicas", () => {
  it("the follower takes over within 15 s of a SIGKILL and finishes with nothing lost or duplicated", async () => {
    const r = await runHandover({ serverUrl: serverUrl!, deployments: DEPLOYMENTS, members: MEMBERS, leaseDurationMs: 10_000 });
    // Only the lease holder ran controllers while it lived.
    expect(r.followerLedEarly).toBe(false);
    // Killed mid-way: some Works were done, not all.
    expect(r.appliedAtKill).toBeGreaterThan(0);
    expect(r.appliedAtKill).toBeLessThan(DEPLOYMENTS * MEMBERS);
    expect(r.handoverMs).toBeLessThan(15_000);
    expect(r.missing).toEqual([]);
    expect(Object.values(r.perMember)).toEqual([DEPLOYMENTS, DEPLOYMENTS, DEPLOYMENTS]);
    expect(r.bindings).toBe(DEPLOYMENTS);
    expect(r.works).toBe(DEPLOYMENTS * MEMBERS);
    expect(r.duplicateWorks).toBe(0);
  }, 300_000);
});
