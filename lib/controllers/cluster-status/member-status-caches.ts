import { realClock, type Clock, type TimerHandle } from "../runtime/clock";
import type { Logger } from "../runtime/log";
import { MemberStatusCache, type ListWatchClient } from "./member-status-cache";

export interface MemberStatusCachesOptions {
  /** A cache nobody read for this long is stopped (controller stopped, member long unready). Default 2 min. */
  idleMs?: number;
  clock?: Clock;
  log?: Logger;
  backoff?: { initialMs?: number; maxMs?: number };
}

/**
 * One MemberStatusCache per cluster, as Karmada's TypedInformerManager keeps one per member:
 * made on the first collection, replaced when the cluster's client changes (new credentials or
 * endpoint), stopped by `forget` (Cluster deleted) and by an idle sweep, which also ends the
 * watches of a controller that stopped (a lost leadership term) without a hook of its own.
 */
export class MemberStatusCaches {
  private readonly entries = new Map<string, { member: ListWatchClient; cache: MemberStatusCache; usedAt: number }>();
  private readonly clock: Clock;
  private readonly idleMs: number;
  private sweep: TimerHandle | undefined;

  constructor(private readonly opts: MemberStatusCachesOptions = {}) {
    this.clock = opts.clock ?? realClock;
    this.idleMs = opts.idleMs ?? 120_000;
  }

  /**
   * The cache of `cluster` read through `member`; undefined for a client that cannot list and
   * watch (the caller LISTs as before).
   */
  for(cluster: string, member: Partial<ListWatchClient>): MemberStatusCache | undefined {
    if (typeof member.list !== "function" || typeof member.watch !== "function") return undefined;
    let e = this.entries.get(cluster);
    if (e && e.member !== member) {
      void e.cache.stop();
      e = undefined;
    }
    if (!e) {
      const client = member as ListWatchClient;
      e = { member: client, cache: new MemberStatusCache({ member: client, clock: this.opts.clock, log: this.opts.log?.child({ cluster }), backoff: this.opts.backoff }), usedAt: 0 };
      this.entries.set(cluster, e);
    }
    e.usedAt = this.clock.now();
    this.armSweep();
    return e.cache;
  }

  has(cluster: string): boolean {
    return this.entries.has(cluster);
  }

  /** Stops and drops the cache of one cluster. */
  async forget(cluster: string): Promise<void> {
    const e = this.entries.get(cluster);
    this.entries.delete(cluster);
    await e?.cache.stop();
  }

  async stop(): Promise<void> {
    if (this.sweep) this.clock.clearTimeout(this.sweep);
    this.sweep = undefined;
    const all = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(all.map((e) => e.cache.stop()));
  }

  private armSweep(): void {
    if (this.sweep) return;
    this.sweep = this.clock.setTimeout(() => {
      this.sweep = undefined;
      const now = this.clock.now();
      for (const [cluster, e] of this.entries) if (now - e.usedAt >= this.idleMs) void this.forget(cluster);
      if (this.entries.size > 0) this.armSweep();
    }, this.idleMs);
  }
}
