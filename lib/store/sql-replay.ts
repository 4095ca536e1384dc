import type { ResourceKey, StorageEvent } from "../apiserver/storage";
import { eventFromRow } from "./object-rows";
import { tooOldResourceVersion } from "./resource-version";
import type { SqlQueryable } from "./sql-client";

const PAGE = 500;

export interface ReplayOptions {
  /** Exclusive lower bound. */
  from: number;
  /** Inclusive upper bound. */
  upTo: number;
  key?: ResourceKey;
  namespace?: string;
  signal: AbortSignal;
}

/**
 * Events in (from, upTo] from the object_events log, in order, filtered in SQL. Each page is read
 * in one statement with the compaction floor, so a page either is complete or answers 410.
 */
export async function* replayFromLog(sql: SqlQueryable, opts: ReplayOptions): AsyncGenerator<StorageEvent> {
  let cursor = opts.from;
  while (cursor < opts.upTo && !opts.signal.aborted) {
    const params: unknown[] = [cursor, opts.upTo];
    let where = `e.rv > $1 AND e.rv <= $2`;
    if (opts.key) {
      params.push(opts.key.group, opts.key.resource);
      where += ` AND e."group" = $3 AND e.resource = $4`;
    }
    if (opts.namespace !== undefined) {
      params.push(opts.namespace);
      where += ` AND e.namespace = $${params.length}`;
    }
    const rows = await sql.query(
      `SELECT c.compacted_through AS floor, p.* FROM store_counter c LEFT JOIN LATERAL (
         SELECT e.rv, e."group", e.resource, e.namespace, e.name, e.type, e.object FROM object_events e
         WHERE ${where} ORDER BY e.rv LIMIT ${PAGE}
       ) p ON true WHERE c.id = 1`,
      params,
    );
    const floor = Number(rows[0]?.floor ?? 0);
    if (cursor < floor) throw tooOldResourceVersion(opts.from, floor);
    const events = rows.filter((r) => r.rv !== null).map(eventFromRow);
    for (const e of events) {
      if (opts.signal.aborted) return;
      yield e;
    }
    cursor = events.length < PAGE ? opts.upTo : Number(events[events.length - 1].resourceVersion);
  }
}
