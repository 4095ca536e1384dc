import type { ObjectClient } from "../../kube/client";
import { ApiError } from "../../kube/errors";
import type { KubeObject, Status, WatchEvent } from "../../kube/types";
import { realClock, sleep, type Clock, type TimerHandle } from "./clock";
import { keyOf, objectKey } from "./keys";
import { noopLogger, type Logger } from "./log";
import { resourceVersionAtLeast } from "./cached-read";
import { ObjectCache, type IndexFunc } from "./object-cache";
import { TimeSlice } from "./yield";

/** What an informer lists and watches. Two informers with equal specs see the same objects. */
export interface InformerSpec {
  apiVersion: string;
  kind: string;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface InformerOptions<T extends KubeObject = KubeObject> extends InformerSpec {
  client: ObjectClient;
  /** Re-deliver every cached object to onUpdate this often (0 or unset: never). */
  resyncMs?: number;
  indexers?: Record<string, IndexFunc<T>>;
  clock?: Clock;
  log?: Logger;
  /** Reconnect backoff after errors: starts at initialMs, doubles up to maxMs (1 s → 30 s). */
  backoff?: { initialMs?: number; maxMs?: number };
  /** Objects per list page (limit/continue); 0 lists in one call. Default 500. */
  listPageSize?: number;
}

/**
 * Informer callbacks. Objects are the cache's own (read-only). A resync calls onUpdate with the
 * same object twice. onDelete receives the last known state.
 */
export interface EventHandlers<T extends KubeObject = KubeObject> {
  onAdd?(obj: T): void;
  onUpdate?(oldObj: T, newObj: T): void;
  onDelete?(obj: T): void;
}

/**
 * List-then-watch over an ObjectClient into an in-memory cache (client-go's reflector plus
 * shared informer, in small):
 * - lists, then watches from the list's resourceVersion; a clean end of the stream resumes
 *   from the last version seen, a 410 Expired (HTTP or ERROR event) relists;
 * - a relist diffs against the cache: onAdd for new, onUpdate for changed, onDelete for gone;
 * - errors reconnect with exponential backoff (1 s → 30 s by default);
 * - `resyncMs` re-delivers cached objects so level-triggered controllers heal missed work.
 * Cached objects are shared, not copied: callers must never mutate them.
 */
export class Informer<T extends KubeObject = KubeObject> {
  readonly spec: InformerSpec;
  private readonly opts: InformerOptions<T>;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly cache: ObjectCache<T>;
  private readonly handlers = new Set<EventHandlers<T>>();
  private rv: string | undefined;
  private synced = false;
  private syncWaiters: (() => void)[] = [];
  private abort: AbortController | undefined;
  private loop: Promise<void> | undefined;
  private resyncTimer: TimerHandle | undefined;

  constructor(opts: InformerOptions<T>) {
    const { apiVersion, kind, namespace, labelSelector, fieldSelector } = opts;
    this.spec = { apiVersion, kind, namespace, labelSelector, fieldSelector };
    this.opts = opts;
    this.clock = opts.clock ?? realClock;
    this.log = (opts.log ?? noopLogger).child({ informer: `${apiVersion}/${kind}` });
    this.cache = new ObjectCache<T>(opts.indexers);
  }

  /**
   * Registers handlers; returns a function that removes them. On an informer that has already
   * synced, the new handlers first get onAdd for every cached object (as client-go does).
   */
  addHandlers(h: EventHandlers<T>): () => void {
    this.handlers.add(h);
    if (this.synced) for (const o of this.cache.values()) safe(this.log, () => h.onAdd?.(o));
    return () => this.handlers.delete(h);
  }

  /** Starts the list/watch loop in the background; idempotent. Stops when `signal` aborts. */
  start(signal?: AbortSignal): void {
    if (this.loop) return;
    const ac = new AbortController();
    this.abort = ac;
    signal?.addEventListener("abort", () => ac.abort(), { once: true });
    this.loop = this.run(ac.signal);
    this.scheduleResync();
  }

