import { randomBytes, randomUUID } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { tokenHash } from "../auth/password";
import { errors, causes } from "../kube/errors";

/**
 * Pull-mode registration credentials (issue 7). A **bootstrap** token registers one named
 * cluster: it expires, can be revoked, and is good for a single exchange. The exchange returns
 * the cluster's **agent** credential (ApiToken kind `agent`), which lib/auth authenticates as
 * `system:agent:<cluster>` and lib/agent/authorization.ts confines to that cluster. Only the
 * SHA-256 of a token is stored; the token itself is shown once.
 */
export type PullTokenKind = "bootstrap" | "agent";

/** A stored token as listed (never the token or its hash). */
export interface PullTokenRecord {
  id: string;
  name: string;
  kind: PullTokenKind;
  clusterName: string;
  expiresAt: string | null;
  revokedAt: string | null;
  createdAt: string;
  /** For bootstrap tokens: when it was exchanged (single use). */
  lastUsedAt: string | null;
  /** Active, Expired, Revoked or (bootstrap only) Used. */
  state: "Active" | "Expired" | "Revoked" | "Used";
}

interface Row {
  id: string;
  name: string;
  kind: string;
  clusterName: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** Persistence of the api_tokens rows this module owns (Prisma in production, memory in tests). */
export interface PullTokenStore {
  insert(row: { id: string; name: string; kind: PullTokenKind; clusterName: string; tokenHash: string; expiresAt: Date | null }): Promise<void>;
  findByHash(hash: string): Promise<Row | null>;
  list(): Promise<Row[]>;
  /** Sets revokedAt if unset; null when no such pull token. */
  revoke(id: string, at: Date): Promise<Row | null>;
  /** Sets lastUsedAt only if still unset; true when this call did (the single use). */
  markUsed(id: string, at: Date): Promise<boolean>;
  /** Revokes every agent credential of a cluster but `keepId`. */
  revokeAgents(clusterName: string, keepId: string, at: Date): Promise<void>;
}

export const DEFAULT_BOOTSTRAP_TTL_SECONDS = 24 * 3600;
const MAX_TTL_SECONDS = 30 * 24 * 3600;
const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export interface IssueInput {
  clusterName: string;
  ttlSeconds?: number;
}

export interface IssuedToken {
  id: string;
  token: string;
  clusterName: string;
  expiresAt: string;
}

export interface ExchangedCredential {
  id: string;
  token: string;
  clusterName: string;
}

export interface PullTokenService {
  issue(input: unknown): Promise<IssuedToken>;
  list(): Promise<PullTokenRecord[]>;
  revoke(id: string): Promise<PullTokenRecord>;
  /** Bootstrap token (from the Authorization header) + requested cluster → agent credential. */
  exchange(bootstrapToken: string, clusterName: string): Promise<ExchangedCredential>;
  /**
   * Revokes every agent credential of a cluster (its Cluster is gone: the agent must stop
   * rather than keep a foothold); bootstrap tokens stay, so the cluster can be registered again.
   */
  revokeAgentsOf(clusterName: string): Promise<void>;
}

/** Validates an issue request: a DNS-1123 cluster name and a TTL between 1 s and 30 days. */
export function parseIssueInput(input: unknown): Required<IssueInput> {
  const body = (input ?? {}) as Record<string, unknown>;
  const bad = [];
  const clusterName = body.clusterName;
  if (typeof clusterName !== "string" || !clusterName) bad.push(causes.required("clusterName"));
  else if (!NAME.test(clusterName) || clusterName.length > 48) bad.push(causes.invalid("clusterName", clusterName, "a lowercase RFC 1123 label of at most 48 characters"));
  const ttl = body.ttlSeconds ?? DEFAULT_BOOTSTRAP_TTL_SECONDS;
  if (typeof ttl !== "number" || !Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TTL_SECONDS) bad.push(causes.invalid("ttlSeconds", ttl, `must be an integer between 1 and ${MAX_TTL_SECONDS}`));
  if (bad.length) throw errors.invalid("PullToken", typeof clusterName === "string" ? clusterName : "", bad);
  return { clusterName: clusterName as string, ttlSeconds: ttl as number };
}

/** The PullTokenService over a store; `now` is injectable so expiry is testable. */
export function createPullTokenService(store: PullTokenStore, now: () => Date = () => new Date()): PullTokenService {
  return {
    async issue(input) {
      const { clusterName, ttlSeconds } = parseIssueInput(input);
      const token = newToken("fbt");
      const id = randomUUID();
      const expiresAt = new Date(now().getTime() + ttlSeconds * 1000);
      await store.insert({ id, name: `bootstrap:${clusterName}`, kind: "bootstrap", clusterName, tokenHash: tokenHash(token), expiresAt });
      return { id, token, clusterName, expiresAt: expiresAt.toISOString() };
    },
    async list() {
      const rows = await store.list();
      return rows.map((r) => record(r, now())).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    async revoke(id) {
      const row = await store.revoke(id, now());
      if (!row) throw errors.notFound("pulltokens", id);
      return record(row, now());
    },
    async exchange(bootstrapToken, clusterName) {
      const row = await store.findByHash(tokenHash(bootstrapToken));
      const at = now();
      if (!row || row.kind !== "bootstrap") throw errors.unauthorized("the bootstrap token is not valid");
      if (row.revokedAt) throw errors.unauthorized(`the bootstrap token for cluster "${row.clusterName}" has been revoked`);
      if (row.expiresAt && row.expiresAt <= at) throw errors.unauthorized(`the bootstrap token for cluster "${row.clusterName}" expired at ${row.expiresAt.toISOString()}`);
      if (row.clusterName !== clusterName) throw errors.forbidden(`the bootstrap token registers cluster "${row.clusterName}", not "${clusterName}"`);
      if (row.lastUsedAt || !(await store.markUsed(row.id, at))) throw errors.unauthorized(`the bootstrap token for cluster "${row.clusterName}" has already been used`);
      const token = newToken("fat");
      const id = randomUUID();
      await store.insert({ id, name: `agent:${clusterName}`, kind: "agent", clusterName, tokenHash: tokenHash(token), expiresAt: null });
      // One live credential per cluster: a re-registration retires the previous agent's.
      await store.revokeAgents(clusterName, id, at);
      return { id, token, clusterName };
    },
    async revokeAgentsOf(clusterName) {
      // No credential has the empty id, so none is kept.
      await store.revokeAgents(clusterName, "", now());
    },
  };
}

function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

function record(r: Row, now: Date): PullTokenRecord {
  const state: PullTokenRecord["state"] = r.revokedAt ? "Revoked" : r.kind === "bootstrap" && r.lastUsedAt ? "Used" : r.expiresAt && r.expiresAt <= now ? "Expired" : "Active";
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as PullTokenKind,
    clusterName: r.clusterName ?? "",
    expiresAt: r.expiresAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    state,
  };
}

const KINDS = ["bootstrap", "agent"];
const SELECT = { id: true, name: true, kind: true, clusterName: true, expiresAt: true, revokedAt: true, createdAt: true, lastUsedAt: true } as const;

/** The store over the api_tokens table. */
export function prismaPullTokenStore(prisma: PrismaClient): PullTokenStore {
  return {
    async insert(row) {
      await prisma.apiToken.create({ data: row });
    },
    findByHash: (hash) => prisma.apiToken.findUnique({ where: { tokenHash: hash }, select: SELECT }),
    list: () => prisma.apiToken.findMany({ where: { kind: { in: KINDS } }, select: SELECT }),
    async revoke(id, at) {
      await prisma.apiToken.updateMany({ where: { id, kind: { in: KINDS }, revokedAt: null }, data: { revokedAt: at } });
      return prisma.apiToken.findFirst({ where: { id, kind: { in: KINDS } }, select: SELECT });
    },
    async markUsed(id, at) {
      const { count } = await prisma.apiToken.updateMany({ where: { id, lastUsedAt: null }, data: { lastUsedAt: at } });
      return count === 1;
    },
    async revokeAgents(clusterName, keepId, at) {
      await prisma.apiToken.updateMany({ where: { kind: "agent", clusterName, revokedAt: null, id: { not: keepId } }, data: { revokedAt: at } });
    },
  };
}

/**
 * An in-memory store (tests, benches). `findApiToken` has lib/auth's AuthStore shape, so an
 * in-memory control plane authenticates the agent credentials it hands out.
 */
export function memoryPullTokenStore(now: () => Date = () => new Date()): PullTokenStore & {
  findApiToken(hash: string): Promise<{ name: string; kind: string; clusterName: string | null; expiresAt: Date | null; revokedAt: Date | null } | null>;
} {
  const rows = new Map<string, Row & { tokenHash: string }>();
  const byHash = (hash: string) => [...rows.values()].find((r) => r.tokenHash === hash) ?? null;
  const copy = (r: Row | null | undefined): Row | null => (r ? { id: r.id, name: r.name, kind: r.kind, clusterName: r.clusterName, expiresAt: r.expiresAt, revokedAt: r.revokedAt, createdAt: r.createdAt, lastUsedAt: r.lastUsedAt } : null);
  return {
    async insert(row) {
      rows.set(row.id, { ...row, revokedAt: null, lastUsedAt: null, createdAt: now() });
    },
    findByHash: async (hash) => copy(byHash(hash)),
    findApiToken: async (hash) => copy(byHash(hash)),
    list: async () => [...rows.values()].map((r) => copy(r)!),
    async revoke(id, at) {
      const r = rows.get(id);
      if (!r) return null;
      r.revokedAt ??= at;
      return copy(r);
    },
    async markUsed(id, at) {
      const r = rows.get(id);
      if (!r || r.lastUsedAt) return false;
      r.lastUsedAt = at;
      return true;
    },
    async revokeAgents(clusterName, keepId, at) {
      for (const r of rows.values()) if (r.kind === "agent" && r.clusterName === clusterName && r.id !== keepId) r.revokedAt ??= at;
    },
  };
}
