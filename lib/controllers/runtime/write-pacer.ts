/**
 * Per key, when a controller last wrote a status that was still in progress (a rollout moving
 * through intermediate states). The controller holds the next in-progress write of that key
 * until `intervalMs` after the previous one and requeues meanwhile: level-triggered, so what is
 * written then is the state of that moment, and a burst of progress becomes one write. A state
 * that is no longer in progress is written at once and forgets the key. In memory only: after a
 * restart the first write of each key goes out at once. Bounded: the oldest entries go first.
 */
export class WritePacer {
  private readonly last = new Map<string, number>();

  constructor(
    readonly intervalMs: number,
    private readonly maxEntries = 100_000,
  ) {}

  /** Milliseconds to hold an in-progress write of `key` (0: write now). */
  waitMs(key: string, nowMs: number): number {
    const at = this.last.get(key);
    return at === undefined ? 0 : Math.max(0, at + this.intervalMs - nowMs);
  }

  /** Records a write: `inProgress` keeps the key paced, otherwise it is forgotten. */
  wrote(key: string, nowMs: number, inProgress: boolean): void {
    this.last.delete(key);
    if (!inProgress) return;
    this.last.set(key, nowMs);
    if (this.last.size > this.maxEntries) this.last.delete(this.last.keys().next().value as string);
  }

  forget(key: string): void {
    this.last.delete(key);
  }

  get size(): number {
    return this.last.size;
  }
}
