import { describe, it, expect } from "vitest";
import { createAuthService, ensureAdminUser, type AuthStore } from "./auth-service";
import { tokenHash } from "./password";

function memoryAuthStore() {
  const users = new Map<string, { id: string; username: string; passwordHash: string }>();
  const sessions = new Map<string, { username: string; expiresAt: Date }>();
  const tokens = new Map<string, { name: string; kind: string; clusterName?: string; expiresAt?: Date; revokedAt?: Date }>();
  const store: AuthStore = {
    findUser: async (u) => users.get(u) ?? null,
    upsertUser: async (u, h) => void users.set(u, { id: u, username: u, passwordHash: h }),
    createSession: async (u, h, e) => void sessions.set(h, { username: u, expiresAt: e }),
    findSession: async (h) => sessions.get(h) ?? null,
    deleteSession: async (h) => void sessions.delete(h),
    findApiToken: async (h) => tokens.get(h) ?? null,
  };
  return { store, users, sessions, tokens };
}

const req = (headers: Record<string, string>) => new Request("http://x/api", { headers });

describe("auth service", () => {
  it("signs in with the admin password and keeps the session until sign-out", async () => {
    const m = memoryAuthStore();
    await ensureAdminUser(m.store, "pw1", false);
    const auth = createAuthService({ store: m.store, adminToken: "admintok" });
    expect(await auth.signIn("admin", "nope")).toBeNull();
    expect(await auth.signIn("ghost", "pw1")).toBeNull();
    const s = await auth.signIn("admin", "pw1");
    expect(s).not.toBeNull();
    expect([...m.sessions.keys()]).not.toContain(s!.token);
    expect(await auth.authenticate(req({ cookie: `flotilla_session=${s!.token}` }))).toMatchObject({ username: "admin", kind: "user" });
    await auth.signOut(s!.token);
    expect(await auth.authenticate(req({ cookie: `flotilla_session=${s!.token}` }))).toBeNull();
  });

  it("accepts the admin token and live API tokens, refuses revoked, expired and bootstrap ones", async () => {
    const m = memoryAuthStore();
    const auth = createAuthService({ store: m.store, adminToken: "admintok" });
    expect(await auth.authenticate(req({ authorization: "Bearer admintok" }))).toMatchObject({ kind: "token" });
    expect(await auth.authenticate(req({ authorization: "Bearer wrong" }))).toBeNull();
    m.tokens.set(tokenHash("agent1"), { name: "a", kind: "agent", clusterName: "m1" });
    m.tokens.set(tokenHash("revoked"), { name: "r", kind: "api", revokedAt: new Date() });
    m.tokens.set(tokenHash("old"), { name: "o", kind: "api", expiresAt: new Date(0) });
    m.tokens.set(tokenHash("boot"), { name: "b", kind: "bootstrap", clusterName: "m1" });
    expect(await auth.authenticate(req({ authorization: "Bearer agent1" }))).toMatchObject({ kind: "agent", cluster: "m1" });
    for (const t of ["revoked", "old", "boot"]) expect(await auth.authenticate(req({ authorization: `Bearer ${t}` }))).toBeNull();
    expect(await auth.authenticate(req({}))).toBeNull();
  });

  it("an explicit admin password replaces the stored one; a generated one does not", async () => {
    const m = memoryAuthStore();
    await ensureAdminUser(m.store, "first", false);
    await ensureAdminUser(m.store, "second", false);
    const auth = createAuthService({ store: m.store, adminToken: "t" });
    expect(await auth.signIn("admin", "first")).not.toBeNull();
    await ensureAdminUser(m.store, "third", true);
    expect(await auth.signIn("admin", "first")).toBeNull();
    expect(await auth.signIn("admin", "third")).not.toBeNull();
  });
});
