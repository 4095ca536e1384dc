import type { Cluster, Placement, Taint, Toleration } from "../../kube/karmada";
import { toleratesTaint } from "../../scheduler/plugins/taint-toleration";

/**
 * NoExecute taint semantics of Karmada's taint manager (pkg/controllers/cluster/taint_manager.go
 * and pkg/util/helper/taint.go) as pure functions over a cluster and a binding's applied placement.
 */

// One ToleratesTaint for the scheduler's filter and the taint manager: a second copy had kept
// treating an empty operator as unknown (nothing tolerated) after the filter learned it is Equal.
export { toleratesTaint };

export function noExecuteTaints(cluster: Cluster): Taint[] {
  return (cluster.spec?.taints ?? []).filter((t) => t.effect === "NoExecute");
}

/** What the taint manager does with a binding on a cluster. `afterMs` < 0 means "tolerated forever". */
export interface EvictionDecision {
  evict: boolean;
  afterMs: number;
  /** The untolerated (or expiring) taints, for messages. */
  taints: Taint[];
}

/**
 * Karmada's needEviction: no NoExecute taints → never; any taint not tolerated → now; all
 * tolerated → when the earliest (timeAdded + tolerationSeconds) among the used tolerations with
 * seconds passes (tolerations without seconds tolerate forever).
 */
export function evictionDecision(cluster: Cluster, placement: Placement | undefined, nowMs: number): EvictionDecision {
  const taints = noExecuteTaints(cluster);
  if (taints.length === 0) return { evict: false, afterMs: -1, taints: [] };
  const tolerations = placement?.clusterTolerations ?? [];
  const used: Toleration[] = [];
  const untolerated: Taint[] = [];
  for (const taint of taints) {
    const match = tolerations.find((t) => toleratesTaint(t, taint));
    if (match) used.push(match);
    else untolerated.push(taint);
  }
  if (untolerated.length) return { evict: true, afterMs: 0, taints: untolerated };
  let earliest = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    for (const taint of taints) {
      if (!taint.timeAdded || !toleratesTaint(t, taint)) continue;
      earliest = Math.min(earliest, Date.parse(taint.timeAdded) + t.tolerationSeconds * 1000);
    }
  }
  if (earliest === Infinity) return { evict: false, afterMs: -1, taints };
  const afterMs = earliest - nowMs;
  return afterMs <= 0 ? { evict: true, afterMs: 0, taints } : { evict: false, afterMs, taints };
}

/** Parses the applied-placement annotation (undefined when missing or unparsable). */
export function appliedPlacement(annotations: Record<string, string> | undefined, key: string): Placement | undefined {
  const raw = annotations?.[key];
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as Placement;
  } catch {
    return undefined;
  }
}
