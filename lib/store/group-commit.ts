import type { StorageEvent } from "../apiserver/storage";
import type { KubeObject } from "../kube/types";
import { asObject, objectColumns } from "./object-rows";
import type { SqlClient, SqlQueryable } from "./sql-client";
import { planWrites, rowId, type WriteOp, type WriteOutcome, type WritePlan } from "./write-plan";

interface Pending {
  op: WriteOp;
  resolve: (o: KubeObject) => void;
  reject: (e: unknown) => void;
}

export interface GroupCommitOptions {
  sql: SqlClient;
  /** Most ops per transaction. Default 500. */
  maxBatch?: number;
  /** Postgres: NOTIFY this channel with the new counter inside the transaction (other replicas wake up). */
  notifyChannel?: string;
  /**
   * The database runs one transaction at a time (PGlite): the counter lock and the read of the
   * current rows can share a statement. Postgres needs them apart: in READ COMMITTED a statement
   * that waited for the lock still reads with the snapshot it took before waiting.
   */
  exclusive?: boolean;
  /** Called synchronously right after a commit with the batch's events (rv base+1 … in order). */
  onCommitted: (baseRv: number, events: StorageEvent[]) => void;
}

/**
 * The object store's single writer. Ops queue up while a transaction runs; the next transaction
 * takes all of them (group commit). Inside it, the one-row counter is locked first (FOR UPDATE),
 * which serialises every writer of every replica, so resourceVersions commit in order and a
 * watcher reading `rv > N` can never skip one. Each op keeps its own CAS check and error.
 */
export class GroupCommitQueue {
  private queue: Pending[] = [];
  private running = false;
  private closed = false;
  private idle: Promise<void> = Promise.resolve();
  private markIdle: () => void = () => {};
  /** The counter after this queue's last commit: what the next batch assumes (see writeAssumed). */
  private knownRv: number | undefined;

  constructor(private readonly opts: GroupCommitOptions) {}

  submit(op: WriteOp): Promise<KubeObject> {
    if (this.closed) return Promise.reject(new Error("storage is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ op, resolve, reject });
      if (!this.running) void this.run();
    });
  }

  /** Stops taking ops and waits for the queued ones to commit. */
  async close(): Promise<void> {
    this.closed = true;
    await this.idle;
  }

