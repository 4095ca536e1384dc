import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteDatabase, type Database } from "../database";
import { migratedPglite } from "../test-databases";
import {
  appendAudit,
  appendMetricSamples,
  createApiToken,
  createSession,
  createUser,
  deleteSession,
  listApiTokens,
  listAudit,
  lookupApiToken,
  lookupSession,
  queryMetricSamples,
  revokeApiToken,
  verifyUser,
} from "./index";

describe("app store on PGlite", () => {
  let db: Database;
  let base: PGlite;
  beforeAll(async () => {
    base = await migratedPglite();
    db = pgliteDatabase((await base.clone()) as PGlite);
  });
  afterAll(async () => {
    await db?.close();
    await base?.close();
  });

  it("users: create, verify, unique names", async () => {
    const u = await createUser(db.prisma, { username: "admin", password: "s3cret" });
    expect(u.passwordHash).not.toContain("s3cret");
    expect((await verifyUser(db.prisma, "admin", "s3cret"))?.id).toBe(u.id);
    expect(await verifyUser(db.prisma, "admin", "wrong")).toBeUndefined();
    expect(await verifyUser(db.prisma, "nobody", "s3cret")).toBeUndefined();
    await expect(createUser(db.prisma, { username: "admin", password: "x" })).rejects.toMatchObject({ code: "P2002" });
  });

  it("sessions: token stored hashed, lookup, expiry, logout", async () => {
    const u = await createUser(db.prisma, { username: "sess", password: "p" });
    const { token } = await createSession(db.prisma, u.id);
    expect(await db.prisma.session.count({ where: { id: token } })).toBe(0);
    expect((await lookupSession(db.prisma, token))?.user.username).toBe("sess");
    expect(await lookupSession(db.prisma, token + "x")).toBeUndefined();
    await deleteSession(db.prisma, token);
    expect(await lookupSession(db.prisma, token)).toBeUndefined();
    const expired = await createSession(db.prisma, u.id, -1000);
    expect(await lookupSession(db.prisma, expired.token)).toBeUndefined();
  });

  it("API tokens: lookup while valid, not after revoke or expiry, list by kind", async () => {
    const agent = await createApiToken(db.prisma, { name: "member1-agent", kind: "agent", clusterName: "member1" });
    expect(agent.record.tokenHash).not.toBe(agent.token);
    const found = await lookupApiToken(db.prisma, agent.token);
    expect(found?.clusterName).toBe("member1");
    expect(found?.lastUsedAt).toBeInstanceOf(Date);
    const old = await createApiToken(db.prisma, { name: "old", kind: "bootstrap", expiresAt: new Date(Date.now() - 1) });
    expect(await lookupApiToken(db.prisma, old.token)).toBeUndefined();
    expect((await listApiTokens(db.prisma, { kind: "agent" })).map((t) => t.name)).toEqual(["member1-agent"]);
    expect(await revokeApiToken(db.prisma, agent.record.id)).toBe(true);
    expect(await revokeApiToken(db.prisma, agent.record.id)).toBe(false);
    expect(await lookupApiToken(db.prisma, agent.token)).toBeUndefined();
    expect(await listApiTokens(db.prisma, { kind: "agent" })).toEqual([]);
    expect(await listApiTokens(db.prisma, { kind: "agent", includeRevoked: true })).toHaveLength(1);
  });

  it("audit log appends and lists newest first", async () => {
    await appendAudit(db.prisma, { user: "admin", verb: "create", resource: "deployments.apps", name: "web", code: 201 });
    await appendAudit(db.prisma, { user: "admin", verb: "delete", resource: "deployments.apps", name: "web", code: 200 });
    expect((await listAudit(db.prisma, { limit: 10 })).map((a) => a.verb)).toEqual(["delete", "create"]);
  });

  it("metric samples query by cluster and half-open time range", async () => {
    const t0 = new Date("2026-01-01T00:00:00Z").getTime();
    const sample = (cluster: string, minute: number) => ({
      cluster,
      time: new Date(t0 + minute * 60_000),
      ready: true,
      cpuAllocatable: 8,
      cpuAllocated: minute,
      memoryAllocatable: 16 * 2 ** 30,
      memoryAllocated: 2 ** 30,
      podsAllocatable: 110,
      podsAllocated: minute,
    });
    await appendMetricSamples(db.prisma, [sample("m1", 0), sample("m1", 1), sample("m1", 2), sample("m2", 1)]);
    const got = await queryMetricSamples(db.prisma, { cluster: "m1", from: new Date(t0 + 60_000), to: new Date(t0 + 120_000) });
    expect(got.map((s) => s.cpuAllocated)).toEqual([1]);
    expect((await queryMetricSamples(db.prisma, { cluster: "m1", from: new Date(t0), to: new Date(t0 + 3 * 60_000) })).map((s) => s.podsAllocated)).toEqual([0, 1, 2]);
  });
});
