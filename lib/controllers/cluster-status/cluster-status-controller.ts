import { ApiError } from "../../kube/errors";
import { CLUSTER_API_VERSION, type Cluster, type ClusterStatus } from "../../kube/karmada";
import type { Condition } from "../../kube/types";
import { MESSAGE_NOT_REACHABLE, type HealthProbe } from "../../members/health";
import type { MemberClient } from "../../members/member-client";
import type { Clock, TimerHandle } from "../runtime/clock";
import { getCondition, setCondition, toRfc3339 } from "../runtime/conditions";
import { defineController, type ControllerDefinition } from "../runtime/controller";
import { isBeingDeleted } from "../runtime/finalizers";
import type { ControllerDeps, ControllerSetup } from "../runtime/manager";
import type { ReconcileContext, Result } from "../runtime/result";
import { specOrMetaChanged } from "../runtime/watches";
import { collectClusterStatus, readyConditionFor, statusCollectionFailed, type CollectedStatus, type ConditionTemplate, type MemberIdentity } from "./collect-status";
import { MemberStatusCaches } from "./member-status-caches";
import type { MetricRecorder } from "./metric-recorder";
import { ReadyThreshold } from "./ready-threshold";

export const CLUSTER_STATUS_CONTROLLER_NAME = "cluster-status-controller";

/** Where the controller gets member clients (MemberRegistry in production). */
export interface MemberSource {
  get(clusterName: string): Promise<MemberClient>;
}

export interface ClusterStatusControllerOptions {
  members: MemberSource;
  /** Karmada's --cluster-status-update-frequency. Default 10 s (config.clusterStatusIntervalMs). */
  intervalMs?: number;
  /**
   * --cluster-failure-threshold: how long failures must last before Ready turns False (and the
   * cluster controller taints). Default 40 s, the grace period (config.clusterGracePeriodMs).
   */
  failureThresholdMs?: number;
  /** --cluster-success-threshold: how long a recovery must last. Default min(30 s, failure threshold). */
  successThresholdMs?: number;
  /** Deadline of one health probe, and of one collection. Default 5 s. */
  probeTimeoutMs?: number;
  /** Members probed at once; a hanging member holds only one slot. Default 20. */
  concurrency?: number;
  /**
   * Version and discovery are re-read this often (and at every recovery); health, nodes and
   * pods every interval. They are the costliest calls and change rarely. Default 3 × interval.
   */
  identityRefreshMs?: number;
  /** Health history (MetricSample); optional. */
  metrics?: MetricRecorder;
  /**
   * Per-member Node and Pod watch caches the summaries are computed from (Karmada's member
   * informers). Default: the controller's own, stopped when their Cluster goes and when unread
   * for 6 intervals (at least 2 min), which covers the controller stopping.
   */
  statusCaches?: MemberStatusCaches;
}

/**
 * Karmada's cluster status controller for Push members: every `intervalMs` each cluster is
 * probed (/readyz, /healthz on 404) under a timeout, with bounded concurrency so one slow
 * member never delays the others; the Ready condition passes the flapping thresholds; a ready
 * member also reports version, API enablements (+ CompleteAPIEnablements), node and resource
 * summaries (from per-member node and pod watches; LISTs while those are failing). Status
 * is written only when it changed; Ready transitions raise an Event.
 * Pull clusters are left to their agent, clusters being deleted are no longer probed.
 */
export function clusterStatusControllerSetup(opts: ClusterStatusControllerOptions): ControllerSetup {
  return (deps) => buildClusterStatusController(deps, opts);
}