  /** Stops watching and waits for the loop to end. The cache keeps its last contents. */
  async stop(): Promise<void> {
    this.abort?.abort();
    if (this.resyncTimer) this.clock.clearTimeout(this.resyncTimer);
    this.resyncTimer = undefined;
    await this.loop;
    this.loop = undefined;
    for (const w of this.syncWaiters.splice(0)) w();
  }

  hasSynced(): boolean {
    return this.synced;
  }

  /** Resolves once the first list landed in the cache (or the informer was stopped). */
  waitForSync(signal?: AbortSignal): Promise<void> {
    if (this.synced) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(signal?.reason);
      signal?.addEventListener("abort", onAbort, { once: true });
      this.syncWaiters.push(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      });
    });
  }

  /** The resourceVersion the next watch resumes from (undefined: the next round relists). */
  get lastResourceVersion(): string | undefined {
    return this.rv;
  }

  get(namespace: string | undefined, name: string): T | undefined {
    return this.cache.getByKey(keyOf(namespace, name));
  }

  getByKey(key: string): T | undefined {
    return this.cache.getByKey(key);
  }

  /** Cached objects, all or of one namespace ("" for cluster-scoped). */
  list(namespace?: string): T[] {
    return this.cache.list(namespace);
  }

  byIndex(index: string, value: string): T[] {
    return this.cache.byIndex(index, value);
  }

  /**
   * Adds a secondary index to the shared cache (idempotent by name), so a controller can look
   * objects up by a label in O(1) instead of scanning every cached object per reconcile.
   */
  addIndexer(name: string, fn: IndexFunc<T>): void {
    this.cache.addIndexer(name, fn);
  }

  private async run(signal: AbortSignal): Promise<void> {
    const initialMs = this.opts.backoff?.initialMs ?? 1000;
    const maxMs = this.opts.backoff?.maxMs ?? 30_000;
    let delay = initialMs;
    while (!signal.aborted) {
      try {
        if (this.rv === undefined) await this.relist(signal);
        const { events, elapsedMs } = await this.watchOnce(signal);
        // A stream that closes at once with nothing in it would otherwise spin.
        if (events > 0 || elapsedMs >= initialMs) {
          delay = initialMs;
          continue;
        }
      } catch (err) {
        if (signal.aborted) break;
        if (isExpired(err)) {
          this.log.info("resourceVersion expired; relisting", { resourceVersion: this.rv });
          this.rv = undefined;
          continue;
        }
        this.log.warn("list/watch failed; retrying", { error: err, delayMs: delay });
      }
      await sleep(this.clock, delay, signal).catch(() => {});
      delay = Math.min(delay * 2, maxMs);
    }
  }

  /**
   * Lists in pages: 30,000 Works in one call built one huge response while nothing else ran;
   * pages bound that and let requests in between. Later pages read newer state than the first
   * page's resourceVersion (the store's pages are not one snapshot); the watch then replays from
   * that version, and apply() skips replayed events older than what the cache already holds.
   */
  private async relist(signal: AbortSignal): Promise<void> {
    const { client, apiVersion, kind, namespace, labelSelector, fieldSelector } = this.opts;
    const limit = this.opts.listPageSize ?? 500;
    const seen = new Set<string>();
    const slice = new TimeSlice();
    let rv: string | undefined;
    let cont: string | undefined;
    do {
      const page = await client.list<T>(apiVersion, kind, { namespace, labelSelector, fieldSelector, limit: limit > 0 ? limit : undefined, continue: cont });
      if (signal.aborted) return;
      rv ??= page.metadata.resourceVersion ?? "";
      cont = page.metadata.continue || undefined;
      for (const obj of page.items) {
        seen.add(objectKey(obj));
        this.upsert(obj, true);
        await slice.maybeYield();
      }
    } while (cont);
    for (const key of [...this.cache.keys()]) {
      if (seen.has(key)) continue;
      const gone = this.cache.delete(key);
      if (gone) this.emit((h) => h.onDelete?.(gone));
    }
    this.rv = rv;
    if (!this.synced) {
      this.synced = true;
      for (const w of this.syncWaiters.splice(0)) w();
    }
  }

  private async watchOnce(signal: AbortSignal): Promise<{ events: number; elapsedMs: number }> {
    const { client, apiVersion, kind, namespace, labelSelector, fieldSelector } = this.opts;
    const inner = new AbortController();
    const onAbort = () => inner.abort();
    signal.addEventListener("abort", onAbort, { once: true });
    const started = this.clock.now();
    let events = 0;
    let streamError: unknown;
    try {
      await client.watch(
        apiVersion,
        kind,
        { namespace, labelSelector, fieldSelector, resourceVersion: this.rv, allowWatchBookmarks: true, signal: inner.signal, readOnly: true },
        (e) => {
          if (streamError) return;
          if (e.type === "ERROR") {
            streamError = new ApiError(e.object as unknown as Status);
            inner.abort();
            return;
          }
          events++;
          this.apply(e as WatchEvent<T>);
        },
      );
    } finally {
      signal.removeEventListener("abort", onAbort);
    }
    if (streamError) throw streamError;
    return { events, elapsedMs: this.clock.now() - started };
  }

  private apply(e: WatchEvent<T>): void {
    const rv = e.object.metadata?.resourceVersion;
    if (e.type === "DELETED") {
      const gone = this.cache.delete(objectKey(e.object));
      this.emit((h) => h.onDelete?.(gone ?? e.object));
    } else if (e.type === "ADDED" || e.type === "MODIFIED") {
      this.upsert(e.object, false);
    }
    if (rv) this.rv = rv;
  }

  private upsert(obj: T, fromList: boolean): void {
    const old = this.cache.getByKey(objectKey(obj));
    // A relist re-reads everything; unchanged objects are not news. Neither is a replayed event
    // older than the cached copy (a later list page already held the newer one).
    if (old && (fromList ? old.metadata.resourceVersion === obj.metadata.resourceVersion : isOlder(obj, old))) return;
    const cached = stripForCache(obj);
    this.cache.set(cached);
    if (old) this.emit((h) => h.onUpdate?.(old, cached));
    else this.emit((h) => h.onAdd?.(cached));
  }

  private emit(fn: (h: EventHandlers<T>) => void): void {
    for (const h of this.handlers) safe(this.log, () => fn(h));
  }

  private scheduleResync(): void {
    const every = this.opts.resyncMs ?? 0;
    if (every <= 0) return;
    this.resyncTimer = this.clock.setTimeout(() => {
      this.resyncTimer = undefined;
      void this.resync().then(() => {
        if (!this.abort?.signal.aborted) this.scheduleResync();
      });
    }, every);
  }

  /** Re-delivers every cached object in time slices: 30,000 at once held the event loop. */
  private async resync(): Promise<void> {
    if (!this.synced) return;
    const slice = new TimeSlice();
    for (const o of this.cache.values()) {
      if (this.abort?.signal.aborted) return;
      this.emit((h) => h.onUpdate?.(o, o));
      await slice.maybeYield();
    }
  }

}

/** True when `obj` is strictly older than the cached `old` (numeric resourceVersions only). */
function isOlder(obj: KubeObject, old: KubeObject): boolean {
  const a = obj.metadata.resourceVersion;
  const b = old.metadata.resourceVersion;
  return a !== b && /^\d+$/.test(a ?? "") && resourceVersionAtLeast(b, a);
}

/**
 * The object without metadata.managedFields, which no controller reads and which can outweigh
 * the object itself (client-go's cache transform). Watch events may be shared with other
 * watchers (read-only watch), so the root and metadata are copied, not edited. An update sent
 * without managedFields keeps the stored ones, so writing back an edited cached object loses
 * nothing.
 */
function stripForCache<T extends KubeObject>(obj: T): T {
  if (obj.metadata.managedFields === undefined) return obj;
  const { managedFields: _m, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

function isExpired(err: unknown): boolean {
  return ApiError.is(err) && (err.code === 410 || err.reason === "Expired" || err.reason === "Gone");
}

/** A throwing handler must never break the informer or the other handlers. */
function safe(log: Logger, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    log.error("informer handler threw", { error: err });
  }
}
