import type { KubeObject } from "../../kube/types";
import { objectKey } from "./keys";

/** Maps an object to the index values it should be found under (e.g. a label's value). */
export type IndexFunc<T extends KubeObject = KubeObject> = (obj: T) => string[];

const NAMESPACE_INDEX = "__namespace";

/**
 * The informer's store: objects by key plus secondary indexes kept up to date on every write.
 * Objects are stored as received and returned by reference, without copies: callers must
 * treat them as read-only (copy with structuredClone before editing), as with client-go's
 * cache.
 */
export class ObjectCache<T extends KubeObject = KubeObject> {
  private readonly items = new Map<string, T>();
  private readonly indexers: Record<string, IndexFunc<T>>;
  private readonly indexes = new Map<string, Map<string, Set<string>>>();

  constructor(indexers: Record<string, IndexFunc<T>> = {}) {
    this.indexers = { ...indexers, [NAMESPACE_INDEX]: (o) => [o.metadata.namespace ?? ""] };
    for (const name of Object.keys(this.indexers)) this.indexes.set(name, new Map());
  }

  /**
   * Adds an index after construction (controllers that need one the manager was not told
   * about); existing objects are indexed at once. Re-adding a name is a no-op, so every
   * reconcile-time caller may simply ask for it.
   */
  addIndexer(name: string, fn: IndexFunc<T>): void {
    if (this.indexers[name]) return;
    this.indexers[name] = fn;
    const index = new Map<string, Set<string>>();
    this.indexes.set(name, index);
    for (const [key, obj] of this.items) {
      for (const v of fn(obj)) {
        let set = index.get(v);
        if (!set) index.set(v, (set = new Set()));
        set.add(key);
      }
    }
  }

  hasIndex(name: string): boolean {
    return this.indexes.has(name);
  }

  get size(): number {
    return this.items.size;
  }

  getByKey(key: string): T | undefined {
    return this.items.get(key);
  }

  keys(): IterableIterator<string> {
    return this.items.keys();
  }

  values(): IterableIterator<T> {
    return this.items.values();
  }

  /** Stores obj; returns the object it replaced, if any. */
  set(obj: T): T | undefined {
    const key = objectKey(obj);
    const old = this.items.get(key);
    if (old) this.unindex(key, old);
    this.items.set(key, obj);
    this.index(key, obj);
    return old;
  }

  delete(key: string): T | undefined {
    const old = this.items.get(key);
    if (!old) return undefined;
    this.unindex(key, old);
    this.items.delete(key);
    return old;
  }

  /** Objects in `namespace` ("" for cluster-scoped), or all objects when namespace is undefined. */
  list(namespace?: string): T[] {
    if (namespace === undefined) return [...this.items.values()];
    return this.byIndex(NAMESPACE_INDEX, namespace);
  }

  /** Objects whose indexer `name` produced `value`. Unknown index names throw (a wiring bug). */
  byIndex(name: string, value: string): T[] {
    const index = this.indexes.get(name);
    if (!index) throw new Error(`informer cache has no index "${name}"`);
    const keys = index.get(value);
    if (!keys) return [];
    const out: T[] = [];
    for (const k of keys) {
      const o = this.items.get(k);
      if (o) out.push(o);
    }
    return out;
  }

  private index(key: string, obj: T): void {
    for (const [name, fn] of Object.entries(this.indexers)) {
      const index = this.indexes.get(name)!;
      for (const v of fn(obj)) {
        let set = index.get(v);
        if (!set) index.set(v, (set = new Set()));
        set.add(key);
      }
    }
  }

  private unindex(key: string, obj: T): void {
    for (const [name, fn] of Object.entries(this.indexers)) {
      const index = this.indexes.get(name)!;
      for (const v of fn(obj)) {
        const set = index.get(v);
        set?.delete(key);
        if (set?.size === 0) index.delete(v);
      }
    }
  }
}
