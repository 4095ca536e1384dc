import { realClock, sleep, type Clock } from "./clock";
import { noopLogger, type Logger } from "./log";

/**
 * The lease the store implements (a Postgres row updated with compare-and-set). Semantics:
 * `tryAcquireOrRenew` succeeds when the lease is free, expired (renewTime + duration < now) or
 * already held by `identity`, and then records identity and a fresh renew time; it answers
 * false when someone else holds a live lease. `release` frees the lease only if `identity`
 * holds it.
 */
export interface LeaseStore {
  tryAcquireOrRenew(name: string, identity: string, durationMs: number): Promise<boolean>;
  release(name: string, identity: string): Promise<void>;
}

export interface LeaderElectorOptions {
  store: LeaseStore;
  /** Lease name, e.g. "flotilla-controller-manager". */
  name: string;
  /** Unique per replica (hostname + pid + random). */
  identity: string;
  /** How long a lease lives without renewal. Default 15 s (client-go). */
  leaseDurationMs?: number;
  /** The leader renews every leaseDuration × renewFraction. Default 1/3. */
  renewFraction?: number;
  /** A leader that could not renew for this long steps down. Default 2/3 of the duration. */
  renewDeadlineMs?: number;
  /** Followers retry acquisition this often. Default leaseDuration / 5. */
  retryPeriodMs?: number;
  clock?: Clock;
  log?: Logger;
  /** Called when this replica becomes leader; the signal aborts when leadership ends. */
  onStartedLeading(signal: AbortSignal): void | Promise<void>;
  /** Called after leadership ends (lost or released). */
  onStoppedLeading?(): void | Promise<void>;
}

/**
 * Leader election over a LeaseStore (client-go's leaderelection). Like client-go it does not
 * fence: two replicas can briefly both act, so reconcilers must stay idempotent and write with
 * resourceVersion compare-and-set. A leader that cannot renew steps down by aborting the
 * signal it handed to onStartedLeading, then competes again.
 */
export class LeaderElector {
  private leading = false;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly durationMs: number;

  constructor(private readonly opts: LeaderElectorOptions) {
    this.clock = opts.clock ?? realClock;
    this.durationMs = opts.leaseDurationMs ?? 15_000;
    this.log = (opts.log ?? noopLogger).child({ lease: opts.name, identity: opts.identity });
  }

  get isLeader(): boolean {
    return this.leading;
  }

  /** Competes for the lease until `signal` aborts; releases it on the way out if held. */
  async run(signal: AbortSignal): Promise<void> {
    const retryMs = this.opts.retryPeriodMs ?? this.durationMs / 5;
    while (!signal.aborted) {
      if (await this.attempt()) await this.lead(signal);
      if (signal.aborted) break;
      await sleep(this.clock, retryMs, signal).catch(() => {});
    }
  }

  private async attempt(): Promise<boolean> {
    try {
      return await this.opts.store.tryAcquireOrRenew(this.opts.name, this.opts.identity, this.durationMs);
    } catch (err) {
      this.log.warn("lease request failed", { error: err });
      return false;
    }
  }

  /** Holds the lease: renews on schedule, steps down on loss, releases on shutdown. */
  private async lead(signal: AbortSignal): Promise<void> {
    const term = new AbortController();
    const onStop = () => term.abort(new Error("shutting down"));
    signal.addEventListener("abort", onStop, { once: true });
    this.leading = true;
    this.log.info("became leader");
    const renewMs = this.durationMs * (this.opts.renewFraction ?? 1 / 3);
    const deadlineMs = this.opts.renewDeadlineMs ?? (this.durationMs * 2) / 3;
    let lastRenew = this.clock.now();
    // Not awaited: renewals must go on while the callback starts controllers and syncs caches.
    Promise.resolve()
      .then(() => this.opts.onStartedLeading(term.signal))
      .catch((err) => this.log.error("onStartedLeading failed", { error: err }));
    while (!term.signal.aborted) {
      await sleep(this.clock, renewMs, term.signal).catch(() => {});
      if (term.signal.aborted) break;
      const renewed = await this.renew();
      if (renewed === true) lastRenew = this.clock.now();
      else if (renewed === false || this.clock.now() - lastRenew >= deadlineMs) term.abort(new Error("leader lease lost"));
    }
    signal.removeEventListener("abort", onStop);
    this.leading = false;
    if (signal.aborted) await this.opts.store.release(this.opts.name, this.opts.identity).catch((err) => this.log.warn("lease release failed", { error: err }));
    this.log.info("stopped leading", { reason: String(term.signal.reason) });
    try {
      await this.opts.onStoppedLeading?.();
    } catch (err) {
      this.log.error("onStoppedLeading failed", { error: err });
    }
  }

  /** true: renewed; false: someone else holds it; undefined: the store failed (retry until the deadline). */
  private async renew(): Promise<boolean | undefined> {
    try {
      return await this.opts.store.tryAcquireOrRenew(this.opts.name, this.opts.identity, this.durationMs);
    } catch (err) {
      this.log.warn("lease renewal failed", { error: err });
      return undefined;
    }
  }
}

/**
 * Runs `manager` only while leading: start on election, stop on loss. The usual way to boot
 * controllers in a replica set (instrumentation.ts).
 */
export function runWhileLeading(opts: Omit<LeaderElectorOptions, "onStartedLeading" | "onStoppedLeading"> & { manager: { start(signal?: AbortSignal): Promise<void>; stop(): Promise<void> } }, signal: AbortSignal): { elector: LeaderElector; done: Promise<void> } {
  const { manager, ...rest } = opts;
  const elector = new LeaderElector({
    ...rest,
    onStartedLeading: (term) => manager.start(term),
    onStoppedLeading: () => manager.stop(),
  });
  return { elector, done: elector.run(signal) };
}
