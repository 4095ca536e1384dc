import type { SqlClient } from "./sql-client";

/** Events are kept while either rule still wants them. */
export interface Retention {
  /** Keep at least this many newest events. */
  minEvents: number;
  /** Keep every event younger than this. */
  minAgeMs: number;
}

export const DEFAULT_RETENTION: Retention = { minEvents: 200_000, minAgeMs: 15 * 60_000 };

/**
 * Compacts the shared event log: deletes every event that is both older than minAgeMs and not
 * among the newest minEvents. The floor (compacted_through) is raised and committed first, then
 * rows are deleted outside the counter lock, so replays that read the floor with their page
 * never see a silently missing event and writers are not held up by a long delete.
 * Returns the floor after compaction.
 */
export async function compactEventLog(sql: SqlClient, retention: Retention): Promise<number> {
  const [c] = await sql.query(
    `SELECT c.rv, c.compacted_through,
       (SELECT max(rv) FROM object_events WHERE time <= now() - make_interval(secs => $1::float8 / 1000)) AS aged
     FROM store_counter c WHERE c.id = 1`,
    [retention.minAgeMs],
  );
  const floor = Number(c.compacted_through);
  const target = Math.min(c.aged === null ? 0 : Number(c.aged), Number(c.rv) - retention.minEvents);
  if (target <= floor) return floor;
  await sql.query(`UPDATE store_counter SET compacted_through = GREATEST(compacted_through, $1) WHERE id = 1`, [target]);
  await sql.query(`DELETE FROM object_events WHERE rv <= $1`, [target]);
  return target;
}
