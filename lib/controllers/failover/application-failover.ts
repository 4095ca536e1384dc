import { ApiError } from "../../kube/errors";
import type { ApplicationFailoverBehavior, ResourceBinding, ResourceBindingSpec } from "../../kube/karmada";
import { hasHealthRule } from "../../interpreter/health";
import type { ControllerDeps, ControllerSetup } from "../runtime/manager";
import type { Result } from "../runtime/result";
import type { WatchEventInfo } from "../runtime/watches";
import { CLUSTER_RESOURCE_BINDINGS, RESOURCE_BINDINGS, bindingSpecOf } from "../scheduler/bindings";
import { recordEviction } from "./common";
import { gracefulEvictCluster, REASON_APPLICATION_FAILURE, type EvictOptions } from "./evict";

/** Karmada's producer names of application-failover eviction tasks. */
export const PRODUCER_RB_APPLICATION_FAILOVER = "resource-binding-application-failover-controller";
export const PRODUCER_CRB_APPLICATION_FAILOVER = "cluster-resource-binding-application-failover-controller";

/** The CRD default of decisionConditions.tolerationSeconds. */
export const DEFAULT_APPLICATION_TOLERATION_SECONDS = 300;

/**
 * When each binding's workload was first seen Unhealthy in each cluster (Karmada's
 * workloadUnhealthyMap). In memory on purpose: after a restart the clock starts again, as in Karmada.
 */
export class UnhealthySince {
  private readonly byBinding = new Map<string, Map<string, number>>();

  get(key: string, cluster: string): number | undefined {
    return this.byBinding.get(key)?.get(cluster);
  }

  set(key: string, cluster: string, ms: number): void {
    let m = this.byBinding.get(key);
    if (!m) this.byBinding.set(key, (m = new Map()));
    m.set(cluster, ms);
  }

  forget(key: string): void {
    this.byBinding.delete(key);
  }

  /** Drops clusters no longer targeted and clusters now Healthy/Unknown (deleteIrrelevantClusters). */
  prune(key: string, targets: ReadonlySet<string>, healthyOrUnknown: readonly string[]): void {
    const m = this.byBinding.get(key);
    if (!m) return;
    for (const c of [...m.keys()]) if (!targets.has(c)) m.delete(c);
    for (const c of healthyOrUnknown) m.delete(c);
  }
}

/**
 * Karmada's bindingFilter: failover.application set, status already aggregated, the kind has a
 * health rule, and propagateDeps on (Karmada only fails over applications whose dependencies
 * follow them).
 */
export function applicationFailoverApplies(b: ResourceBinding): boolean {
  if (!b.spec.failover?.application) return false;
  if (!b.status?.aggregatedStatus?.length) return false;
  if (!hasHealthRule(b.spec.resource)) return false;
  return b.spec.propagateDeps === true;
}

/** Unhealthy clusters not already being evicted, and the Healthy/Unknown ones (distinguishUnhealthyClustersWithOthers). */
export function splitByHealth(b: ResourceBinding): { unhealthy: string[]; others: string[] } {
  const evicting = new Set((b.spec.gracefulEvictionTasks ?? []).map((t) => t.fromCluster));
  const unhealthy: string[] = [];
  const others: string[] = [];
  for (const item of b.status?.aggregatedStatus ?? []) {
    if (item.health === "Unhealthy" && !evicting.has(item.clusterName)) unhealthy.push(item.clusterName);
    if (item.health === "Healthy" || item.health === "Unknown") others.push(item.clusterName);
  }
  return { unhealthy, others };
}

/**
 * Karmada's detectFailure: clusters unhealthy for longer than tolerationSeconds are evicted; the
 * first sighting starts the clock. Returns them and the seconds until the next check (0: none).
 */
export function detectFailure(unhealthy: readonly string[], tolerationSeconds: number, key: string, since: UnhealthySince, nowMs: number): { evict: string[]; retrySeconds: number } {
  const evict: string[] = [];
  let retry = Infinity;
  for (const cluster of unhealthy) {
    const first = since.get(key, cluster);
    if (first === undefined) {
      since.set(key, cluster, nowMs);
      retry = Math.min(retry, tolerationSeconds);
      continue;
    }
    if (nowMs > first + tolerationSeconds * 1000) evict.push(cluster);
    else retry = Math.min(retry, tolerationSeconds - Math.trunc((nowMs - first) / 1000));
  }
  return { evict, retrySeconds: retry === Infinity ? 0 : retry };
}