  private async run() {
    this.running = true;
    this.idle = new Promise((r) => (this.markIdle = r));
    try {
      // An idle queue waits for the end of this event-loop turn before its first transaction, so
      // writes submitted by the same burst of I/O callbacks share it instead of the first going
      // alone (controllers' writes arrive a few per turn; each transaction has a fixed cost).
      await new Promise<void>((r) => setImmediate(r));
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.opts.maxBatch ?? 500);
        await this.commitBatch(batch);
      }
    } finally {
      this.running = false;
      this.markIdle();
    }
  }

  private async commitBatch(batch: Pending[]) {
    const ops = batch.map((p) => p.op);
    let committed: Committed;
    try {
      committed = (await this.writeAssumed(ops)) ?? (await this.opts.sql.transaction((tx) => this.writeBatch(tx, ops)));
    } catch (err) {
      this.knownRv = undefined;
      if (batch.length === 1) {
        batch[0].reject(err);
        return;
      }
      // One bad op (say, a string Postgres' jsonb refuses) must not fail its neighbours: retry alone.
      for (const p of batch) await this.commitBatch([p]);
      return;
    }
    this.knownRv = committed.lastRv;
    if (committed.events.length > 0) this.opts.onCommitted(committed.baseRv, committed.events);
    // Outcomes are the callers' own objects already (planWrites): no copy here.
    committed.outcomes.forEach((o, i) => (o.ok ? batch[i].resolve(o.object) : batch[i].reject(o.error)));
  }

  /**
   * The batch in one round trip instead of two: planned on what its ops imply about their rows
   * (a create's row is absent, an update's row is at its expected version or, unconditional,
   * exists) and on the counter this queue last committed, then written under a guard that checks
   * exactly that under the counter lock. Any surprise (a conflict, another writer, another
   * replica) writes nothing and returns undefined: the batch then goes the read-first way, which
   * gives each op its own error. Batches with a delete always do (its event needs the row).
   */
  private async writeAssumed(ops: WriteOp[]): Promise<Committed | undefined> {
    const baseRv = this.knownRv;
    const assumed = baseRv === undefined ? undefined : assumeRows(ops);
    if (baseRv === undefined || !assumed) return undefined;
    const plan = planWrites(ops, assumed.current, baseRv);
    const done = await this.opts.sql.transaction(async (tx) => {
      // Postgres: the lock is its own statement, so the guarded write's snapshot starts after the
      // wait (see `exclusive`). Sent with BEGIN and the write in one flight by a pipelining client.
      const lock = this.opts.exclusive ? undefined : tx.query(LOCK_SQL, [], { name: "flotilla_gc_lock" });
      lock?.catch(() => {});
      const rows = await this.write(tx, plan, { keys: assumed.keys, baseRv });
      await lock;
      return rows.length > 0;
    });
    if (!done) return undefined;
    return { outcomes: plan.outcomes, baseRv, lastRv: plan.lastRv, events: plan.events };
  }

  private async writeBatch(tx: SqlQueryable, ops: WriteOp[]): Promise<Committed> {
    const { baseRv, current } = await lockAndRead(tx, ops, this.opts.exclusive === true);
    const plan = planWrites(ops, current, baseRv);
    if (plan.events.length === 0) return { outcomes: plan.outcomes, baseRv, lastRv: baseRv, events: [] };
    await this.write(tx, plan);
    return { outcomes: plan.outcomes, baseRv, lastRv: plan.lastRv, events: plan.events };
  }

  /** Writes a plan as the transaction's last statement; `guard`: only if the rows are as assumed (no rows back otherwise). */
  private write(tx: SqlQueryable, plan: WritePlan, guard?: { keys: AssumedKey[]; baseRv: number }): Promise<unknown[]> {
    const upserts = [];
    const deletes = [];
    for (const f of plan.finals.values()) {
      const ident = { group: f.key.group, resource: f.key.resource, namespace: f.namespace, name: f.name };
      if (f.object) upserts.push({ ...ident, ...objectColumns(f.object), object: f.object });
      else deletes.push(ident);
    }
    // An event whose object is also its row's new state is sent once: the SQL takes it from the upsert.
    const stored = new Set(upserts.map((u) => u.object));
    const events = plan.events.map((e) => ({ rv: Number(e.resourceVersion), group: e.key.group, resource: e.key.resource, namespace: e.namespace, name: e.name, type: e.type, object: stored.has(e.object) ? null : e.object }));
    const params: unknown[] = [JSON.stringify(upserts), JSON.stringify(deletes), JSON.stringify(events), plan.lastRv];
    if (guard) params.push(JSON.stringify(guard.keys), guard.baseRv);
    const { notifyChannel } = this.opts;
    if (notifyChannel) params.push(notifyChannel);
    const name = `flotilla_gc_${guard ? "guarded_" : ""}write${notifyChannel ? "_notify" : ""}`;
    const returning = notifyChannel ? ` RETURNING rv, pg_notify($${params.length}, $4::bigint::text)` : ` RETURNING rv`;
    return tx.query((guard ? GUARDED_WRITE_SQL : WRITE_SQL) + returning, params, { name, last: true });
  }
}

interface Committed {
  outcomes: WriteOutcome[];
  baseRv: number;
  /** The counter after the batch. */
  lastRv: number;
  events: StorageEvent[];
}

/** A row as a batch assumes it was: `rv` null = absent, "" = present at any version, else present at that version. */
interface AssumedKey {
  group: string;
  resource: string;
  namespace: string;
  name: string;
  rv: string | null;
}

/**
 * What the batch's ops take for granted about their rows if they are all to succeed, keyed as
 * planWrites reads them; only a key's first op says what was there before the batch. Undefined
 * when the batch has a delete (its DELETED event carries the row's last state, which must be read).
 */
