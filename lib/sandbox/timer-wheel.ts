import type { Clock, TimerHandle } from "../controllers/runtime/clock";
import { MinHeap } from "../controllers/runtime/min-heap";

interface Entry {
  fn: () => void;
  cancelled: boolean;
}

/**
 * A Clock whose timers all share one Node timer: pending callbacks sit in a min-heap and a
 * single timeout is armed for the earliest. Every sandbox's queues, informers and simulated
 * delays run on one TimerWheel, so a hundred idle sandboxes cost one timer, not thousands.
 * Cancelled entries are dropped lazily when they reach the head.
 */
export class TimerWheel implements Clock {
  private readonly heap = new MinHeap<Entry>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private armedAt = Infinity;

  constructor(private readonly base: { now(): number } = { now: () => Date.now() }) {}

  now(): number {
    return this.base.now();
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const entry: Entry = { fn, cancelled: false };
    this.heap.push(this.now() + Math.max(0, ms), entry);
    this.arm();
    return entry;
  }

  clearTimeout(handle: TimerHandle): void {
    (handle as Entry).cancelled = true;
  }

  /** Timers waiting (cancelled ones included until they reach the head). */
  get pending(): number {
    return this.heap.size;
  }

  /** Drops every pending timer (process shutdown, tests). */
  clear(): void {
    this.heap.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.armedAt = Infinity;
  }

  private arm(): void {
    const head = this.heap.peek();
    if (!head) return;
    if (this.timer && this.armedAt <= head.at) return;
    if (this.timer) clearTimeout(this.timer);
    this.armedAt = head.at;
    this.timer = setTimeout(() => this.fire(), Math.max(0, head.at - this.now()));
    this.timer.unref?.();
  }

  private fire(): void {
    this.timer = undefined;
    this.armedAt = Infinity;
    const now = this.now();
    for (let head = this.heap.peek(); head && head.at <= now; head = this.heap.peek()) {
      const { value } = this.heap.pop()!;
      if (value.cancelled) continue;
      try {
        value.fn();
      } catch (err) {
        console.error(JSON.stringify({ level: "error", msg: "sandbox timer callback failed", error: err instanceof Error ? err.stack : String(err) }));
      }
    }
    this.arm();
  }
}
