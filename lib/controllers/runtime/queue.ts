import { realClock, type Clock, type TimerHandle } from "./clock";
import { MinHeap } from "./min-heap";

/** Options of a work queue; every field has a sensible default. */
export interface WorkQueueOptions {
  /** Used in metrics and logs. */
  name?: string;
  clock?: Clock;
  /** First retry delay of addRateLimited (client-go: 5 ms). */
  baseDelayMs?: number;
  /** Cap of the per-key exponential backoff; a console wants minutes, not client-go's 1000 s. */
  maxDelayMs?: number;
  /** Most distinct keys waiting at once; adds beyond it are dropped and counted (resync heals). */
  maxLength?: number;
}

/** Counters a /metrics endpoint can export. */
export interface WorkQueueMetrics {
  name: string;
  /** Keys ready to be handed to a worker. */
  depth: number;
  /** Keys currently held by workers. */
  processing: number;
  /** Keys waiting for their addAfter / backoff delay. */
  delayed: number;
  /** add() calls that enqueued a key (deduplicated adds are not counted). */
  adds: number;
  /** addRateLimited() calls. */
  retries: number;
  /** add() calls refused because the queue was full. */
  dropped: number;
}

/**
 * client-go's rate-limited delaying work queue, in TypeScript.
 *
 * - Fair: keys are handed out in the order they were added.
 * - Stingy: a key added many times before a worker takes it is processed once (dirty set).
 * - Re-entrant safe: a key is never held by two workers; a key added while being processed
 *   is remembered and queued again once the worker calls `done` (processing set).
 * - `addAfter` keeps all delayed keys in one min-heap with one armed timer; a key already
 *   waiting keeps the earlier of its two ready times.
 * - `addRateLimited` delays by the key's exponential backoff (base · 2^failures, capped);
 *   `forget` resets it, which workers do after a success.
 */
export class WorkQueue {
  readonly name: string;
  private readonly clock: Clock;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxLength: number;

  private readonly ready: string[] = [];
  private readyHead = 0;
  private readonly dirty = new Set<string>();
  private readonly processing = new Set<string>();
  private readonly waitingUntil = new Map<string, number>();
  private readonly heap = new MinHeap<string>();
  private timer: TimerHandle | undefined;
  private timerAt = Infinity;
  private readonly failures = new Map<string, number>();
  private readonly waiters: ((key: string | undefined) => void)[] = [];
  private shuttingDown = false;
  private counters = { adds: 0, retries: 0, dropped: 0 };

  constructor(opts: WorkQueueOptions = {}) {
    this.name = opts.name ?? "queue";
    this.clock = opts.clock ?? realClock;
    this.baseDelayMs = opts.baseDelayMs ?? 5;
    this.maxDelayMs = opts.maxDelayMs ?? 5 * 60_000;
    this.maxLength = opts.maxLength ?? 100_000;
  }

  /** Marks `key` as needing processing. Returns false only when the queue is shut down or full. */
  add(key: string): boolean {
    if (this.shuttingDown) return false;
    if (this.dirty.has(key)) return true;
    if (this.dirty.size >= this.maxLength) {
      this.counters.dropped++;
      return false;
    }
    this.dirty.add(key);
    this.counters.adds++;
    // Re-entrancy: the worker holding it re-queues it in done().
    if (this.processing.has(key)) return true;
    this.enqueueReady(key);
    return true;
  }

  /** Adds `key` once `ms` have passed (immediately when ms <= 0). */
  addAfter(key: string, ms: number): void {
    if (this.shuttingDown) return;
    if (ms <= 0) {
      this.add(key);
      return;
    }
    const at = this.clock.now() + ms;
    const current = this.waitingUntil.get(key);
    if (current !== undefined && current <= at) return;
    this.waitingUntil.set(key, at);
    this.heap.push(at, key);
    this.arm();
  }

  /** Adds `key` after its backoff delay and counts one more failure for it. */
  addRateLimited(key: string): void {
    this.counters.retries++;
    this.addAfter(key, this.when(key));
  }

  /** The delay the next addRateLimited would use, consuming one failure. */
  private when(key: string): number {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    const delay = this.baseDelayMs * 2 ** n;
    return Number.isFinite(delay) ? Math.min(delay, this.maxDelayMs) : this.maxDelayMs;
  }

  /** Clears the key's failure count (call after a successful reconcile). */
  forget(key: string): void {
    this.failures.delete(key);
  }

  /** How many times the key has been retried since it was last forgotten. */
  numRequeues(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  /**
   * Waits for the next key and marks it as processing; the caller must call `done(key)`.
   * Resolves undefined once the queue is shut down and drained of ready keys.
   */
  get(): Promise<string | undefined> {
    const key = this.takeReady();
    if (key !== undefined) return Promise.resolve(key);
    if (this.shuttingDown) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Releases a key taken with get(); re-queues it if it was added meanwhile. */
  done(key: string): void {
    this.processing.delete(key);
    if (this.dirty.has(key)) this.enqueueReady(key);
  }

  /** Stops accepting keys, drops delayed ones and wakes idle workers with undefined. */
  shutdown(): void {
    this.shuttingDown = true;
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
    this.heap.clear();
    this.waitingUntil.clear();
    for (const w of this.waiters.splice(0)) w(undefined);
  }

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  /** Number of keys ready to be handed out. */
  len(): number {
    return this.ready.length - this.readyHead;
  }

  metrics(): WorkQueueMetrics {
    return { name: this.name, depth: this.len(), processing: this.processing.size, delayed: this.waitingUntil.size, ...this.counters };
  }

  private enqueueReady(key: string): void {
    const waiter = this.waiters.shift();
    if (waiter) {
      this.dirty.delete(key);
      this.processing.add(key);
      waiter(key);
      return;
    }
    this.ready.push(key);
  }

  private takeReady(): string | undefined {
    if (this.readyHead >= this.ready.length) return undefined;
    const key = this.ready[this.readyHead++];
    // Compact the array now and then instead of shifting on every get.
    if (this.readyHead > 1024 && this.readyHead * 2 > this.ready.length) {
      this.ready.splice(0, this.readyHead);
      this.readyHead = 0;
    }
    this.dirty.delete(key);
    this.processing.add(key);
    return key;
  }

  /** Keeps exactly one timer armed for the earliest delayed key. */
  private arm(): void {
    const head = this.heap.peek();
    if (!head) return;
    if (this.timer && this.timerAt <= head.at) return;
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timerAt = head.at;
    this.timer = this.clock.setTimeout(() => this.fire(), head.at - this.clock.now());
  }

  private fire(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = this.clock.now();
    for (let head = this.heap.peek(); head && head.at <= now; head = this.heap.peek()) {
      this.heap.pop();
      // Stale heap entries (the key was re-scheduled earlier) are skipped.
      if (this.waitingUntil.get(head.value) !== head.at) continue;
      this.waitingUntil.delete(head.value);
      this.add(head.value);
    }
    this.arm();
  }
}
