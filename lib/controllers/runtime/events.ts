import { hostname } from "node:os";
import type { ObjectClient } from "../../kube/client";
import { ApiError } from "../../kube/errors";
import type { KubeObject } from "../../kube/types";
import { realClock, type Clock } from "./clock";
import { toRfc3339 } from "./conditions";
import { noopLogger, type Logger } from "./log";

export type EventType = "Normal" | "Warning";

/**
 * Records core/v1 Events about objects (client-go's record.EventRecorder). Fire-and-forget:
 * recording never throws and never blocks a reconcile; failures are logged and dropped.
 */
export interface EventRecorder {
  event(obj: KubeObject, type: EventType, reason: string, message: string): void;
}

/** A recorder that drops everything (for setups that do not care). */
export const noopEventRecorder: EventRecorder = { event: () => {} };

export interface EventRecorderOptions {
  client: ObjectClient;
  /** source.component and reportingComponent, e.g. "binding-controller". */
  component: string;
  host?: string;
  clock?: Clock;
  log?: Logger;
  /** Identical events within this window bump count/lastTimestamp of one Event. Default 10 min. */
  aggregateWindowMs?: number;
  /** Per involved object: at most `burst` events at once, then one per `refillMs`. Defaults 25 / 5 min (client-go). */
  burst?: number;
  refillMs?: number;
  /** Event writes in flight at once. Default 16. */
  concurrency?: number;
  /** Writes waiting at most; beyond it events are dropped (and counted). Default 10,000. */
  maxPending?: number;
  /** Aggregation and rate-limit entries kept (oldest dropped first). Default 4096. */
  maxEntries?: number;
}

interface Seen {
  name: string;
  namespace: string;
  count: number;
  firstTimestamp: string;
  lastMs: number;
}

interface Bucket {
  tokens: number;
  lastMs: number;
}

/** One queued write: `n` identical events coalesced while it waited. */
interface Pending {
  objKey: string;
  obj: KubeObject;
  type: EventType;
  reason: string;
  message: string;
  n: number;
  started: boolean;
}

/**
 * EventRecorder over an ObjectClient, off the reconcile path: `event()` only queues. Writes run
 * in the background, up to `concurrency` at once (so the store can commit them together),
 * serially per identical event (so aggregation stays exact); identical events that pile up
 * before their write starts are coalesced into one count bump. At most `maxPending` writes
 * wait (further events are dropped and counted). `flush()` waits for everything queued (tests,
 * shutdown). Counters show what was written, aggregated and dropped.
 */
export class ClientEventRecorder implements EventRecorder {
  readonly stats = { created: 0, aggregated: 0, dropped: 0, failed: 0 };
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly host: string;
  private readonly seen = new Map<string, Seen>();
  private readonly buckets = new Map<string, Bucket>();
  /** Per aggregation key: the latest write queued or running (its successor waits for it). */
  private readonly tails = new Map<string, { pending: Pending; done: Promise<void> }>();
  private readonly outstanding = new Set<Promise<void>>();
  private readonly slotWaiters: (() => void)[] = [];
  private running = 0;
  private seq = 0;

  constructor(private readonly opts: EventRecorderOptions) {
    this.clock = opts.clock ?? realClock;
    this.log = (opts.log ?? noopLogger).child({ component: opts.component });
    this.host = opts.host ?? hostname();
  }

  event(obj: KubeObject, type: EventType, reason: string, message: string): void {
    try {
      const m = obj.metadata;
      const objKey = `${obj.apiVersion}|${obj.kind}|${m.namespace ?? ""}|${m.name ?? ""}|${m.uid ?? ""}`;
      if (!this.take(objKey)) {
        this.stats.dropped++;
        return;
      }
      const key = `${objKey}|${type}|${reason}|${message}`;
      const tail = this.tails.get(key);
      if (tail && !tail.pending.started) {
        tail.pending.n++;
        return;
      }
      if (this.outstanding.size >= (this.opts.maxPending ?? 10_000)) {
        this.stats.dropped++;
        return;
      }
      // Only what the Event names is kept: no copy of the whole object per event.
      const ref = { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion };
      const pending: Pending = { objKey, obj: { apiVersion: obj.apiVersion, kind: obj.kind, metadata: ref }, type, reason, message, n: 1, started: false };
      const done = this.schedule(key, pending, tail?.done);
      this.tails.set(key, { pending, done });
    } catch (err) {
      this.log.warn("could not record event", { error: err, reason });
    }
  }

  /** Resolves once every event recorded so far was written (or given up). */
  async flush(): Promise<void> {
    while (this.outstanding.size) await Promise.all([...this.outstanding]);
  }

