import type { StorageEvent } from "../apiserver/storage";
import type { KubeObject } from "../kube/types";
import { cloneJson } from "./json-clone";
import { asObject, objectColumns } from "./object-rows";
import type { SqlClient, SqlQueryable } from "./sql-client";
import { planWrites, rowId, type WriteOp, type WriteOutcome } from "./write-plan";

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
    let committed: { outcomes: WriteOutcome[]; baseRv: number; events: StorageEvent[] };
    try {
      committed = await this.opts.sql.transaction((tx) => this.writeBatch(tx, batch.map((p) => p.op)));
    } catch (err) {
      if (batch.length === 1) {
        batch[0].reject(err);
        return;
      }
      // One bad op (say, a string Postgres' jsonb refuses) must not fail its neighbours: retry alone.
      for (const p of batch) await this.commitBatch([p]);
      return;
    }
    if (committed.events.length > 0) this.opts.onCommitted(committed.baseRv, committed.events);
    committed.outcomes.forEach((o, i) => (o.ok ? batch[i].resolve(cloneJson(o.object)) : batch[i].reject(o.error)));
  }

  private async writeBatch(tx: SqlQueryable, ops: WriteOp[]) {
    const [{ rv }] = await tx.query<{ rv: unknown }>(`SELECT rv FROM store_counter WHERE id = 1 FOR UPDATE`);
    const baseRv = Number(rv);
    const current = await readCurrent(tx, ops);
    const plan = planWrites(ops, current, baseRv);
    if (plan.events.length === 0) return { outcomes: plan.outcomes, baseRv, events: [] };
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
    const notify = this.opts.notifyChannel ? `, pg_notify($5, $4::bigint::text)` : "";
    const params: unknown[] = [JSON.stringify(upserts), JSON.stringify(deletes), JSON.stringify(events), plan.lastRv];
    if (this.opts.notifyChannel) params.push(this.opts.notifyChannel);
    await tx.query(WRITE_SQL + ` RETURNING rv${notify}`, params);
    return { outcomes: plan.outcomes, baseRv, events: plan.events };
  }
}

/**
 * The rows the batch touches, as planWrites needs them: existence and resourceVersion for every
 * key, and the full object only for keys a delete touches (its DELETED event carries the last
 * state). Reading every object's jsonb back just to compare versions cost more than the write.
 */
async function readCurrent(tx: SqlQueryable, ops: WriteOp[]): Promise<Map<string, KubeObject>> {
  const seen = new Map<string, { group: string; resource: string; namespace: string; name: string; whole: boolean }>();
  for (const op of ops) {
    const id = rowId(op.key, op.namespace, op.name);
    const whole = op.kind === "delete" || seen.get(id)?.whole === true;
    seen.set(id, { group: op.key.group, resource: op.key.resource, namespace: op.namespace, name: op.name, whole });
  }
  const rows = await tx.query(
    `SELECT o."group", o.resource, o.namespace, o.name, o.resource_version AS rv, CASE WHEN k.whole THEN o.object END AS object FROM objects o
       JOIN jsonb_to_recordset($1::jsonb) AS k("group" text, resource text, namespace text, name text, whole boolean)
         ON o."group" = k."group" AND o.resource = k.resource AND o.namespace = k.namespace AND o.name = k.name`,
    [JSON.stringify([...seen.values()])],
  );
  const current = new Map<string, KubeObject>();
  for (const r of rows) {
    const id = rowId({ group: r.group as string, resource: r.resource as string }, r.namespace as string, r.name as string);
    current.set(id, r.object == null ? versionOnly(String(r.rv)) : asObject(r.object));
  }
  return current;
}

/** A stand-in for a stored object that planWrites only checks (exists, resourceVersion) and never stores or emits. */
function versionOnly(resourceVersion: string): KubeObject {
  return { apiVersion: "", kind: "", metadata: { resourceVersion } };
}

/** Upserts, deletes, event inserts and the counter bump of one batch, in one statement. */
const WRITE_SQL = `
WITH up AS (
  INSERT INTO objects ("group", resource, namespace, name, uid, kind, resource_version, generation, labels, object, deletion_timestamp, created_at)
  SELECT "group", resource, namespace, name, uid, kind, rv, generation, labels, object, deletion_timestamp, coalesce(created_at, now())
  FROM jsonb_to_recordset($1::jsonb) AS x("group" text, resource text, namespace text, name text, uid text, kind text, rv bigint,
    generation bigint, labels jsonb, object jsonb, deletion_timestamp timestamptz, created_at timestamptz)
  ON CONFLICT ("group", resource, namespace, name) DO UPDATE SET uid = excluded.uid, kind = excluded.kind,
    resource_version = excluded.resource_version, generation = excluded.generation, labels = excluded.labels,
    object = excluded.object, deletion_timestamp = excluded.deletion_timestamp, created_at = excluded.created_at
  RETURNING 1
), del AS (
  DELETE FROM objects o USING jsonb_to_recordset($2::jsonb) AS d("group" text, resource text, namespace text, name text)
  WHERE o."group" = d."group" AND o.resource = d.resource AND o.namespace = d.namespace AND o.name = d.name
  RETURNING 1
), ev AS (
  INSERT INTO object_events (rv, "group", resource, namespace, name, type, object)
  SELECT e.rv, e."group", e.resource, e.namespace, e.name, e.type, coalesce(e.object, u.object)
  FROM jsonb_to_recordset($3::jsonb) AS e(rv bigint, "group" text, resource text, namespace text, name text, type text, object jsonb)
  LEFT JOIN jsonb_to_recordset($1::jsonb) AS u("group" text, resource text, namespace text, name text, object jsonb)
    ON e.object IS NULL AND u."group" = e."group" AND u.resource = e.resource AND u.namespace = e.namespace AND u.name = e.name
  RETURNING 1
)
UPDATE store_counter SET rv = $4::bigint WHERE id = 1`;
