import { setMaxListeners } from "node:events";
import type { ObjectClient } from "../../kube/client";
import { realClock, type Clock } from "./clock";
import { Controller, type ControllerDefinition, type ControllerMetrics } from "./controller";
import { createEventRecorder, type EventRecorder } from "./events";
import { noopLogger, type Logger } from "./log";
import type { IndexFunc } from "./object-cache";
import { SharedInformerFactory, type InformerSource } from "./shared-informers";

/** What a controller's setup function receives to build its definition. */
export interface ControllerDeps {
  client: ObjectClient;
  informers: InformerSource;
  /** Recorder whose source component is the controller's name. */
  events: EventRecorder;
  log: Logger;
  clock: Clock;
}

/** Builds a controller for one run of the manager (a leadership term). */
export type ControllerSetup = (deps: ControllerDeps) => ControllerDefinition;

export interface ManagerOptions {
  client: ObjectClient;
  /** name → setup, in start order (Karmada's controllers["binding"] = startBindingController). */
  controllers: Record<string, ControllerSetup>;
  /**
   * Karmada's --controllers flag: "*" enables all, "name" enables one, "-name" disables one.
   * Default ["*"]. Tests pass just the names they exercise.
   */
  enabled?: string[];
  clock?: Clock;
  log?: Logger;
  /** Informer resync period. Default 0 (none); the cluster-status style loops use requeueAfterMs. */
  resyncMs?: number;
  indexers?: Record<string, Record<string, IndexFunc>>;
  /** Override how recorders are built (default: Events through `client`). */
  eventRecorderFor?: (component: string) => EventRecorder;
  /** The source component a controller's Events carry (default: its name). */
  eventComponent?: (controller: string) => string;
}

/** True when `name` is on according to Karmada-style enable flags. */
export function isControllerEnabled(name: string, flags: readonly string[] = ["*"]): boolean {
  if (flags.includes(`-${name}`)) return false;
  if (flags.includes(name)) return true;
  return flags.includes("*");
}

/**
 * Runs a set of controllers over one shared informer factory. Each start() is a fresh term
 * (new informers, queues and controllers), so a replica that regains leadership relists rather
 * than trusting a stale cache. Nothing runs until start().
 */
export class Manager {
  private running: { controllers: Controller[]; informers: SharedInformerFactory; abort: AbortController } | undefined;
  private readonly clock: Clock;
  private readonly log: Logger;

  constructor(private readonly opts: ManagerOptions) {
    this.clock = opts.clock ?? realClock;
    this.log = (opts.log ?? noopLogger).child({ component: "controller-manager" });
  }

  /** Names of the controllers this manager would run. */
  enabledControllers(): string[] {
    return Object.keys(this.opts.controllers).filter((n) => isControllerEnabled(n, this.opts.enabled));
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /**
   * Builds and starts every enabled controller; resolves once their caches synced and workers
   * run. Aborting `signal` stops them (as stop() does).
   */
  async start(signal?: AbortSignal): Promise<void> {
    if (this.running) return;
    const { client, resyncMs, indexers } = this.opts;
    const abort = new AbortController();
    const informers = new SharedInformerFactory({ client, clock: this.clock, log: this.log, resyncMs, indexers });
    const controllers = this.enabledControllers().map((name) => {
      const component = this.opts.eventComponent?.(name) ?? name;
      const events = this.opts.eventRecorderFor?.(component) ?? createEventRecorder({ client, component, clock: this.clock, log: this.log });
      const def = this.opts.controllers[name]({ client, informers, events, log: this.log.child({ controller: name }), clock: this.clock });
      return new Controller({ ...def, name }, { informers, clock: this.clock, log: this.log });
    });
    // One term's signal is shared by every informer and controller: that is many listeners by design.
    setMaxListeners(0, abort.signal);
    this.running = { controllers, informers, abort };
    signal?.addEventListener("abort", () => void this.stop(), { once: true });
    const started = Promise.all(controllers.map((c) => c.start(abort.signal)));
    informers.start(abort.signal);
    await started;
    this.log.info("controllers started", { controllers: controllers.map((c) => c.name) });
  }

  /** Stops every controller (aborting in-flight reconciles) and the informers. */
  async stop(): Promise<void> {
    const r = this.running;
    if (!r) return;
    this.running = undefined;
    r.abort.abort();
    await Promise.all(r.controllers.map((c) => c.stop()));
    await r.informers.stop();
    this.log.info("controllers stopped");
  }

  metrics(): ControllerMetrics[] {
    return this.running?.controllers.map((c) => c.metrics()) ?? [];
  }

  /** The running controller of that name (tests, manual enqueue). */
  controller(name: string): Controller | undefined {
    return this.running?.controllers.find((c) => c.name === name);
  }
}
