import type { ObjectClient } from "../kube/client";
import { CLUSTER_API_VERSION, type Cluster, type ClusterStatus } from "../kube/karmada";
import type { MemberClient } from "../members/member-client";
import { collectClusterStatus, readyConditionFor, type CollectedStatus, type ConditionTemplate } from "../controllers/cluster-status/collect-status";
import { MemberStatusCaches } from "../controllers/cluster-status/member-status-caches";
import { ReadyThreshold } from "../controllers/cluster-status/ready-threshold";
import { getCondition, setCondition, toRfc3339 } from "../controllers/runtime/conditions";

export interface ClusterStatusReporterOptions {
  clusterName: string;
  controlPlane: ObjectClient;
  member: MemberClient;
  /** Karmada's --cluster-success-threshold / --cluster-failure-threshold (30 s each). */
  successThresholdMs?: number;
  failureThresholdMs?: number;
  /** Deadline of the probe and of the collection. Default 5 s. */
  probeTimeoutMs?: number;
  now?: () => number;
}

/**
 * The cluster status controller as karmada-agent runs it for its own cluster, one pass per
 * call: probe the local member (/readyz, /healthz), pass the flapping thresholds, collect
 * version, API enablements, node and resource summaries when ready (the clusters area's
 * collectClusterStatus, the same as Push, with node and pod summaries from watches of the
 * member), and write the Cluster's status only when it changed. Returns the Ready status now
 * published. stop() ends the watches (they also end once report() is no longer called).
 */
export class ClusterStatusReporter {
  private readonly threshold: ReadyThreshold;
  private readonly now: () => number;
  private readonly caches = new MemberStatusCaches();

  constructor(private readonly opts: ClusterStatusReporterOptions) {
    this.now = opts.now ?? Date.now;
    const failure = opts.failureThresholdMs ?? 30_000;
    this.threshold = new ReadyThreshold({ failureThresholdMs: failure, successThresholdMs: opts.successThresholdMs ?? 30_000, now: this.now });
  }

  async report(): Promise<string | undefined> {
    const { clusterName, controlPlane, member } = this.opts;
    const cluster = await controlPlane.get<Cluster>(CLUSTER_API_VERSION, "Cluster", undefined, clusterName);
    if (!cluster) return undefined;
    const timeout = this.opts.probeTimeoutMs ?? 5000;
    const probe = await withTimeout(member.probeHealth(), timeout, { online: false, healthy: false, message: "cluster is not reachable", detail: "probe timed out" });
    const ready = this.threshold.adjust(clusterName, getCondition(cluster.status?.conditions, "Ready"), readyConditionFor(probe));
    let collected: CollectedStatus | undefined;
    if (probe.online && probe.healthy && ready.status === "True") {
      const from = { cache: this.caches.for(clusterName, member), syncWaitMs: timeout };
      collected = await withTimeout(collectClusterStatus(member, cluster, undefined, from), timeout * 2, undefined);
    }
    const next = mergeStatus(cluster.status ?? {}, collected, collected ? [collected.apiEnablementsCondition, ready] : [ready], toRfc3339(new Date(this.now())));
    if (stableJson(next) !== stableJson(cluster.status ?? {})) await controlPlane.updateStatus<Cluster>({ ...cluster, status: next });
    return ready.status;
  }

  stop(): Promise<void> {
    return this.caches.stop();
  }
}

/** Karmada's updateStatusIfNeeded merge: collected fields replace theirs, conditions are set one by one. */
export function mergeStatus(current: ClusterStatus, collected: CollectedStatus | undefined, conditions: ConditionTemplate[], now: string): ClusterStatus {
  const next: ClusterStatus = { ...current };
  if (collected) {
    for (const k of ["kubernetesVersion", "apiEnablements", "nodeSummary", "resourceSummary"] as const) delete next[k];
    Object.assign(next, collected.fields);
  }
  let list = current.conditions;
  for (const c of conditions) list = setCondition(list, c, now).conditions;
  next.conditions = list;
  return next;
}

function withTimeout<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  return Promise.race([p.catch(() => fallback), t]).finally(() => clearTimeout(timer));
}

/** JSON with sorted keys, so key order never counts as a change. */
function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, val) => (val && typeof val === "object" && !Array.isArray(val) ? Object.fromEntries(Object.entries(val).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : val));
}
