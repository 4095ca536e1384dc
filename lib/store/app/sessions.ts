import type { PrismaClient, Session, User } from "@prisma/client";
import { randomToken, sha256Hex } from "./secrets";

/** Default session lifetime: 7 days. */
export const SESSION_TTL_MS = 7 * 24 * 3600_000;

/**
 * Starts a session. Returns the token for the cookie; only its sha256 is stored (as the row id),
 * so a leaked database does not leak live sessions.
 */
export async function createSession(prisma: PrismaClient, userId: string, ttlMs = SESSION_TTL_MS): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken("fls");
  const expiresAt = new Date(Date.now() + ttlMs);
  await prisma.session.create({ data: { id: sha256Hex(token), userId, expiresAt } });
  return { token, expiresAt };
}

/** The live session and its user, or undefined (unknown or expired; an expired row is removed). */
export async function lookupSession(prisma: PrismaClient, token: string): Promise<{ session: Session; user: User } | undefined> {
  const found = await prisma.session.findUnique({ where: { id: sha256Hex(token) }, include: { user: true } });
  if (!found) return undefined;
  if (found.expiresAt.getTime() <= Date.now()) {
    await prisma.session.deleteMany({ where: { id: found.id } });
    return undefined;
  }
  const { user, ...session } = found;
  return { session, user };
}

/** Ends a session (logout). Unknown tokens are ignored. */
export async function deleteSession(prisma: PrismaClient, token: string): Promise<void> {
  await prisma.session.deleteMany({ where: { id: sha256Hex(token) } });
}

/** Housekeeping: removes expired sessions, returns how many. */
export async function deleteExpiredSessions(prisma: PrismaClient, now = new Date()): Promise<number> {
  return (await prisma.session.deleteMany({ where: { expiresAt: { lte: now } } })).count;
}