/** Karmada's buildTaskOptions (without state preservation, an alpha gate). */
export function applicationTaskOptions(behavior: ApplicationFailoverBehavior, producer: string): EvictOptions {
  const purgeMode = behavior.purgeMode || "Gracefully";
  const opts: EvictOptions = { purgeMode, reason: REASON_APPLICATION_FAILURE, producer };
  if (purgeMode === "Gracefully" && behavior.gracePeriodSeconds !== undefined) opts.gracePeriodSeconds = behavior.gracePeriodSeconds;
  if (purgeMode === "Never") opts.suppressDeletion = true;
  return opts;
}

const hasAppFailover = (o: unknown) => !!(o as ResourceBinding | undefined)?.spec?.failover?.application;
const predicate = (e: WatchEventInfo) => hasAppFailover(e.obj) || hasAppFailover(e.old);

/**
 * Karmada's RB/CRB application failover controllers: a workload that stays Unhealthy in a cluster
 * for longer than `failover.application.decisionConditions.tolerationSeconds` is evicted from it
 * (graceful eviction task with reason ApplicationFailure and the policy's purgeMode /
 * gracePeriodSeconds; purgeMode Never suppresses deletion). The scheduler then reschedules the
 * missing replicas elsewhere, with the evicted cluster filtered out while its task lasts.
 */
export function applicationFailoverController(): ControllerSetup {
  return (deps) => {
    const since = new UnhealthySince();
    return {
      name: "application-failover",
      watches: [
        { ...RESOURCE_BINDINGS, predicate },
        { ...CLUSTER_RESOURCE_BINDINGS, predicate },
      ],
      async reconcile(req, ctx): Promise<Result | void> {
        const key = `${req.namespace ?? ""}/${req.name}`;
        const binding = ctx.informers.informerFor<ResourceBinding>(bindingSpecOf(req)).get(req.namespace, req.name);
        if (!binding || !applicationFailoverApplies(binding)) {
          since.forget(key);
          return;
        }
        return syncBinding(deps, binding, key, since);
      },
    };
  };
}

async function syncBinding(deps: ControllerDeps, binding: ResourceBinding, key: string, since: UnhealthySince): Promise<Result | void> {
  const behavior = binding.spec.failover!.application!;
  const toleration = behavior.decisionConditions?.tolerationSeconds ?? DEFAULT_APPLICATION_TOLERATION_SECONDS;
  const targets = new Set((binding.spec.clusters ?? []).map((t) => t.name));
  const { unhealthy, others } = splitByHealth(binding);
  const { evict, retrySeconds } = detectFailure(unhealthy, toleration, key, since, deps.clock.now());
  if (evict.length) {
    const producer = binding.kind === "ClusterResourceBinding" ? PRODUCER_CRB_APPLICATION_FAILOVER : PRODUCER_RB_APPLICATION_FAILOVER;
    const opts = applicationTaskOptions(behavior, producer);
    let spec: ResourceBindingSpec = binding.spec;
    for (const c of evict) spec = gracefulEvictCluster(spec, c, opts) ?? spec;
    try {
      await deps.client.update({ ...structuredClone(binding), spec });
    } catch (err) {
      if (ApiError.is(err, "NotFound")) return;
      for (const c of evict) emit(deps, binding, c, false);
      throw err;
    }
    for (const c of evict) {
      emit(deps, binding, c, true);
      targets.delete(c);
    }
  }
  since.prune(key, targets, others);
  // Karmada returns 0 for a tolerationSeconds of 0 seen for the first time and then waits for the
  // next binding event; looking again after a second makes "0 = fail over at once" hold.
  if (retrySeconds > 0) return { requeueAfterMs: retrySeconds * 1000 };
  if (unhealthy.some((c) => !evict.includes(c))) return { requeueAfterMs: 1000 };
}

function emit(deps: ControllerDeps, binding: ResourceBinding, cluster: string, ok: boolean): void {
  recordEviction(deps.events, binding, cluster, ok);
}
