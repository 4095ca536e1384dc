import { realClock, type Clock } from "./clock";
import type { LeaseStore } from "./leader-election";

/**
 * A LeaseStore in memory: for a single replica without Postgres, and for tests of hand-over
 * between electors sharing one instance. `failing` makes every call reject (store outage).
 */
export class MemoryLeaseStore implements LeaseStore {
  failing = false;
  private readonly leases = new Map<string, { holder: string; renewMs: number; durationMs: number }>();

  constructor(private readonly clock: Clock = realClock) {}

  async tryAcquireOrRenew(name: string, identity: string, durationMs: number): Promise<boolean> {
    if (this.failing) throw new Error("lease store unavailable");
    const now = this.clock.now();
    const cur = this.leases.get(name);
    if (cur && cur.holder !== identity && cur.renewMs + cur.durationMs > now) return false;
    this.leases.set(name, { holder: identity, renewMs: now, durationMs });
    return true;
  }

  async release(name: string, identity: string): Promise<void> {
    if (this.failing) throw new Error("lease store unavailable");
    if (this.leases.get(name)?.holder === identity) this.leases.delete(name);
  }

  holder(name: string): string | undefined {
    const cur = this.leases.get(name);
    return cur && cur.renewMs + cur.durationMs > this.clock.now() ? cur.holder : undefined;
  }
}
