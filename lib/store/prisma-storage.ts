import type {
  ResourceKey,
  Storage,
  StorageEvent,
  StorageListOptions,
  StorageListResult,
  StorageWatchOptions,
} from "../apiserver/storage";
import { errors } from "../kube/errors";
import type { KubeObject } from "../kube/types";
import type { Database } from "./database";
import { analyzeStaleTables } from "./embedded-analyze";
import { EmbeddedVacuum } from "./embedded-vacuum";
import { compactEventLog, DEFAULT_RETENTION, type Retention } from "./event-log-retention";
import { EventTail } from "./event-tail";
import { GroupCommitQueue } from "./group-commit";
import { cloneJson } from "./json-clone";
import { asObject } from "./object-rows";
import { ReadCache } from "./read-cache";
import { parseResourceVersion } from "./resource-version";
import { replayFromLog } from "./sql-replay";
import { sqlList } from "./sql-list";
import { shareEvent, Subscription } from "./watch-hub";
import { rowId } from "./write-plan";

export interface PrismaStorageOptions {
  /** Event log retention; default keep 15 minutes or 200,000 events, whichever is larger. */
  retention?: Partial<Retention>;
  /** How often this replica compacts the log; 0 = never (call compact()). Default 60 s. */
  compactIntervalMs?: number;
  /** Safety-net poll for other replicas' commits (Postgres); NOTIFY is only the fast path. Default 1000 ms. */
  pollIntervalMs?: number;
  /** Recent events kept in memory for watch resumes. Default 10,000. */
  cacheSize?: number;
  /** Most writes per group commit. Default 500. */
  maxBatch?: number;
  /** NOTIFY channel shared by the replicas. Default "flotilla_store". */
  notifyChannel?: string;
  /**
   * Objects kept in the write-through read cache (see ReadCache); 0 turns it off. Only embedded
   * PGlite may cache: there every write passes through this process. With PostgreSQL other
   * replicas write too, so the option is ignored and reads always query. Default 20,000.
   */
  readCacheSize?: number;
  /**
   * Embedded PGlite only (it has no autovacuum): how often to ANALYZE and VACUUM the store's
   * tables that changed enough (embedded-analyze.ts, embedded-vacuum.ts); 0 = never. Default 10 s.
   */
  analyzeIntervalMs?: number;
}

/** One read cache per embedded database, shared by every PrismaStorage opened on it. */
const readCaches = new WeakMap<Database, ReadCache>();

/**
 * Events are written once or twice and seldom read back; cached, they filled most of the read
 * cache at scale (five per propagated Deployment) and pushed out the objects controllers do read.
 */
function cacheable(key: ResourceKey): boolean {
  return key.resource !== "events";
}

function readCacheFor(db: Database, size: number | undefined): ReadCache | undefined {
  const capacity = size ?? 20_000;
  if (db.kind !== "pglite" || capacity <= 0) return undefined;
  let cache = readCaches.get(db);
  if (!cache) readCaches.set(db, (cache = new ReadCache(capacity)));
  return cache;
}

function cloneEvent(e: StorageEvent): StorageEvent {
  return { ...e, key: { ...e.key }, object: cloneJson(e.object) };
}

function identity(obj: KubeObject): { namespace: string; name: string } {
  const name = obj.metadata?.name;
  if (!name) throw errors.badRequest("name is required to store an object");
  return { namespace: obj.metadata.namespace ?? "", name };
}

/**
 * The control plane's Storage over PGlite or PostgreSQL (see Database). Writes go through a
 * group-commit queue that numbers them under a one-row counter lock, so resourceVersions are
 * global, contiguous and committed in order; watches replay from the object_events log and then
 * follow live commits (in-process at once, other replicas via NOTIFY plus a poll). Does not
 * close the Database it was given.
 */
export class PrismaStorage implements Storage {
  private timers: NodeJS.Timeout[] = [];
  private unlisten: (() => Promise<void>) | undefined;
  private closed = false;

  private constructor(
    private readonly db: Database,
    private readonly tail: EventTail,
    private readonly queue: GroupCommitQueue,
    private readonly retention: Retention,
    private readonly cache: ReadCache | undefined,
  ) {}

  static async open(db: Database, opts: PrismaStorageOptions = {}): Promise<PrismaStorage> {
    await db.sql.query(`INSERT INTO store_counter (id, rv, compacted_through) VALUES (1, 1, 1) ON CONFLICT (id) DO NOTHING`);
    const [c] = await db.sql.query(`SELECT rv, compacted_through FROM store_counter WHERE id = 1`);
    const tail = new EventTail({ sql: db.sql, cacheSize: opts.cacheSize ?? 10_000, startRv: Number(c.rv), compactedThrough: Number(c.compacted_through) });
    const channel = db.kind === "postgres" ? (opts.notifyChannel ?? "flotilla_store") : undefined;
    const cache = readCacheFor(db, opts.readCacheSize);
    const queue = new GroupCommitQueue({
      sql: db.sql,
      maxBatch: opts.maxBatch,
      notifyChannel: channel,
      // PGlite runs one transaction at a time: lock and read share a statement.
      exclusive: db.kind === "pglite",
      onCommitted: (base, events) => {
        // Before the writers' promises resolve: a read after a write sees it.
        // Every storage on the database feeds its cache, including one opened with the cache off.
        const shared = readCaches.get(db);
        if (shared) for (const e of events) if (cacheable(e.key)) shared.committed(rowId(e.key, e.namespace, e.name), e.type === "DELETED" ? null : e.object, Number(e.resourceVersion));
        tail.committed(base, events);
      },
    });
    const s = new PrismaStorage(db, tail, queue, { ...DEFAULT_RETENTION, ...opts.retention }, cache);
    if (channel) {
      s.unlisten = await db.listen(channel, () => void tail.catchUp().catch(() => {}));
      s.every(opts.pollIntervalMs ?? 1000, () => s.poll());
    }
    s.every(opts.compactIntervalMs ?? 60_000, () => s.compact());
    if (db.kind === "pglite") {
      const vacuum = new EmbeddedVacuum();
      s.every(opts.analyzeIntervalMs ?? 10_000, async () => {
        await analyzeStaleTables(db.sql);
        await vacuum.run(db.sql);
      });
    }
    return s;
  }

