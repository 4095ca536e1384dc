import type { ObjectClient } from "../../kube/client";
import type { ClusterStatus, ResourceModel, ResourceSummary } from "../../kube/karmada";
import type { KubeList, KubeObject } from "../../kube/types";
import { nodeSummary, resourceSummary, type NodeLike, type PodLike } from "../../members/summaries";
import { realClock, type Clock, type TimerHandle } from "../runtime/clock";
import { Informer } from "../runtime/informer";
import type { Logger } from "../runtime/log";
import { stripNode, stripPod } from "./status-objects";

/** The two summaries a collection reports. */
export interface MemberSummaries {
  nodeSummary: NonNullable<ClusterStatus["nodeSummary"]>;
  resourceSummary: ResourceSummary;
}

export type CacheState = "fresh" | "syncing" | "stale";

/** The member calls the cache makes: the informers only list and watch. */
export type ListWatchClient = Pick<ObjectClient, "list" | "watch">;

export interface MemberStatusCacheOptions {
  member: ListWatchClient;
  clock?: Clock;
  log?: Logger;
  /** Reconnect backoff of the watches (informer default 1 s → 30 s). */
  backoff?: { initialMs?: number; maxMs?: number };
}

/**
 * Karmada's per-member node and pod informers for the cluster status controller: Nodes and
 * Pods are listed once, then watched from that resourceVersion (a 410 relists, errors reconnect
 * with backoff), and only the fields the summaries read are kept (Karmada's Node / Pod
 * transforms). Summaries are computed from the cache and reused until an object changes, so
 * an idle member costs no parsing and no summing between rounds.
 *
 * `state` tells the caller whether the cache can be trusted: "stale" while a list or watch is
 * failing (after an error, until the next list succeeds or the watch delivers again), when
 * the caller reads the member with a LIST instead, so a broken watch never leaves the status
 * silently stale; "syncing" while the first lists are under way, when a LIST would only
 * repeat the informers' own (twice the work, on the biggest responses).
 */
export class MemberStatusCache {
  private readonly nodes: Informer<NodeLike>;
  private readonly pods: Informer<PodLike>;
  private readonly failing = new Set<string>();
  private readonly abort = new AbortController();
  private synced: Promise<void> | undefined;
  private generation = 0;
  private memo: { generation: number; models: string; value: MemberSummaries } | undefined;
  private readonly clock: Clock;

  constructor(opts: MemberStatusCacheOptions) {
    this.clock = opts.clock ?? realClock;
    const common = { clock: opts.clock, log: opts.log, backoff: opts.backoff };
    this.nodes = new Informer<NodeLike>({ ...common, apiVersion: "v1", kind: "Node", client: this.tracked(opts.member, "Node", stripNode) });
    this.pods = new Informer<PodLike>({ ...common, apiVersion: "v1", kind: "Pod", client: this.tracked(opts.member, "Pod", stripPod) });
    const bump = () => void this.generation++;
    for (const inf of [this.nodes, this.pods] as Informer[]) inf.addHandlers({ onAdd: bump, onUpdate: bump, onDelete: bump });
  }

  /** Starts both informers; idempotent. */
  start(): void {
    if (this.synced) return;
    this.nodes.start(this.abort.signal);
    this.pods.start(this.abort.signal);
    this.synced = Promise.all([this.nodes.waitForSync(), this.pods.waitForSync()]).then(() => undefined);
  }

  /** Stops the watches; the cache keeps what it had but is no longer fresh. */
  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all([this.nodes.stop(), this.pods.stop()]);
  }

  isFresh(): boolean {
    return this.state() === "fresh";
  }

  /**
   * fresh: synced and following the member; syncing: the first lists are still under way with
   * no error so far; stale: a list or watch failed (or the cache was stopped) and nothing has
   * worked since.
   */
  state(): CacheState {
    if (this.abort.signal.aborted || this.failing.size > 0) return "stale";
    return this.nodes.hasSynced() && this.pods.hasSynced() ? "fresh" : "syncing";
  }

  /** Starts the cache if needed; its state once fresh, or after waiting at most `ms` for the first lists. */
  async ready(ms: number): Promise<CacheState> {
    this.start();
    if (this.state() !== "syncing" || ms <= 0) return this.state();
    let timer: TimerHandle | undefined;
    const timeout = new Promise<void>((resolve) => (timer = this.clock.setTimeout(resolve, ms)));
    await Promise.race([this.synced, timeout]).finally(() => timer && this.clock.clearTimeout(timer));
    return this.state();
  }

  /** Node and resource summaries of the cached objects (recomputed only after a change). */
  summaries(models?: readonly ResourceModel[]): MemberSummaries {
    const key = models?.length ? JSON.stringify(models) : "";
    const m = this.memo;
    if (m && m.generation === this.generation && m.models === key) return m.value;
    const nodes = this.nodes.list();
    const value = { nodeSummary: nodeSummary(nodes), resourceSummary: resourceSummary(nodes, this.pods.list(), models) };
    this.memo = { generation: this.generation, models: key, value };
    return value;
  }

  /**
   * The member as one informer sees it: objects stripped on arrival (so the cache never holds
   * whole Pods) and every outcome recorded, which is what isFresh reads.
   */
  private tracked(member: ListWatchClient, kind: string, strip: (o: KubeObject) => KubeObject): ObjectClient {
    const client: ListWatchClient = {
      list: async <T extends KubeObject>(apiVersion: string, k: string, opts?: Parameters<ObjectClient["list"]>[2]): Promise<KubeList<T>> => {
        try {
          const page = await member.list<KubeObject>(apiVersion, k, opts);
          if (!page.metadata.continue) this.failing.delete(kind);
          return { ...page, items: page.items.map(strip) as T[] };
        } catch (err) {
          this.failing.add(kind);
          throw err;
        }
      },
      watch: async (apiVersion, k, opts, onEvent) => {
        try {
          await member.watch(apiVersion, k, opts, (e) => {
            if (e.type !== "ERROR") this.failing.delete(kind);
            onEvent(e.type === "ADDED" || e.type === "MODIFIED" || e.type === "DELETED" ? { type: e.type, object: strip(e.object) } : e);
          });
          this.failing.delete(kind);
        } catch (err) {
          if (!opts.signal.aborted) this.failing.add(kind);
          throw err;
        }
      },
    };
    // The informer only lists and watches; the rest of ObjectClient is never called.
    return client as ObjectClient;
  }
}