  private schedule(key: string, pending: Pending, after: Promise<void> | undefined): Promise<void> {
    const run = async () => {
      await after;
      await this.acquire();
      pending.started = true;
      try {
        await this.write(key, pending);
      } catch (err) {
        this.stats.failed++;
        this.log.warn("could not record event", { error: err, reason: pending.reason });
      } finally {
        this.release();
      }
    };
    const done: Promise<void> = run().finally(() => {
      this.outstanding.delete(done);
      if (this.tails.get(key)?.done === done) this.tails.delete(key);
    });
    this.outstanding.add(done);
    return done;
  }

  private acquire(): Promise<void> {
    if (this.running < (this.opts.concurrency ?? 16)) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.slotWaiters.push(resolve));
  }

  private release(): void {
    const next = this.slotWaiters.shift();
    if (next) next();
    else this.running--;
  }

  private async write(key: string, p: Pending): Promise<void> {
    const now = this.clock.now();
    const stamp = toRfc3339(new Date(now));
    const prev = this.seen.get(key);
    const window = this.opts.aggregateWindowMs ?? 10 * 60_000;
    if (prev && now - prev.lastMs <= window) {
      const count = prev.count + p.n;
      try {
        await this.opts.client.patch(
          { apiVersion: "v1", kind: "Event", namespace: prev.namespace, name: prev.name },
          "application/merge-patch+json",
          { count, lastTimestamp: stamp },
        );
        this.remember(key, { ...prev, count, lastMs: now });
        this.stats.aggregated += p.n;
        return;
      } catch (err) {
        // The Event was deleted (TTL, user): start a new one below.
        if (!ApiError.is(err, "NotFound")) throw err;
      }
    }
    const ev = this.build(p.obj, p.type, p.reason, p.message, now, stamp);
    ev.count = p.n;
    await this.opts.client.create(ev);
    this.remember(key, { name: ev.metadata.name!, namespace: ev.metadata.namespace!, count: p.n, firstTimestamp: stamp, lastMs: now });
    this.stats.created++;
    this.stats.aggregated += p.n - 1;
  }

  private build(obj: KubeObject, type: EventType, reason: string, message: string, now: number, stamp: string): KubeObject {
    const m = obj.metadata;
    // Unique and sortable like client-go's "<name>.<unix nanos in hex>".
    // The sub-millisecond part is random, not a per-recorder counter: every controller has its own
    // recorder, and two of them recording for one object in the same millisecond must not collide.
    const nanos = BigInt(now) * 1_000_000n + BigInt((this.seq++ * 7919 + Math.floor(Math.random() * 1_000_000)) % 1_000_000);
    const involvedObject: Record<string, string> = { kind: obj.kind, name: m.name ?? "", apiVersion: obj.apiVersion };
    if (m.namespace) involvedObject.namespace = m.namespace;
    if (m.uid) involvedObject.uid = m.uid;
    if (m.resourceVersion) involvedObject.resourceVersion = m.resourceVersion;
    return {
      apiVersion: "v1",
      kind: "Event",
      // Events about cluster-scoped objects live in "default", as with kube-apiserver.
      metadata: { name: `${m.name}.${nanos.toString(16)}`, namespace: m.namespace || "default" },
      involvedObject,
      reason,
      message,
      source: { component: this.opts.component, host: this.host },
      firstTimestamp: stamp,
      lastTimestamp: stamp,
      count: 1,
      type,
      eventTime: new Date(now).toISOString().replace(/Z$/, "000Z"),
      reportingComponent: this.opts.component,
      reportingInstance: this.host,
    };
  }

  /** Token bucket per involved object (client-go's spam filter). */
  private take(objKey: string): boolean {
    const burst = this.opts.burst ?? 25;
    const refillMs = this.opts.refillMs ?? 5 * 60_000;
    const now = this.clock.now();
    const b = this.buckets.get(objKey) ?? { tokens: burst, lastMs: now };
    const refilled = Math.min(burst, b.tokens + Math.floor((now - b.lastMs) / refillMs));
    const lastMs = refilled > b.tokens ? now : b.lastMs;
    this.buckets.delete(objKey);
    if (refilled < 1) {
      this.buckets.set(objKey, { tokens: refilled, lastMs });
      this.trim(this.buckets);
      return false;
    }
    this.buckets.set(objKey, { tokens: refilled - 1, lastMs });
    this.trim(this.buckets);
    return true;
  }

  private remember(key: string, s: Seen): void {
    this.seen.delete(key);
    this.seen.set(key, s);
    this.trim(this.seen);
  }

  private trim(map: Map<string, unknown>): void {
    const max = this.opts.maxEntries ?? 4096;
    while (map.size > max) map.delete(map.keys().next().value as string);
  }
}

/** Convenience constructor. */
export function createEventRecorder(opts: EventRecorderOptions): ClientEventRecorder {
  return new ClientEventRecorder(opts);
}
