import { ApiError } from "../../kube/errors";
import type { Cluster, FailoverBehavior, ResourceBinding } from "../../kube/karmada";
import { ANNOTATION_APPLIED_PLACEMENT } from "../../kube/karmada";
import type { ControllerDefinition } from "../runtime/controller";
import type { ControllerDeps, ControllerSetup } from "../runtime/manager";
import type { Result } from "../runtime/result";
import type { WatchEventInfo } from "../runtime/watches";
import { CLUSTER_RESOURCE_BINDINGS, RESOURCE_BINDINGS, bindingSpecOf } from "../scheduler/bindings";
import { CLUSTERS, bindingsOnCluster, clusterByName, recordEviction } from "./common";
import { gracefulEvictCluster, PRODUCER_TAINT_MANAGER, REASON_TAINT_UNTOLERATED } from "./evict";
import { TokenBucket } from "./rate-limiter";
import { appliedPlacement, evictionDecision } from "./taints";

export { EVENT_EVICT_FAILED, EVENT_EVICT_SUCCEED } from "./common";

export interface TaintManagerOptions {
  /** Karmada's --no-execute-taint-eviction-purge-mode (used when the policy sets no failover.cluster). */
  defaultPurgeMode?: "Gracefully" | "Directly";
  /** Karmada's --resource-eviction-rate (evictions per second; default 0.5; 0 = unlimited). */
  evictionRate?: number;
  /** Karmada re-checks clusters with NoExecute taints periodically (--cluster-taint-eviction-retry-frequency). */
  retryMs?: number;
}

/** Karmada's getPurgeMode: the policy's failover.cluster.purgeMode (default Gracefully), else the flag. */
export function purgeModeFor(failover: FailoverBehavior | undefined, flag: "Gracefully" | "Directly" = "Gracefully"): "Gracefully" | "Directly" {
  if (failover?.cluster) return failover.cluster.purgeMode || "Gracefully";
  return flag;
}

const taintsChanged = (e: WatchEventInfo) =>
  e.type !== "update" || !e.old || JSON.stringify((e.old as Cluster).spec?.taints ?? []) !== JSON.stringify((e.obj as Cluster).spec?.taints ?? []);

const targetsChanged = (e: WatchEventInfo) => {
  if (e.type !== "update" || !e.old) return e.type !== "delete";
  const a = e.old as ResourceBinding;
  const b = e.obj as ResourceBinding;
  return JSON.stringify(a.spec?.clusters ?? []) !== JSON.stringify(b.spec?.clusters ?? []) || a.metadata.annotations?.[ANNOTATION_APPLIED_PLACEMENT] !== b.metadata.annotations?.[ANNOTATION_APPLIED_PLACEMENT];
};

/**
 * Karmada's NoExecuteTaintManager for RBs and CRBs: for each binding placed on clusters with
 * NoExecute taints, compares them with the clusterTolerations of the applied placement; any
 * untolerated taint evicts now, otherwise the binding is looked at again when the smallest
 * tolerationSeconds runs out. Evicting removes the cluster from spec.clusters and appends a
 * graceful eviction task (reason TaintUntolerated, producer TaintManager); the replica sum then
 * differs, so the scheduler reschedules and its ClusterEviction filter keeps the cluster out.
 * Evictions are rate limited by one token bucket.
 */
export function taintManagerController(opts: TaintManagerOptions = {}): ControllerSetup {
  return (deps) => taintManagerDefinition(deps, opts);
}

function taintManagerDefinition(deps: ControllerDeps, opts: TaintManagerOptions): ControllerDefinition {
  const bucket = new TokenBucket(opts.evictionRate ?? 0.5, 1, deps.clock);
  return {
    name: "taint-manager",
    watches: [
      { ...CLUSTERS, predicate: taintsChanged, map: (c) => bindingsOnCluster(deps.informers, c.metadata.name ?? "") },
      { ...RESOURCE_BINDINGS, predicate: targetsChanged },
      { ...CLUSTER_RESOURCE_BINDINGS, predicate: targetsChanged },
    ],
    async reconcile(req, ctx): Promise<Result | void> {
      const binding = ctx.informers.informerFor<ResourceBinding>(bindingSpecOf(req)).get(req.namespace, req.name);
      if (!binding || binding.metadata.deletionTimestamp) return;
      const placement = appliedPlacement(binding.metadata.annotations, ANNOTATION_APPLIED_PLACEMENT);
      if (!placement) return;
      const now = deps.clock.now();
      let spec = binding.spec;
      const evicted: string[] = [];
      let nextMs = Infinity;
      for (const target of binding.spec.clusters ?? []) {
        const cluster = clusterByName(ctx.informers, target.name);
        if (!cluster) continue;
        const d = evictionDecision(cluster, placement, now);
        if (!d.evict) {
          if (d.afterMs > 0) nextMs = Math.min(nextMs, d.afterMs);
          continue;
        }
        const wait = bucket.take();
        if (wait > 0) {
          nextMs = Math.min(nextMs, wait);
          continue;
        }
        const purgeMode = purgeModeFor(binding.spec.failover, opts.defaultPurgeMode);
        spec = gracefulEvictCluster(spec, target.name, { purgeMode, reason: REASON_TAINT_UNTOLERATED, producer: PRODUCER_TAINT_MANAGER }) ?? spec;
        evicted.push(target.name);
      }
      if (evicted.length) {
        try {
          await deps.client.update({ ...structuredClone(binding), spec });
        } catch (err) {
          if (ApiError.is(err, "NotFound")) return;
          for (const c of evicted) emit(deps, binding, c, false);
          throw err;
        }
        for (const c of evicted) emit(deps, binding, c, true);
      }
      if (nextMs !== Infinity) return { requeueAfterMs: nextMs };
      const tainted = (binding.spec.clusters ?? []).some((t) => clusterByName(ctx.informers, t.name)?.spec?.taints?.some((x) => x.effect === "NoExecute"));
      if (tainted && opts.retryMs) return { requeueAfterMs: opts.retryMs };
    },
  };
}

function emit(deps: ControllerDeps, binding: ResourceBinding, cluster: string, ok: boolean): void {
  recordEviction(deps.events, binding, cluster, ok);
}
