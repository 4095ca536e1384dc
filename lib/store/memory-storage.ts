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
import { compareKeys, decodeContinue, encodeContinue, objectKey } from "./continue-token";
import { EventRing } from "./event-ring";
import { cloneJson } from "./json-clone";
import { parseResourceVersion, tooOldResourceVersion, writeResult } from "./resource-version";
import { readSnapshot, writeSnapshot } from "./snapshot-file";
import { shareEvent, Subscription, WatchHub } from "./watch-hub";

export interface MemoryStorageOptions {
  /** Events kept for resuming watches; older resume points answer 410. Default 10,000. */
  eventLogSize?: number;
  /** When set, state is loaded from this file by open() and snapshotted to it (debounced, and on close). */
  snapshotFile?: string;
  /** Debounce of snapshot writes in ms. Default 500. */
  snapshotDelayMs?: number;
}

interface SnapshotV1 {
  version: 1;
  resourceVersion: number;
  objects: { group: string; resource: string; object: KubeObject }[];
}

const CONFLICT_MESSAGE = "the object has been modified; please apply your changes to the latest version and try again";

/** Deep copy of JSON-shaped data; callers may mutate what they pass in and what they get back. */
function clone<T>(v: T): T {
  return cloneJson(v);
}

function cloneEvent(e: StorageEvent): StorageEvent {
  return { ...e, key: { ...e.key }, object: clone(e.object) };
}

function resourceId(key: ResourceKey): string {
  return `${key.group}/${key.resource}`;
}

/**
 * Storage held in memory, for sandbox member clusters and tests. Same contract as the Prisma
 * store: one global strictly increasing resourceVersion, compare-and-set updates, a bounded
 * event log for resuming watches (410 beyond it), stable key-ordered paging.
 */
/** A snapshot waits at least this many times the last snapshot's duration. */
export const SNAPSHOT_COST_FACTOR = 50;

export class MemoryStorage implements Storage {
  private readonly tables = new Map<string, Map<string, KubeObject>>();
  private rv = 1;
  private readonly ring: EventRing;
  private readonly hub = new WatchHub();
  private readonly snapshotFile: string | undefined;
  private readonly snapshotDelayMs: number;
  private snapshotTimer: NodeJS.Timeout | undefined;
  private snapshotWrite: Promise<void> = Promise.resolve();
  /** Debounce of the next snapshot: grows with what the last one cost (see flushSnapshot). */
  private nextSnapshotDelayMs: number;
  private dirty = false;
  private closed = false;

  constructor(opts: MemoryStorageOptions = {}) {
    this.ring = new EventRing(opts.eventLogSize ?? 10_000, this.rv);
    this.snapshotFile = opts.snapshotFile;
    this.snapshotDelayMs = opts.snapshotDelayMs ?? 500;
    this.nextSnapshotDelayMs = this.snapshotDelayMs;
  }

  /** Loads the snapshot file, if configured and present. Without a snapshot file the store is usable at once. */
  async open(): Promise<this> {
    if (!this.snapshotFile) return this;
    const snap = await readSnapshot<SnapshotV1>(this.snapshotFile);
    if (!snap) return this;
    if (snap.version !== 1) throw new Error(`unsupported snapshot version ${String(snap.version)} in ${this.snapshotFile}`);
    this.tables.clear();
    for (const { group, resource, object } of snap.objects) {
      this.table({ group, resource }).set(objectKey(object.metadata.namespace ?? "", object.metadata.name ?? ""), object);
    }
    this.rv = snap.resourceVersion;
    // The events before the snapshot are not kept: resuming a watch from before it must relist.
    this.ring.reset(this.rv);
    return this;
  }

  async get(key: ResourceKey, namespace: string, name: string): Promise<KubeObject | undefined> {
    const obj = this.tables.get(resourceId(key))?.get(objectKey(namespace, name));
    return obj ? clone(obj) : undefined;
  }

  async list(key: ResourceKey, opts: StorageListOptions = {}): Promise<StorageListResult> {
    const start = opts.continue ? decodeContinue(opts.continue) : undefined;
    const listRv = start ? start.rv : String(this.rv);
    const table = this.tables.get(resourceId(key));
    const keys = table ? [...table.keys()].sort(compareKeys) : [];
    const nsPrefix = opts.namespace !== undefined ? objectKey(opts.namespace, "") : undefined;
    const limit = opts.limit && opts.limit > 0 ? opts.limit : Infinity;
    const items: KubeObject[] = [];
    let lastKey: string | undefined;
    let remaining = 0;
    for (const k of keys) {
      if (start && compareKeys(k, start.key) <= 0) continue;
      if (nsPrefix !== undefined && !k.startsWith(nsPrefix)) continue;
      const obj = table!.get(k)!;
      if (opts.filter && !opts.filter(obj)) continue;
      if (items.length >= limit) {
        remaining++;
        continue;
      }
      items.push(clone(obj));
      lastKey = k;
    }
    const result: StorageListResult = { items, resourceVersion: listRv };
    if (remaining > 0 && lastKey !== undefined) {
      result.continue = encodeContinue({ key: lastKey, rv: listRv });
      // Kubernetes only knows the remaining count when no selector filters the list.
      if (!opts.filter) result.remainingItemCount = remaining;
    }
    return result;
  }

  async create(key: ResourceKey, obj: KubeObject): Promise<KubeObject> {
    this.assertOpen();
    const { namespace, name } = this.identity(obj);
    const table = this.table(key);
    const k = objectKey(namespace, name);
    if (table.has(k)) throw errors.alreadyExists(key.resource, name, key.group);
    const stored = this.stamp(obj);
    table.set(k, stored);
    this.record("ADDED", key, namespace, name, stored);
    return writeResult(obj, stored.metadata.resourceVersion!);
  }

