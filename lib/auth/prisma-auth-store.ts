import type { PrismaClient } from "@prisma/client";
import type { AuthStore } from "./auth-service";

/** AuthStore over the relational tables (users, sessions, api_tokens) of lib/store's schema. */
export function prismaAuthStore(db: { prisma: PrismaClient }): AuthStore {
  const { prisma } = db;
  return {
    async findUser(username) {
      return prisma.user.findUnique({ where: { username }, select: { id: true, username: true, passwordHash: true } });
    },
    async upsertUser(username, passwordHash) {
      await prisma.user.upsert({ where: { username }, create: { username, passwordHash }, update: { passwordHash } });
    },
    async createSession(username, tokenHash, expiresAt) {
      const user = await prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
      await prisma.session.create({ data: { id: tokenHash, userId: user.id, expiresAt } });
    },
    async findSession(tokenHash) {
      const s = await prisma.session.findUnique({ where: { id: tokenHash }, select: { expiresAt: true, user: { select: { username: true } } } });
      return s ? { username: s.user.username, expiresAt: s.expiresAt } : null;
    },
    async deleteSession(tokenHash) {
      await prisma.session.deleteMany({ where: { id: tokenHash } });
    },
    async findApiToken(tokenHash) {
      return prisma.apiToken.findUnique({
        where: { tokenHash },
        select: { name: true, kind: true, clusterName: true, expiresAt: true, revokedAt: true },
      });
    },
  };
}