function assumeRows(ops: WriteOp[]): { current: Map<string, KubeObject>; keys: AssumedKey[] } | undefined {
  const current = new Map<string, KubeObject>();
  const keys = new Map<string, AssumedKey>();
  for (const op of ops) {
    if (op.kind === "delete") return undefined;
    const id = rowId(op.key, op.namespace, op.name);
    if (keys.has(id)) continue;
    const rv = op.kind === "create" ? null : op.expectedRv || "";
    keys.set(id, { group: op.key.group, resource: op.key.resource, namespace: op.namespace, name: op.name, rv });
    if (rv !== null) current.set(id, versionOnly(rv));
  }
  return { current, keys: [...keys.values()] };
}

/**
 * Locks the counter (FOR UPDATE) and reads the rows the batch touches, as planWrites needs them:
 * existence and resourceVersion for every key, and the full object only for keys a delete
 * touches (its DELETED event carries the last state). Reading every object's jsonb back just to
 * compare versions cost more than the write. Rows come back by the key's index, not its names.
 */
async function lockAndRead(tx: SqlQueryable, ops: WriteOp[], exclusive: boolean): Promise<{ baseRv: number; current: Map<string, KubeObject> }> {
  const seen = new Map<string, { group: string; resource: string; namespace: string; name: string; whole: boolean; i: number }>();
  for (const op of ops) {
    const id = rowId(op.key, op.namespace, op.name);
    const prev = seen.get(id);
    const whole = op.kind === "delete" || prev?.whole === true;
    seen.set(id, { group: op.key.group, resource: op.key.resource, namespace: op.namespace, name: op.name, whole, i: prev?.i ?? seen.size });
  }
  const keys = [...seen.values()];
  const ids = [...seen.keys()];
  let baseRv: number;
  let rows: { base?: unknown; i: unknown; rv: unknown; object: unknown }[];
  if (exclusive) {
    rows = await tx.query(LOCK_READ_SQL, [JSON.stringify(keys)], { name: "flotilla_gc_lock_read" });
    baseRv = Number(rows[0].base);
  } else {
    // Issued together: a pipelining driver sends both (and BEGIN) in one round trip; they still run in order.
    const [[{ rv }], read] = await Promise.all([
      tx.query<{ rv: unknown }>(LOCK_SQL, [], { name: "flotilla_gc_lock" }),
      tx.query<{ i: unknown; rv: unknown; object: unknown }>(READ_SQL, [JSON.stringify(keys)], { name: "flotilla_gc_read" }),
    ]);
    baseRv = Number(rv);
    rows = read;
  }
  const current = new Map<string, KubeObject>();
  for (const r of rows) {
    if (r.i == null) continue;
    current.set(ids[Number(r.i)], r.object == null ? versionOnly(String(r.rv)) : asObject(r.object));
  }
  return { baseRv, current };
}

/** A stand-in for a stored object that planWrites only checks (exists, resourceVersion) and never stores or emits. */
function versionOnly(resourceVersion: string): KubeObject {
  return { apiVersion: "", kind: "", metadata: { resourceVersion } };
}

const LOCK_SQL = `SELECT rv FROM store_counter WHERE id = 1 FOR UPDATE`;

/**
 * One row of objects by its key `k`, as an index probe. Before a table has statistics the
 * planner ties the primary key with objects_key_order_idx on ("group", resource) and may walk
 * the whole resource through the latter; naming the latter's key expression too makes either
 * index an exact probe.
 */
const PROBE = (k: string) => `"group" = ${k}."group" AND resource = ${k}.resource AND namespace = ${k}.namespace AND name = ${k}.name
      AND (namespace || '/' || name) COLLATE "C" = (${k}.namespace || '/' || ${k}.name) COLLATE "C"`;

/**
 * The batch's keys, each looked up by one probe. A plain join lets the planner, which guesses
 * 100 rows for jsonb_to_recordset, hash the keys and scan the whole objects table (a group
 * commit then costs O(objects): 2.3 ms at 3,000 rows on PGlite); a LATERAL subquery with LIMIT
 * cannot be flattened into that join.
 */