  /** An empty `expectedResourceVersion` means an unconditional update (Kubernetes' PUT without a resourceVersion). */
  async update(key: ResourceKey, obj: KubeObject, expectedResourceVersion: string): Promise<KubeObject> {
    this.assertOpen();
    const { namespace, name } = this.identity(obj);
    const table = this.table(key);
    const k = objectKey(namespace, name);
    const current = table.get(k);
    if (!current) throw errors.notFound(key.resource, name, key.group);
    if (expectedResourceVersion !== "" && current.metadata.resourceVersion !== expectedResourceVersion) {
      throw errors.conflict(key.resource, name, CONFLICT_MESSAGE, key.group);
    }
    const stored = this.stamp(obj);
    table.set(k, stored);
    this.record("MODIFIED", key, namespace, name, stored);
    return writeResult(obj, stored.metadata.resourceVersion!);
  }

  async delete(key: ResourceKey, namespace: string, name: string, expectedResourceVersion?: string): Promise<KubeObject> {
    this.assertOpen();
    const table = this.table(key);
    const k = objectKey(namespace, name);
    const current = table.get(k);
    if (!current) throw errors.notFound(key.resource, name, key.group);
    if (expectedResourceVersion && current.metadata.resourceVersion !== expectedResourceVersion) {
      throw errors.conflict(key.resource, name, CONFLICT_MESSAGE, key.group);
    }
    table.delete(k);
    const last = this.stamp(current);
    this.record("DELETED", key, namespace, name, last);
    return clone(last);
  }

  watch(opts: StorageWatchOptions): AsyncIterable<StorageEvent> {
    const from = parseResourceVersion(opts.fromResourceVersion);
    const self = this;
    return {
      [Symbol.asyncIterator]() {
        // Subscribe and replay in one synchronous step: nothing can be written in between.
        if (!self.ring.covers(from)) {
          const err = tooOldResourceVersion(from, self.ring.compactedThrough);
          return (async function* () {
            throw err;
          })();
        }
        const sub = new Subscription({ key: opts.key, namespace: opts.namespace }, opts.readOnly ? shareEvent : cloneEvent);
        for (const e of self.ring.after(from)) sub.push(e);
        if (self.closed) sub.end();
        else self.hub.add(sub);
        return sub.events(opts.signal);
      },
    };
  }

  async currentResourceVersion(): Promise<string> {
    return String(this.rv);
  }

  /** Ends every watch and writes the final snapshot. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.hub.endAll();
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = undefined;
    await this.snapshotWrite;
    if (this.dirty) await this.flushSnapshot();
  }

  private assertOpen() {
    if (this.closed) throw errors.serviceUnavailable("storage is closed");
  }

  private identity(obj: KubeObject): { namespace: string; name: string } {
    const name = obj.metadata?.name;
    if (!name) throw errors.badRequest("name is required to store an object");
    return { namespace: obj.metadata.namespace ?? "", name };
  }

  private table(key: ResourceKey): Map<string, KubeObject> {
    const id = resourceId(key);
    let t = this.tables.get(id);
    if (!t) this.tables.set(id, (t = new Map()));
    return t;
  }

  /**
   * The store's private copy of `obj` carrying the next resourceVersion. Table, event log and
   * read-only watchers share it; callers get `writeResult` over their own object instead.
   */
  private stamp(obj: KubeObject): KubeObject {
    const copy = clone(obj);
    this.rv++;
    copy.metadata.resourceVersion = String(this.rv);
    return copy;
  }

  private record(type: StorageEvent["type"], key: ResourceKey, namespace: string, name: string, object: KubeObject) {
    const e: StorageEvent = { type, key: { group: key.group, resource: key.resource }, namespace, name, object, resourceVersion: String(this.rv) };
    this.ring.push(e, this.rv);
    this.hub.publish(e);
    this.scheduleSnapshot();
  }

  private scheduleSnapshot() {
    if (!this.snapshotFile) return;
    this.dirty = true;
    if (this.snapshotTimer) return;
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = undefined;
      this.snapshotWrite = this.snapshotWrite.then(() => this.flushSnapshot()).catch((err) => {
        console.error(`[store] snapshot to ${this.snapshotFile} failed:`, err);
      });
    }, this.nextSnapshotDelayMs);
    this.snapshotTimer.unref?.();
  }

  private async flushSnapshot(): Promise<void> {
    if (!this.snapshotFile) return;
    this.dirty = false;
    const started = performance.now();
    const objects: SnapshotV1["objects"] = [];
    for (const [id, table] of this.tables) {
      const i = id.indexOf("/");
      const group = id.slice(0, i);
      const resource = id.slice(i + 1);
      for (const object of table.values()) objects.push({ group, resource, object });
    }
    const snap: SnapshotV1 = { version: 1, resourceVersion: this.rv, objects };
    await writeSnapshot(this.snapshotFile, snap);
    // A snapshot serialises the whole store on the event loop, so a fixed debounce made its cost
    // grow with the store: ten in-process sandboxes holding 1,000 Deployments each spent 18% of
    // the control plane's thread rewriting their files every 2 s. Spacing snapshots by
    // SNAPSHOT_COST_FACTOR times the last one's duration keeps them under ~2% of the thread.
    this.nextSnapshotDelayMs = Math.max(this.snapshotDelayMs, (performance.now() - started) * SNAPSHOT_COST_FACTOR);
  }
}
