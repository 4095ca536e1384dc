import type { Clock } from "../runtime/clock";

/**
 * A token bucket (Karmada's --resource-eviction-rate): `ratePerSecond` tokens refill per
 * second up to `burst`. `take()` either consumes a token or says how long until one is there,
 * so callers requeue instead of sleeping.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly clock: Clock,
  ) {
    this.tokens = burst;
    this.last = clock.now();
  }

  /** 0 when a token was taken, otherwise the milliseconds to wait before trying again. */
  take(): number {
    if (this.ratePerSecond <= 0) return 0;
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
  }
}
