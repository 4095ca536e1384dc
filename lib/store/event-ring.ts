import type { StorageEvent } from "../apiserver/storage";

/**
 * A bounded log of the newest events, oldest evicted first. Remembers the highest evicted
 * resourceVersion so callers can answer 410 for a resume point the ring no longer covers.
 */
export class EventRing {
  private readonly buf: (StorageEvent | undefined)[];
  private start = 0;
  private count = 0;
  private rvs: number[];

  /** `compactedThrough`: every event with rv <= this is gone (or never existed here). */
  constructor(
    readonly capacity: number,
    public compactedThrough = 0,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`EventRing capacity must be a positive integer, got ${capacity}`);
    this.buf = new Array(capacity);
    this.rvs = new Array(capacity).fill(0);
  }

  get size(): number {
    return this.count;
  }

  /** Appends an event whose rv is greater than every earlier one. */
  push(e: StorageEvent, rv: number): void {
    if (this.count === this.capacity) {
      this.compactedThrough = this.rvs[this.start];
      this.buf[this.start] = undefined;
      this.start = (this.start + 1) % this.capacity;
      this.count--;
    }
    const i = (this.start + this.count) % this.capacity;
    this.buf[i] = e;
    this.rvs[i] = rv;
    this.count++;
  }

  /** True when every event after `rv` is still held. */
  covers(rv: number): boolean {
    return rv >= this.compactedThrough;
  }

  /** Events with resourceVersion strictly greater than `rv`, oldest first. */
  after(rv: number): StorageEvent[] {
    let lo = 0;
    let hi = this.count;
    // Binary search for the first slot whose rv > requested; rvs increase along the ring.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rvs[(this.start + mid) % this.capacity] > rv) hi = mid;
      else lo = mid + 1;
    }
    const out: StorageEvent[] = [];
    for (let j = lo; j < this.count; j++) out.push(this.buf[(this.start + j) % this.capacity]!);
    return out;
  }

  /**
   * Declares every event up to `rv` gone (the shared log was compacted), so resuming from before
   * it answers 410 here exactly as it would on another replica.
   */
  raiseFloor(rv: number): void {
    if (rv > this.compactedThrough) this.compactedThrough = rv;
  }

  /** Drops everything (e.g. after loading a snapshot: the history before it is unknown). */
  reset(compactedThrough: number): void {
    this.buf.fill(undefined);
    this.start = 0;
    this.count = 0;
    this.compactedThrough = compactedThrough;
  }
}