function buildClusterStatusController(deps: ControllerDeps, opts: ClusterStatusControllerOptions): ControllerDefinition {
  const intervalMs = opts.intervalMs ?? 10_000;
  const probeTimeoutMs = opts.probeTimeoutMs ?? 5000;
  const failureThresholdMs = opts.failureThresholdMs ?? 40_000;
  const identityRefreshMs = opts.identityRefreshMs ?? 3 * intervalMs;
  const identities = new Map<string, { at: number; identity: MemberIdentity }>();
  const caches = opts.statusCaches ?? new MemberStatusCaches({ idleMs: Math.max(6 * intervalMs, 120_000), log: deps.log });
  const threshold = new ReadyThreshold({
    failureThresholdMs,
    successThresholdMs: opts.successThresholdMs ?? Math.min(30_000, failureThresholdMs),
    now: () => deps.clock.now(),
  });

  async function reconcile(name: string, ctx: ReconcileContext): Promise<Result | void> {
    const cached = ctx.informers.informerFor<Cluster>({ apiVersion: CLUSTER_API_VERSION, kind: "Cluster" }).get(undefined, name);
    if (!cached || isBeingDeleted(cached) || cached.spec?.syncMode !== "Push") {
      threshold.forget(name);
      identities.delete(name);
      opts.metrics?.forget(name);
      await caches.forget(name);
      return;
    }
    const cluster = structuredClone(cached);
    let member: MemberClient;
    try {
      member = await opts.members.get(name);
    } catch (err) {
      // The Cluster vanished between the cache read and the registry's: nothing to report on.
      if (ApiError.is(err, "NotFound")) return;
      const ready = threshold.adjust(name, readyOf(cluster), statusCollectionFailed((err as Error).message));
      await writeStatus(cluster, undefined, [ready]);
      return { requeueAfterMs: intervalMs };
    }
    const probe = await withTimeout(deps.clock, member.probeHealth(), probeTimeoutMs, timedOutProbe(probeTimeoutMs));
    const ready = threshold.adjust(name, readyOf(cluster), readyConditionFor(probe));
    let collected: CollectedStatus | undefined;
    if (probe.online && probe.healthy && ready.status === "True") {
      const known = readyOf(cluster)?.status === "True" ? identities.get(name) : undefined;
      const fresh = known && deps.clock.now() - known.at < identityRefreshMs ? known.identity : undefined;
      // A member's first collection waits up to half the deadline for its watches' first lists.
      const from = { cache: caches.for(name, member), syncWaitMs: probeTimeoutMs / 2 };
      collected = await withTimeout(deps.clock, collectClusterStatus(member, cluster, fresh, from), probeTimeoutMs, undefined);
      // Only a full answer is reused: Karmada reads both every round, so a failed or partial
      // read must not stand for a whole refresh period.
      const id = collected?.identity;
      if (id && !fresh) {
        if (id.version && id.discovery?.complete) identities.set(name, { at: deps.clock.now(), identity: id });
        else identities.delete(name);
      }
    } else identities.delete(name);
    const conditions = collected ? [collected.apiEnablementsCondition, ready] : [ready];
    const written = await writeStatus(cluster, collected?.fields, conditions);
    opts.metrics?.record(name, ready.status === "True", written.resourceSummary);
    if (!probe.online || !probe.healthy) ctx.log.debug("member health probe failed", { cluster: name, detail: probe.detail });
    return { requeueAfterMs: intervalMs };
  }

  /** Karmada's updateStatusIfNeeded: merge, compare, write once; returns the status now in effect. */
  async function writeStatus(cluster: Cluster, fields: CollectedStatus["fields"] | undefined, conditions: ConditionTemplate[]): Promise<ClusterStatus> {
    const current = cluster.status ?? {};
    const next: ClusterStatus = { ...current };
    if (fields) {
      for (const k of ["kubernetesVersion", "apiEnablements", "nodeSummary", "resourceSummary"] as const) delete next[k];
      Object.assign(next, fields);
    }
    const now = toRfc3339(new Date(deps.clock.now()));
    let list = current.conditions;
    for (const c of conditions) list = setCondition(list, c, now).conditions;
    next.conditions = list;
    if (stableJson(next) === stableJson(current)) return current;
    // Karmada's cluster status controller records no Event for a Ready transition (the cluster
    // controller's TaintClusterSucceed follows it).
    await deps.client.updateStatus<Cluster>({ ...cluster, status: next });
    return next;
  }

  return defineController({
    name: CLUSTER_STATUS_CONTROLLER_NAME,
    workers: opts.concurrency ?? 20,
    timeoutMs: probeTimeoutMs * 3 + 5000,
    watches: [{ apiVersion: CLUSTER_API_VERSION, kind: "Cluster", predicate: specOrMetaChanged }],
    reconcile: (req, ctx) => reconcile(req.name, ctx),
  });
}

function readyOf(cluster: Cluster): Condition | undefined {
  return getCondition(cluster.status?.conditions, "Ready");
}

function timedOutProbe(ms: number): HealthProbe {
  return { online: false, healthy: false, message: MESSAGE_NOT_REACHABLE, detail: `health probe timed out after ${ms} ms` };
}

/** Resolves with `p`, or with `fallback` once `ms` passed; the slow promise is left to finish on its own. */
function withTimeout<T>(clock: Clock, p: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: TimerHandle | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = clock.setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([p.catch(() => fallback), timeout]).finally(() => timer && clock.clearTimeout(timer));
}

/** JSON with sorted keys: equality that ignores key order (Go's semantic DeepEqual, near enough). */
function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, val) => (val && typeof val === "object" && !Array.isArray(val) ? Object.fromEntries(Object.entries(val).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : val));
}