const READ_SQL = `SELECT k.i, o.resource_version AS rv, CASE WHEN k.whole THEN o.object END AS object
  FROM jsonb_to_recordset($1::jsonb) AS k("group" text, resource text, namespace text, name text, whole boolean, i int)
  CROSS JOIN LATERAL (SELECT resource_version, object FROM objects WHERE ${PROBE("k")} LIMIT 1) o`;

/** Both in one statement (exclusive databases only): one row at least, the counter's, with i null when no key exists. */
const LOCK_READ_SQL = `SELECT c.rv AS base, r.i, r.rv, r.object FROM (${LOCK_SQL}) c LEFT JOIN (${READ_SQL}) r ON true`;

/**
 * Upserts, deletes, event inserts and the counter bump of one batch, in one statement. `gate`
 * (a boolean SQL expression) makes every part conditional: all of it is written or none.
 */
const writeSql = (gate: string) => `
  up AS (
  INSERT INTO objects ("group", resource, namespace, name, uid, kind, resource_version, generation, labels, object, deletion_timestamp, created_at)
  SELECT "group", resource, namespace, name, uid, kind, rv, generation, labels, object, deletion_timestamp, coalesce(created_at, now())
  FROM jsonb_to_recordset($1::jsonb) AS x("group" text, resource text, namespace text, name text, uid text, kind text, rv bigint,
    generation bigint, labels jsonb, object jsonb, deletion_timestamp timestamptz, created_at timestamptz)
  WHERE ${gate}
  ON CONFLICT ("group", resource, namespace, name) DO UPDATE SET uid = excluded.uid, kind = excluded.kind,
    resource_version = excluded.resource_version, generation = excluded.generation, labels = excluded.labels,
    object = excluded.object, deletion_timestamp = excluded.deletion_timestamp, created_at = excluded.created_at
  RETURNING 1
), del AS (
  -- Rows found by primary key first (as in READ_SQL), then deleted by their tuple ids: a USING join would scan the table.
  DELETE FROM objects WHERE ${gate} AND ctid = ANY (ARRAY(
    SELECT o.ctid FROM jsonb_to_recordset($2::jsonb) AS d("group" text, resource text, namespace text, name text)
    CROSS JOIN LATERAL (SELECT ctid FROM objects WHERE ${PROBE("d")} LIMIT 1) o))
  RETURNING 1
), ev AS (
  INSERT INTO object_events (rv, "group", resource, namespace, name, type, object)
  SELECT e.rv, e."group", e.resource, e.namespace, e.name, e.type, coalesce(e.object, u.object)
  FROM jsonb_to_recordset($3::jsonb) AS e(rv bigint, "group" text, resource text, namespace text, name text, type text, object jsonb)
  LEFT JOIN jsonb_to_recordset($1::jsonb) AS u("group" text, resource text, namespace text, name text, object jsonb)
    ON e.object IS NULL AND u."group" = e."group" AND u.resource = e.resource AND u.namespace = e.namespace AND u.name = e.name
  WHERE ${gate}
  RETURNING 1
)
UPDATE store_counter SET rv = $4::bigint WHERE id = 1 AND ${gate}`;

const WRITE_SQL = `WITH ${writeSql("true")}`;

/**
 * WRITE_SQL if the counter is still at $6 and every key in $5 is as assumed (see AssumedKey),
 * checked in the statement's own snapshot, which under the counter lock is the latest state.
 * Versions compare as text, as planWrites compares them.
 */
const GUARDED_WRITE_SQL = `WITH guard AS MATERIALIZED (
  SELECT (SELECT rv FROM store_counter WHERE id = 1) = $6::bigint AND NOT EXISTS (
    SELECT 1 FROM jsonb_to_recordset($5::jsonb) AS k("group" text, resource text, namespace text, name text, rv text)
    LEFT JOIN LATERAL (SELECT resource_version FROM objects WHERE ${PROBE("k")} LIMIT 1) o ON true
    WHERE CASE WHEN k.rv IS NULL THEN o.resource_version IS NOT NULL
      WHEN k.rv = '' THEN o.resource_version IS NULL
      ELSE o.resource_version IS NULL OR o.resource_version::text <> k.rv END) AS ok
), ${writeSql("(SELECT ok FROM guard)")}`;
