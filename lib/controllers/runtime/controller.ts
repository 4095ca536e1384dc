import { randomUUID } from "node:crypto";
import type { KubeObject } from "../../kube/types";
import { realClock, type Clock } from "./clock";
import { Deadlines } from "./deadlines";
import { parseKey, requestKey, type Request } from "./keys";
import { noopLogger, type Logger } from "./log";
import { WorkQueue, type WorkQueueMetrics } from "./queue";
import { isConflict, isTerminalError, type ReconcileContext, type Result } from "./result";
import type { InformerSource } from "./shared-informers";
import { ownKey, type WatchEventInfo, type WatchSpec } from "./watches";
import { yieldToIO } from "./yield";

/** What a controller file exports: data plus a reconcile function; the runtime does the rest. */
export interface ControllerDefinition {
  name: string;
  /** Concurrent reconciles (distinct keys only). Default 1, for predictability. */
  workers?: number;
  /** Per-reconcile deadline; ctx.signal aborts when it passes. Default 60 s. */
  timeoutMs?: number;
  /** Cap of the per-key retry backoff. Default 5 minutes. */
  maxBackoffMs?: number;
  watches: WatchSpec[];
  /** Level-triggered: read state, converge, return. Throw to retry (see Result, TerminalError). */
  reconcile(req: Request, ctx: ReconcileContext): Promise<Result | void>;
}

/** Identity function that type-checks a controller definition. */
export function defineController(def: ControllerDefinition): ControllerDefinition {
  return def;
}

export interface ControllerMetrics {
  name: string;
  queue: WorkQueueMetrics;
  reconciles: number;
  errors: number;
  terminal: number;
  conflicts: number;
  requeueAfter: number;
}

export interface ControllerRunOptions {
  informers: InformerSource;
  clock?: Clock;
  log?: Logger;
}

/**
 * A running controller: watches feed keys into a work queue; N workers take keys and call
 * reconcile with a timeout signal and a reconcileId. Outcomes (controller-runtime's
 * reconcileHandler):
 * - thrown TerminalError → logged, key forgotten, no retry;
 * - thrown 409 Conflict → key re-added immediately (the cache will carry the newer copy);
 * - any other throw (or a timeout) → re-added with per-key exponential backoff;
 * - `requeueAfterMs` → backoff forgotten, re-added after the delay;
 * - otherwise → backoff forgotten.
 * An exception never escapes the worker, so a bad reconciler cannot take the server down.
 */
export class Controller {
  readonly name: string;
  readonly queue: WorkQueue;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly counters = { reconciles: 0, errors: 0, terminal: 0, conflicts: 0, requeueAfter: 0 };
  private readonly unsubscribe: (() => void)[] = [];
  private abort = new AbortController();
  private workers: Promise<void>[] = [];
  private readonly deadlines: Deadlines;

  constructor(
    private readonly def: ControllerDefinition,
    private readonly opts: ControllerRunOptions,
  ) {
    this.name = def.name;
    this.clock = opts.clock ?? realClock;
    this.log = (opts.log ?? noopLogger).child({ controller: def.name });
    this.queue = new WorkQueue({ name: def.name, clock: this.clock, maxDelayMs: def.maxBackoffMs ?? 5 * 60_000 });
    this.deadlines = new Deadlines(this.clock, def.timeoutMs ?? 60_000);
  }

  /** Enqueues a request by hand (e.g. from a timer or another source). */
  enqueue(req: Request): void {
    this.queue.add(requestKey(req));
  }

  /** Enqueues a request after `delayMs`; further calls inside the window fold into it. */
  enqueueAfter(req: Request, delayMs: number): void {
    this.queue.addAfter(requestKey(req), delayMs);
  }

  /** Subscribes to the watches, waits for their caches, then starts the workers. */
  async start(signal?: AbortSignal): Promise<void> {
    signal?.addEventListener("abort", () => void this.stop(), { once: true });
    const informers = this.def.watches.map((w) => {
      const inf = this.opts.informers.informerFor(w);
      this.unsubscribe.push(inf.addHandlers(this.handlersFor(w)));
      return inf;
    });
    try {
      await Promise.all(informers.map((i) => i.waitForSync(this.abort.signal)));
    } catch (err) {
      // Stopped (e.g. leadership lost) before the caches synced: not a failure.
      if (this.abort.signal.aborted) return;
      throw err;
    }
    if (this.abort.signal.aborted) return;
    const n = Math.max(1, this.def.workers ?? 1);
    for (let i = 0; i < n; i++) this.workers.push(this.work());
    this.log.info("controller started", { workers: n });
  }

