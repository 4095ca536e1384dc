/**
 * Giving the event loop's I/O phase a turn. Reconciles served from the informer cache, queue
 * hand-offs and in-process watch events all settle as promise continuations (microtasks), and
 * Node runs every queued microtask before it polls sockets: a busy runtime would otherwise keep
 * API requests and watch streams waiting until all its work is done.
 */

/** Resolves in the check phase, after the pending I/O callbacks have run. */
export function yieldToIO(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * For loops over many cheap items (a relist, a resync): `await slice.maybeYield()` after each
 * item yields only once `budgetMs` of uninterrupted work has passed, so short loops stay
 * synchronous and long ones are cut into slices.
 */
export class TimeSlice {
  private started = performance.now();

  constructor(private readonly budgetMs = 5) {}

  /** True when the slice is used up (the caller should yield). */
  get due(): boolean {
    return performance.now() - this.started >= this.budgetMs;
  }

  async maybeYield(): Promise<void> {
    if (!this.due) return;
    await yieldToIO();
    this.started = performance.now();
  }
}
