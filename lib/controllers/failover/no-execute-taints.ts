import { ApiError } from "../../kube/errors";
import type { Cluster, Taint } from "../../kube/karmada";
import { TAINT_NOT_READY, TAINT_UNREACHABLE } from "../../kube/karmada";
import { toRfc3339 } from "../runtime/conditions";
import type { ControllerSetup } from "../runtime/manager";
import type { Result } from "../runtime/result";
import { CLUSTERS } from "./common";
import { taintsMessage } from "../cluster/taints";

export const EVENT_TAINT_CLUSTER_SUCCEED = "TaintClusterSucceed";
export const EVENT_TAINT_CLUSTER_FAILED = "TaintClusterFailed";

/**
 * Flotilla's source of NoExecute taints for cluster failover. Karmada's cluster controller only
 * sets the NoSchedule not-ready/unreachable taints; NoExecute ones come from ClusterTaintPolicies
 * or administrators. Flotilla adds `cluster.karmada.io/not-ready:NoExecute` (Ready=False) or
 * `cluster.karmada.io/unreachable:NoExecute` (Ready=Unknown) once the Ready condition has stayed
 * in that state for `gracePeriodMs` (as a ClusterTaintPolicy with those conditions would), and
 * removes them when the cluster is Ready again. The taint manager then evicts bindings that do
 * not tolerate them, after their tolerationSeconds (counted from the taint's timeAdded).
 * Its Events are the ClusterTaintPolicy controller's: TaintClusterSucceed/TaintClusterFailed.
 */
export interface NoExecuteTaintOptions {
  /** How long Ready must stay False/Unknown before the NoExecute taint is added. Default 60 s. */
  gracePeriodMs?: number;
}

const OURS = [TAINT_NOT_READY, TAINT_UNREACHABLE];

/** The NoExecute taint a cluster should carry now (undefined: none), and when that may change. */
export function desiredNoExecuteTaint(cluster: Cluster, nowMs: number, gracePeriodMs: number): { key?: string; waitMs?: number } {
  const ready = cluster.status?.conditions?.find((c) => c.type === "Ready");
  if (!ready || ready.status === "True") return {};
  const key = ready.status === "False" ? TAINT_NOT_READY : TAINT_UNREACHABLE;
  const since = Date.parse(ready.lastTransitionTime ?? "") || nowMs;
  const waitMs = since + gracePeriodMs - nowMs;
  return waitMs > 0 ? { waitMs } : { key };
}

/** spec.taints with exactly the wanted NoExecute failure taint (others untouched, timeAdded kept). */
export function withNoExecuteTaint(taints: readonly Taint[], key: string | undefined, nowMs: number): Taint[] | undefined {
  const others = taints.filter((t) => !(t.effect === "NoExecute" && OURS.includes(t.key)));
  const current = taints.filter((t) => t.effect === "NoExecute" && OURS.includes(t.key));
  if (!key) return current.length ? others : undefined;
  if (current.length === 1 && current[0].key === key) return undefined;
  return [...others, { key, effect: "NoExecute", timeAdded: toRfc3339(new Date(nowMs)) }];
}

export function noExecuteTaintController(opts: NoExecuteTaintOptions = {}): ControllerSetup {
  const grace = opts.gracePeriodMs ?? 60_000;
  return (deps) => ({
    name: "cluster-noexecute-taints",
    watches: [{ ...CLUSTERS }],
    async reconcile(req, ctx): Promise<Result | void> {
      const cluster = ctx.informers.informerFor<Cluster>(CLUSTERS).get(undefined, req.name);
      if (!cluster || cluster.metadata.deletionTimestamp) return;
      const now = deps.clock.now();
      const want = desiredNoExecuteTaint(cluster, now, grace);
      const taints = withNoExecuteTaint(cluster.spec?.taints ?? [], want.key, now);
      if (taints) {
        const body = { metadata: { resourceVersion: cluster.metadata.resourceVersion }, spec: { taints: taints.length ? taints : null } };
        try {
          await deps.client.patch({ apiVersion: cluster.apiVersion, kind: "Cluster", name: req.name }, "application/merge-patch+json", body);
        } catch (err) {
          if (ApiError.is(err, "NotFound")) return;
          deps.events.event(cluster, "Warning", EVENT_TAINT_CLUSTER_FAILED, err instanceof Error ? err.message : String(err));
          throw err;
        }
        // As Karmada's ClusterTaintPolicy controller, which this stands in for, words it.
        deps.events.event(cluster, "Normal", EVENT_TAINT_CLUSTER_SUCCEED, `Update Cluster(${req.name}) with taints(${taintsMessage(taints)}) succeed`);
      }
      if (want.waitMs) return { requeueAfterMs: want.waitMs };
    },
  });
}
