import type { SqlQueryable } from "./sql-client";

/**
 * VACUUM for the embedded store, which PGlite's single-user Postgres never runs by itself (no
 * autovacuum daemon). Objects are stored out of line (TOAST, uncompressed), so every update
 * leaves the previous version's chunks dead, and event-log compaction deletes whole rows: until
 * a VACUUM marks that space free, the data directory grew by about one object's size per write
 * (1,000 ConfigMaps updated 10 times each: 46 MB, 10 more times: 87 MB; with a VACUUM in
 * between it stayed at 46 MB). This follows autovacuum's rule for the store's two big tables.
 */
const TABLES = ["objects", "object_events"];

/** autovacuum_vacuum_threshold and autovacuum_vacuum_scale_factor, Postgres' defaults. */
const BASE_THRESHOLD = 50;
const SCALE_FACTOR = 0.2;

/** Rows updated or deleted since a table's last VACUUM beyond which it is vacuumed again. */
export function vacuumThreshold(reltuples: number): number {
  return BASE_THRESHOLD + SCALE_FACTOR * Math.max(reltuples, 0);
}

/**
 * Counts each table's updates and deletes (pg_stat_user_tables' n_tup_upd + n_tup_del) since it
 * was last vacuumed by this process. The dead-tuple estimate is no guide here: HOT pruning keeps
 * the table's own count near zero while the dead TOAST chunks pile up.
 */
export class EmbeddedVacuum {
  /** Churn counter of each table when this process last vacuumed it or first saw it. */
  private readonly since = new Map<string, number>();

  /** VACUUMs each store table changed enough since it was last vacuumed. Returns the tables vacuumed. */
  async run(sql: SqlQueryable): Promise<string[]> {
    const rows = await sql.query<{ relname: string; churn: unknown; reltuples: unknown }>(
      `SELECT s.relname, s.n_tup_upd + s.n_tup_del AS churn, c.reltuples FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
       WHERE s.relname IN (${TABLES.map((t) => `'${t}'`).join(", ")})`,
    );
    const vacuumed: string[] = [];
    for (const r of rows) {
      const churn = Number(r.churn);
      const base = this.since.get(r.relname);
      // First sight (a start): what came before is unknown, and a VACUUM of a large store at
      // start-up would hold the one store thread while the controllers catch up.
      if (base === undefined || churn < base) {
        this.since.set(r.relname, churn);
        continue;
      }
      if (churn - base <= vacuumThreshold(Number(r.reltuples))) continue;
      await sql.query(`VACUUM ${r.relname}`);
      this.since.set(r.relname, churn);
      vacuumed.push(r.relname);
    }
    return vacuumed;
  }
}
