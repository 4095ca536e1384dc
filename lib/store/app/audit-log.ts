import type { AuditLog, PrismaClient } from "@prisma/client";

export interface AuditEntry {
  user: string;
  verb: string;
  /** e.g. "deployments.apps" or "propagationpolicies.policy.karmada.io". */
  resource: string;
  name?: string;
  /** The HTTP status code answered. */
  code: number;
  time?: Date;
}

export async function appendAudit(prisma: PrismaClient, e: AuditEntry): Promise<void> {
  await prisma.auditLog.create({ data: { user: e.user, verb: e.verb, resource: e.resource, name: e.name ?? "", code: e.code, ...(e.time ? { time: e.time } : {}) } });
}

/** Newest first; `before` pages backwards by id. */
export async function listAudit(prisma: PrismaClient, opts: { limit?: number; before?: bigint; user?: string } = {}): Promise<AuditLog[]> {
  return prisma.auditLog.findMany({
    where: { ...(opts.before !== undefined ? { id: { lt: opts.before } } : {}), ...(opts.user ? { user: opts.user } : {}) },
    orderBy: { id: "desc" },
    take: opts.limit ?? 100,
  });
}