  async get(key: ResourceKey, namespace: string, name: string): Promise<KubeObject | undefined> {
    const { cache } = this;
    if (!cache || !cacheable(key)) return this.query(key, namespace, name);
    const id = rowId(key, namespace, name);
    const hit = cache.lookup(id);
    if (hit !== undefined) return hit ? cloneJson(hit) : undefined;
    const token = cache.readStarted();
    const obj = await this.query(key, namespace, name);
    cache.fill(id, obj, token);
    return obj && cloneJson(obj);
  }

  private async query(key: ResourceKey, namespace: string, name: string): Promise<KubeObject | undefined> {
    // Prepared once per connection: a primary-key lookup, the same plan whatever the values.
    // The key-order condition keeps it a probe before the table has statistics (see group-commit.ts PROBE).
    const rows = await this.db.sql.query(
      `SELECT object FROM objects WHERE "group" = $1 AND resource = $2 AND namespace = $3 AND name = $4
         AND (namespace || '/' || name) COLLATE "C" = ($3 || '/' || $4) COLLATE "C"`,
      [key.group, key.resource, namespace, name],
      { name: "flotilla_get" },
    );
    return rows.length ? asObject(rows[0].object) : undefined;
  }

  list(key: ResourceKey, opts?: StorageListOptions): Promise<StorageListResult> {
    return sqlList(this.db.sql, key, opts);
  }

  create(key: ResourceKey, obj: KubeObject): Promise<KubeObject> {
    const { namespace, name } = identity(obj);
    return this.queue.submit({ kind: "create", key, namespace, name, object: obj });
  }

  /** An empty `expectedResourceVersion` means an unconditional update. */
  update(key: ResourceKey, obj: KubeObject, expectedResourceVersion: string): Promise<KubeObject> {
    const { namespace, name } = identity(obj);
    return this.queue.submit({ kind: "update", key, namespace, name, object: obj, expectedRv: expectedResourceVersion });
  }

  delete(key: ResourceKey, namespace: string, name: string, expectedResourceVersion?: string): Promise<KubeObject> {
    return this.queue.submit({ kind: "delete", key, namespace, name, expectedRv: expectedResourceVersion });
  }

  watch(opts: StorageWatchOptions): AsyncIterable<StorageEvent> {
    const from = parseResourceVersion(opts.fromResourceVersion);
    return { [Symbol.asyncIterator]: () => this.watchFrom(from, opts) };
  }

  private async *watchFrom(from: number, opts: StorageWatchOptions): AsyncGenerator<StorageEvent> {
    const { tail } = this;
    const filter = { key: opts.key, namespace: opts.namespace };
    const copy = opts.readOnly ? shareEvent : cloneEvent;
    if (from >= tail.lastRv || tail.ring.covers(from)) {
      // Served from memory: subscribe and replay the cache in one synchronous step.
      const sub = new Subscription({ ...filter, afterRv: from }, copy);
      for (const e of tail.ring.after(from)) sub.push(e);
      if (this.closed) sub.end();
      const remove = tail.hub.add(sub);
      // A resume point from another replica's future: make sure we are reading the log.
      if (from > tail.lastRv) void tail.catchUp().catch(() => {});
      try {
        yield* sub.events(opts.signal);
      } finally {
        remove();
      }
      return;
    }
    // Older than the cache: buffer live events first, then replay the log up to where they start.
    const upTo = tail.lastRv;
    const sub = new Subscription({ ...filter, afterRv: upTo }, copy);
    const remove = tail.hub.add(sub);
    try {
      yield* replayFromLog(this.db.sql, { from, upTo, ...filter, signal: opts.signal });
      yield* sub.events(opts.signal);
    } finally {
      sub.end();
      remove();
    }
  }

  async currentResourceVersion(): Promise<string> {
    const [c] = await this.db.sql.query(`SELECT rv FROM store_counter WHERE id = 1`);
    return String(c.rv);
  }

  /** Drops events beyond the retention now; watches from before them then get 410. Returns the new floor. */
  async compact(): Promise<number> {
    const floor = await compactEventLog(this.db.sql, this.retention);
    this.tail.ring.raiseFloor(floor);
    return floor;
  }

  /** Stops timers and listeners, ends watches and waits for queued writes. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.queue.close();
    this.tail.hub.endAll();
    await this.unlisten?.();
  }

  private async poll() {
    await this.tail.catchUp();
    const [c] = await this.db.sql.query(`SELECT compacted_through FROM store_counter WHERE id = 1`);
    this.tail.ring.raiseFloor(Number(c.compacted_through));
  }

  private every(ms: number, fn: () => Promise<unknown>) {
    if (!ms || ms <= 0) return;
    let busy = false;
    const t = setInterval(() => {
      if (busy || this.closed) return;
      busy = true;
      // Background upkeep: a failed round is retried at the next tick.
      fn()
        .catch(() => {})
        .finally(() => (busy = false));
    }, ms);
    t.unref?.();
    this.timers.push(t);
  }
}
