import type { SqlQueryable } from "../store/sql-client";

/**
 * Frees the controller lease left by a previous process on the embedded store. Only one
 * process can open an embedded store's data directory, so a holder from another process is a
 * dead incarnation of this one (a SIGKILL or crash never released it): waiting out its lease
 * only delayed every restart by the lease duration (15 s) with the controllers idle. Holders
 * whose identity starts with `ownPrefix` (this process) are left alone. On Postgres another
 * live replica may hold it, so there the lease runs out as usual.
 */
export async function freeEmbeddedLease(sql: SqlQueryable, name: string, ownPrefix: string): Promise<void> {
  await sql.query(`UPDATE leader_leases SET holder_identity = NULL, renew_time = now() WHERE name = $1 AND left(holder_identity, length($2)) <> $2`, [name, ownPrefix]);
}
