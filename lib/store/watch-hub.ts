import type { ResourceKey, StorageEvent } from "../apiserver/storage";

/** Which events one watcher wants: every resource, one resource, or one resource in one namespace. */
export interface WatchFilter {
  key?: ResourceKey;
  namespace?: string;
  /** Only events with a larger resourceVersion (a resume point newer than this replica has seen yet). */
  afterRv?: number;
}

export function matchesFilter(filter: WatchFilter, e: StorageEvent): boolean {
  if (filter.key && (filter.key.group !== e.key.group || filter.key.resource !== e.key.resource)) return false;
  if (filter.namespace !== undefined && filter.namespace !== e.namespace) return false;
  if (filter.afterRv !== undefined && Number(e.resourceVersion) <= filter.afterRv) return false;
  return true;
}

/**
 * One watcher's buffer. Events are queued synchronously by the publisher (so nothing published
 * after subscription can be lost) and drained by the consumer's async iterator.
 */
export class Subscription {
  private queue: StorageEvent[] = [];
  /** Index of the next event to yield: shift() would move the whole backlog on every read. */
  private head = 0;
  private wake: (() => void) | undefined;
  private ended = false;
  private failure: unknown;

  constructor(
    readonly filter: WatchFilter,
    /** Copies an event for this consumer; the hub shares one stored event between watchers. */
    private readonly copy: (e: StorageEvent) => StorageEvent,
  ) {}

  push(e: StorageEvent): void {
    if (this.ended || !matchesFilter(this.filter, e)) return;
    this.queue.push(e);
    this.notify();
  }

  /** Ends the stream; with an error the consumer's next read throws it. */
  end(err?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.failure = err;
    this.notify();
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** Yields queued then live events until the signal aborts or end() is called. */
  async *events(signal: AbortSignal): AsyncGenerator<StorageEvent> {
    const onAbort = () => this.notify();
    signal.addEventListener("abort", onAbort, { once: true });
    try {
      for (;;) {
        if (signal.aborted) return;
        if (this.head < this.queue.length) {
          const e = this.queue[this.head];
          this.queue[this.head++] = undefined as unknown as StorageEvent;
          if (this.head === this.queue.length) {
            this.queue = [];
            this.head = 0;
          } else if (this.head >= 1024 && this.head * 2 >= this.queue.length) {
            // Drop the consumed prefix now and then so a long backlog does not keep growing.
            this.queue = this.queue.slice(this.head);
            this.head = 0;
          }
          yield this.copy(e);
          continue;
        }
        if (this.ended) {
          if (this.failure !== undefined) throw this.failure;
          return;
        }
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
      }
    } finally {
      signal.removeEventListener("abort", onAbort);
      this.end();
    }
  }

  private notify() {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }
}

/** The copy function of a read-only watcher: the shared stored event itself. */
export function shareEvent(e: StorageEvent): StorageEvent {
  return e;
}

/** In-process fan-out of committed events, in resourceVersion order, to every live Subscription. */
export class WatchHub {
  private readonly subs = new Set<Subscription>();

  add(sub: Subscription): () => void {
    this.subs.add(sub);
    return () => this.subs.delete(sub);
  }

  publish(e: StorageEvent): void {
    for (const s of this.subs) {
      if (s.isEnded) this.subs.delete(s);
      else s.push(e);
    }
  }

  /** Ends every subscription (store closing). */
  endAll(err?: unknown): void {
    for (const s of this.subs) s.end(err);
    this.subs.clear();
  }

  get size(): number {
    return this.subs.size;
  }
}
