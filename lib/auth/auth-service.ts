import { randomBytes } from "node:crypto";
import type { AuthService, UserInfo } from "../server/handle";
import { sessionTokenOf } from "../api/cookies";
import { hashPassword, safeEqual, tokenHash, verifyPassword } from "./password";

/**
 * What authentication needs from persistence. Sessions and API tokens are looked up by the
 * SHA-256 of the token; the tokens themselves are never stored.
 */
export interface AuthStore {
  findUser(username: string): Promise<{ id: string; username: string; passwordHash: string } | null>;
  upsertUser(username: string, passwordHash: string): Promise<void>;
  createSession(username: string, tokenHash: string, expiresAt: Date): Promise<void>;
  findSession(tokenHash: string): Promise<{ username: string; expiresAt: Date } | null>;
  deleteSession(tokenHash: string): Promise<void>;
  findApiToken(tokenHash: string): Promise<{ name: string; kind: string; clusterName?: string | null; expiresAt?: Date | null; revokedAt?: Date | null } | null>;
}

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

export function createAuthService(opts: { store: AuthStore; adminToken: string; now?: () => Date }): AuthService {
  const { store, adminToken } = opts;
  const now = opts.now ?? (() => new Date());

  async function sessionUser(token: string): Promise<UserInfo | null> {
    const s = await store.findSession(tokenHash(token));
    if (!s || s.expiresAt <= now()) return null;
    return { username: s.username, kind: "user" };
  }

  async function bearerUser(token: string): Promise<UserInfo | null> {
    if (safeEqual(token, adminToken)) return { username: "admin", kind: "token" };
    const t = await store.findApiToken(tokenHash(token));
    if (!t || t.revokedAt || (t.expiresAt && t.expiresAt <= now())) return null;
    // Bootstrap tokens only register a cluster: they are exchanged, never used as API credentials.
    if (t.kind === "bootstrap") return null;
    if (t.kind === "agent") return { username: `system:agent:${t.clusterName}`, kind: "agent", cluster: t.clusterName ?? undefined };
    return { username: t.name, kind: "token" };
  }

  return {
    async authenticate(req) {
      const auth = req.headers.get("authorization");
      if (auth) {
        const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
        return m ? bearerUser(m[1].trim()) : null;
      }
      const cookie = sessionTokenOf(req);
      return cookie ? sessionUser(cookie) : null;
    },
    async signIn(username, password) {
      const user = await store.findUser(username);
      // Hash anyway when the user is unknown, so timing does not reveal which usernames exist.
      const ok = user ? await verifyPassword(password, user.passwordHash) : (await hashPassword(password), false);
      if (!user || !ok) return null;
      const token = randomBytes(32).toString("base64url");
      const expiresAt = new Date(now().getTime() + SESSION_TTL_MS);
      await store.createSession(user.username, tokenHash(token), expiresAt);
      return { token, expiresAt };
    },
    async signOut(token) {
      await store.deleteSession(tokenHash(token));
    },
    sessionUser,
  };
}

/** Makes sure `admin` exists; an explicit password (FLOTILLA_ADMIN_PASSWORD) always wins over the stored one. */
export async function ensureAdminUser(store: AuthStore, password: string, explicit: boolean): Promise<void> {
  const existing = await store.findUser("admin");
  if (existing && !(explicit && !(await verifyPassword(password, existing.passwordHash)))) return;
  await store.upsertUser("admin", await hashPassword(password));
}
