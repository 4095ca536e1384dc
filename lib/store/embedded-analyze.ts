import type { SqlQueryable } from "./sql-client";

/**
 * Planner statistics for the embedded store. PGlite runs Postgres in single-user mode, where no
 * autovacuum daemon ever ANALYZEs a table. Without statistics the planner ties the primary key
 * with objects_key_order_idx for a point lookup and may take the latter, which walks every
 * object of the resource (2.9 ms instead of 0.07 ms at 3,000 objects), and it scans instead of
 * probing for the group commit's deletes. This mirrors autovacuum's analyze rule for the store's
 * tables; PostgreSQL proper has its daemon.
 */

/**
 * The tables analyzed. Their JSON columns have statistics target 0 (migration 20261126062000):
 * ANALYZE skips them. object_events is left out: it is read only by resourceVersion ranges (its
 * primary key), which need no statistics, and it grows by one row per write, so the rule below
 * analyzed it every few thousand writes for ~0.4 s of the store thread each time.
 */
const TABLES = ["objects"];

/** autovacuum_analyze_threshold and autovacuum_analyze_scale_factor, Postgres' defaults. */
const BASE_THRESHOLD = 50;
const SCALE_FACTOR = 0.1;

/** Rows changed since its last ANALYZE beyond which a table is analyzed again, as autovacuum decides. */
export function analyzeThreshold(reltuples: number): number {
  return BASE_THRESHOLD + SCALE_FACTOR * Math.max(reltuples, 0);
}

/** ANALYZEs each store table changed enough since its last ANALYZE. Returns the tables analyzed. */
export async function analyzeStaleTables(sql: SqlQueryable): Promise<string[]> {
  const rows = await sql.query<{ relname: string; changed: unknown; reltuples: unknown }>(
    `SELECT s.relname, s.n_mod_since_analyze AS changed, c.reltuples FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
     WHERE s.relname IN (${TABLES.map((t) => `'${t}'`).join(", ")})`,
  );
  const analyzed: string[] = [];
  for (const r of rows) {
    if (Number(r.changed) <= analyzeThreshold(Number(r.reltuples))) continue;
    // A whole-table ANALYZE: one limited to columns would leave the change counter unreset.
    await sql.query(`ANALYZE ${r.relname}`);
    analyzed.push(r.relname);
  }
  return analyzed;
}
