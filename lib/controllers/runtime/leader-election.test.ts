import { afterEach, describe, expect, it } from "vitest";
import { FakeClock, flushMicrotasks } from "./fake-clock";
import { LeaderElector, type LeaseStore } from "./leader-election";
import { MemoryLeaseStore } from "./memory-lease-store";

interface Replica {
  elector: LeaderElector;
  stop: AbortController;
  done: Promise<void>;
  log: string[];
  terms: AbortSignal[];
  down: boolean;
  /** The store answers "held by someone else" to this replica. */
  usurped: boolean;
}

const replicas: Replica[] = [];
afterEach(async () => {
  for (const r of replicas.splice(0)) r.stop.abort();
});

function replica(id: string, store: MemoryLeaseStore, clock: FakeClock): Replica {
  const r = { log: [] as string[], terms: [] as AbortSignal[], down: false, usurped: false } as Replica;
  // A replica that is "down" cannot reach the store (crash or partition).
  const view: LeaseStore = {
    tryAcquireOrRenew: (...a) =>
      r.down ? Promise.reject(new Error("unreachable")) : r.usurped ? Promise.resolve(false) : store.tryAcquireOrRenew(...a),
    release: (...a) => (r.down ? Promise.reject(new Error("unreachable")) : store.release(...a)),
  };
  r.elector = new LeaderElector({
    store: view,
    name: "controllers",
    identity: id,
    leaseDurationMs: 15_000,
    retryPeriodMs: 2_000,
    clock,
    onStartedLeading: (signal) => {
      r.terms.push(signal);
      r.log.push(`start@${clock.now()}`);
    },
    onStoppedLeading: () => {
      r.log.push(`stop@${clock.now()}`);
    },
  });
  r.stop = new AbortController();
  r.done = r.elector.run(r.stop.signal);
  replicas.push(r);
  return r;
}

describe("LeaderElector", () => {
  it("elects exactly one of two replicas and keeps it by renewing", async () => {
    const clock = new FakeClock(0);
    const store = new MemoryLeaseStore(clock);
    const a = replica("a", store, clock);
    const b = replica("b", store, clock);
    await flushMicrotasks();
    expect(a.elector.isLeader).toBe(true);
    expect(b.elector.isLeader).toBe(false);
    await clock.advance(60_000);
    expect(a.elector.isLeader).toBe(true);
    expect(b.elector.isLeader).toBe(false);
    expect(store.holder("controllers")).toBe("a");
    expect(a.log).toEqual(["start@0"]);
  });

  it("hands over quickly when the leader shuts down and releases", async () => {
    const clock = new FakeClock(0);
    const store = new MemoryLeaseStore(clock);
    const a = replica("a", store, clock);
    await flushMicrotasks();
    const b = replica("b", store, clock);
    await clock.advance(1_000);
    a.stop.abort();
    await a.done;
    expect(a.terms[0].aborted).toBe(true);
    expect(a.log).toEqual(["start@0", "stop@1000"]);
    await clock.advance(2_000);
    expect(b.elector.isLeader).toBe(true);
    expect(b.log).toEqual(["start@2000"]);
  });

  it("a leader that cannot renew steps down at the renew deadline; the other takes over after expiry", async () => {
    const clock = new FakeClock(0);
    const store = new MemoryLeaseStore(clock);
    const a = replica("a", store, clock);
    await flushMicrotasks();
    const b = replica("b", store, clock);
    a.down = true;
    // Last renewal at 0; renewals at 5 s and 10 s fail; deadline is 10 s.
    await clock.advance(10_000);
    expect(a.elector.isLeader).toBe(false);
    expect(a.terms[0].aborted).toBe(true);
    expect(b.elector.isLeader).toBe(false);
    await clock.advance(6_000);
    expect(b.elector.isLeader).toBe(true);
    expect(store.holder("controllers")).toBe("b");
  });

  it("steps down at once when the store says someone else holds the lease", async () => {
    const clock = new FakeClock(0);
    const store = new MemoryLeaseStore(clock);
    const a = replica("a", store, clock);
    await flushMicrotasks();
    await clock.advance(1_000);
    a.usurped = true;
    await clock.advance(5_000);
    expect(a.elector.isLeader).toBe(false);
    expect(a.log).toEqual(["start@0", "stop@5000"]);
  });
});
