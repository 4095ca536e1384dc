import type { ObjectClient } from "../../kube/client";
import type { KubeObject } from "../../kube/types";
import { realClock, type Clock } from "./clock";
import { Informer, type InformerSpec } from "./informer";
import { noopLogger, type Logger } from "./log";
import type { IndexFunc } from "./object-cache";

/** Where controllers get informers from; one per distinct spec. */
export interface InformerSource {
  informerFor<T extends KubeObject = KubeObject>(spec: InformerSpec): Informer<T>;
}

export interface SharedInformerFactoryOptions {
  client: ObjectClient;
  clock?: Clock;
  log?: Logger;
  /** Resync period of every informer (0: none). */
  resyncMs?: number;
  /** Indexers added to every informer of a kind, keyed by "apiVersion/kind". */
  indexers?: Record<string, Record<string, IndexFunc>>;
}

/**
 * One informer per (apiVersion, kind, namespace, selectors), shared by every controller that
 * asks, so ten controllers watching Clusters open one watch and keep one cache. Informers
 * created after `start` start at once.
 */
export class SharedInformerFactory implements InformerSource {
  private readonly informers = new Map<string, Informer>();
  private signal: AbortSignal | undefined;

  constructor(private readonly opts: SharedInformerFactoryOptions) {}

  informerFor<T extends KubeObject = KubeObject>(spec: InformerSpec): Informer<T> {
    const key = specKey(spec);
    let inf = this.informers.get(key);
    if (!inf) {
      const { client, clock = realClock, log = noopLogger, resyncMs, indexers } = this.opts;
      inf = new Informer({ ...spec, client, clock, log, resyncMs, indexers: indexers?.[`${spec.apiVersion}/${spec.kind}`] });
      this.informers.set(key, inf);
      if (this.signal && !this.signal.aborted) inf.start(this.signal);
    }
    return inf as unknown as Informer<T>;
  }

  /** Starts every informer made so far and every later one, until `signal` aborts. */
  start(signal: AbortSignal): void {
    this.signal = signal;
    for (const inf of this.informers.values()) inf.start(signal);
  }

  async waitForSync(signal?: AbortSignal): Promise<void> {
    await Promise.all([...this.informers.values()].map((i) => i.waitForSync(signal)));
  }

  /** Stops and forgets every informer, so a later start (a new leadership term) relists. */
  async stop(): Promise<void> {
    const all = [...this.informers.values()];
    this.informers.clear();
    this.signal = undefined;
    await Promise.all(all.map((i) => i.stop()));
  }

  get size(): number {
    return this.informers.size;
  }
}

function specKey(s: InformerSpec): string {
  return [s.apiVersion, s.kind, s.namespace ?? "", s.labelSelector ?? "", s.fieldSelector ?? ""].join("|");
}
