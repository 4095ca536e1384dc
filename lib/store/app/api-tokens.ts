import type { ApiToken, PrismaClient } from "@prisma/client";
import { randomToken, sha256Hex } from "./secrets";

export type ApiTokenKind = "admin" | "bootstrap" | "agent";

export interface CreateApiTokenInput {
  name: string;
  kind: ApiTokenKind;
  /** The member cluster an agent or bootstrap token is bound to. */
  clusterName?: string;
  expiresAt?: Date;
}

/** lastUsedAt is refreshed at most this often, so authenticating a request rarely writes. */
const LAST_USED_GRANULARITY_MS = 60_000;

/** Issues a token. The secret is returned once; only its sha256 is stored. */
export async function createApiToken(prisma: PrismaClient, input: CreateApiTokenInput): Promise<{ token: string; record: ApiToken }> {
  const token = randomToken(input.kind === "agent" ? "fla" : input.kind === "bootstrap" ? "flb" : "flt");
  const record = await prisma.apiToken.create({
    data: { name: input.name, kind: input.kind, clusterName: input.clusterName ?? null, expiresAt: input.expiresAt ?? null, tokenHash: sha256Hex(token) },
  });
  return { token, record };
}

/** The token's record when it is valid now (not revoked, not expired); undefined otherwise. */
export async function lookupApiToken(prisma: PrismaClient, token: string, now = new Date()): Promise<ApiToken | undefined> {
  const record = await prisma.apiToken.findUnique({ where: { tokenHash: sha256Hex(token) } });
  if (!record || record.revokedAt || (record.expiresAt && record.expiresAt.getTime() <= now.getTime())) return undefined;
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS) {
    await prisma.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: now } });
    record.lastUsedAt = now;
  }
  return record;
}

/** Revokes by id; true when a live token was revoked. */
export async function revokeApiToken(prisma: PrismaClient, id: string, now = new Date()): Promise<boolean> {
  return (await prisma.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } })).count > 0;
}

/** Tokens newest first, optionally of one kind or cluster; revoked ones only when asked. */
export async function listApiTokens(
  prisma: PrismaClient,
  filter: { kind?: ApiTokenKind; clusterName?: string; includeRevoked?: boolean } = {},
): Promise<ApiToken[]> {
  return prisma.apiToken.findMany({
    where: {
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.clusterName ? { clusterName: filter.clusterName } : {}),
      ...(filter.includeRevoked ? {} : { revokedAt: null }),
    },
    orderBy: { createdAt: "desc" },
  });
}
