import type { Clock, TimerHandle } from "./clock";

interface FakeTimer {
  at: number;
  seq: number;
  fn: () => void;
}

/**
 * A manual Clock for tests: time moves only through `advance`, which fires due timers in
 * time order (ties in creation order) and lets promise callbacks run between them, so code
 * that awaits after a timer observes the same order as with real time.
 */
export class FakeClock implements Clock {
  private time: number;
  private seq = 0;
  private timers = new Set<FakeTimer>();

  constructor(start = Date.UTC(2025, 0, 1)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const t: FakeTimer = { at: this.time + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.add(t);
    return t;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle as FakeTimer);
  }

  /** Number of pending timers (lets tests assert a queue keeps one timer, not one per key). */
  pendingTimers(): number {
    return this.timers.size;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    await flushMicrotasks();
    for (;;) {
      const next = this.nextDue(end);
      if (!next) break;
      this.timers.delete(next);
      this.time = next.at;
      next.fn();
      await flushMicrotasks();
    }
    this.time = end;
    await flushMicrotasks();
  }

  private nextDue(end: number): FakeTimer | undefined {
    let best: FakeTimer | undefined;
    for (const t of this.timers) {
      if (t.at > end) continue;
      if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    }
    return best;
  }
}

/** Lets pending promise callbacks (several hops deep) run. */
export async function flushMicrotasks(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
  await new Promise<void>((r) => setImmediate(r));
}
