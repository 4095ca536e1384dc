import type { KubeObject } from "../kube/types";

interface Entry {
  /** The committed object, or null: known deleted at `rv`. Shared: never handed out uncopied. */
  object: KubeObject | null;
  rv: number;
}

/**
 * A bounded, write-through cache of committed objects for a store whose every write passes
 * through this process (embedded PGlite: one process owns the data directory). Point reads are
 * the commonest query of the control plane (every update and patch reads the object first) and
 * on PGlite each one waits behind the single connection's running transaction; served from here
 * they cost a map lookup.
 *
 * Exactness rules: commits are applied in resourceVersion order per key (an older one arriving
 * late is ignored); a value read from the database is only kept when no commit landed while the
 * read was in flight, so a slow read can never overwrite a newer commit. Least recently used
 * entries are evicted beyond `capacity`. Values are the store's shared copies: callers copy them
 * before handing them out.
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private commits = 0;

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * The cached state of `id`: an object, null when known deleted, undefined when unknown.
   * A hit becomes the most recently used entry.
   */
  lookup(id: string): KubeObject | null | undefined {
    const e = this.entries.get(id);
    if (!e) return undefined;
    this.entries.delete(id);
    this.entries.set(id, e);
    return e.object;
  }

  /** A token to pass to `fill` after reading the database. */
  readStarted(): number {
    return this.commits;
  }

  /** Keeps a value read from the database, unless a commit happened since `token`. */
  fill(id: string, object: KubeObject | undefined, token: number): void {
    if (token !== this.commits || this.entries.has(id)) return;
    // Absent rows are not cached: creates would fill the cache with names that never exist.
    if (!object) return;
    this.put(id, { object, rv: Number(object.metadata?.resourceVersion) || 0 });
  }

  /** Applies a committed write: the new object, or null for a deletion, at resourceVersion `rv`. */
  committed(id: string, object: KubeObject | null, rv: number): void {
    this.commits++;
    const current = this.entries.get(id);
    if (current && current.rv >= rv) return;
    if (current) this.entries.delete(id);
    this.put(id, { object, rv });
  }

  private put(id: string, e: Entry): void {
    this.entries.set(id, e);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