  /** Stops taking keys, aborts in-flight reconciles and waits for the workers to return. */
  async stop(): Promise<void> {
    this.abort.abort(new Error(`controller ${this.name} stopped`));
    this.deadlines.abortAll(this.abort.signal.reason);
    this.queue.shutdown();
    for (const u of this.unsubscribe.splice(0)) u();
    await Promise.all(this.workers);
  }

  metrics(): ControllerMetrics {
    return { name: this.name, queue: this.queue.metrics(), ...this.counters };
  }

  private handlersFor(w: WatchSpec) {
    const map = w.map ?? ownKey();
    const push = (e: WatchEventInfo) => {
      if (w.predicate && !w.predicate(e)) return;
      const keys = new Set<string>();
      for (const r of map(e.obj)) keys.add(requestKey(r));
      if (e.old && e.old !== e.obj) for (const r of map(e.old)) keys.add(requestKey(r));
      for (const k of keys) {
        if (w.delayMs && w.delayMs > 0) this.queue.addAfter(k, w.delayMs);
        else this.queue.add(k);
      }
    };
    return {
      onAdd: (obj: KubeObject) => push({ type: "add", obj }),
      onUpdate: (old: KubeObject, obj: KubeObject) => push({ type: "update", obj, old }),
      onDelete: (obj: KubeObject) => push({ type: "delete", obj }),
    };
  }

  private async work(): Promise<void> {
    for (;;) {
      const key = await this.queue.get();
      if (key === undefined) return;
      try {
        await this.reconcileKey(key);
      } finally {
        this.queue.done(key);
      }
      // A reconcile served from the cache settles in microtasks, and the next key is ready at
      // once: without a macrotask turn here a busy queue runs back to back and Node never polls
      // its sockets (kubectl waited ~366 ms per object while controllers churned).
      await yieldToIO();
    }
  }

  private async reconcileKey(key: string): Promise<void> {
    const reconcileId = randomUUID();
    const log = new LazyChildLogger(this.log, { reconcileId, key });
    const attempt = this.queue.numRequeues(key);
    this.counters.reconciles++;
    try {
      const informers = this.opts.informers;
      const result = await this.deadlines.run((token) =>
        this.def.reconcile(parseKey(key), {
          get signal() {
            return token.signal;
          },
          reconcileId,
          log,
          attempt,
          informers,
        }),
      );
      this.queue.forget(key);
      if (result?.requeueAfterMs !== undefined && result.requeueAfterMs >= 0) {
        this.counters.requeueAfter++;
        this.queue.addAfter(key, result.requeueAfterMs);
      }
    } catch (err) {
      this.handleError(key, err, log);
    }
  }

  private handleError(key: string, err: unknown, log: Logger): void {
    if (this.abort.signal.aborted) return;
    if (isTerminalError(err)) {
      this.counters.terminal++;
      this.queue.forget(key);
      log.error("reconcile failed permanently; not retrying", { error: err });
      return;
    }
    if (isConflict(err)) {
      this.counters.conflicts++;
      log.debug("conflict; requeueing", { error: err });
      this.queue.add(key);
      return;
    }
    this.counters.errors++;
    log.warn("reconcile failed; retrying with backoff", { error: err, attempt: this.queue.numRequeues(key) + 1 });
    this.queue.addRateLimited(key);
  }
}

/** A child logger built on first use: most reconciles never log (methods on the prototype, no closures per reconcile). */
class LazyChildLogger implements Logger {
  private built: Logger | undefined;

  constructor(
    private readonly parent: Logger,
    private readonly fields: Record<string, unknown>,
  ) {}

  private get log(): Logger {
    return (this.built ??= this.parent.child(this.fields));
  }

  debug(msg: string, fields?: Record<string, unknown>): void {
    this.log.debug(msg, fields);
  }

  info(msg: string, fields?: Record<string, unknown>): void {
    this.log.info(msg, fields);
  }

  warn(msg: string, fields?: Record<string, unknown>): void {
    this.log.warn(msg, fields);
  }

  error(msg: string, fields?: Record<string, unknown>): void {
    this.log.error(msg, fields);
  }

  child(fields: Record<string, unknown>): Logger {
    return this.log.child(fields);
  }
}
