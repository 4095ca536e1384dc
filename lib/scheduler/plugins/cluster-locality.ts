import type { Cluster } from "../../kube/karmada";
import type { ScheduleContext } from "../framework";

/** Karmada's MaxClusterScore. */
export const MAX_CLUSTER_SCORE = 100;

/**
 * ClusterLocality score: 100 for a cluster already in spec.clusters, else 0 (0 for all when the
 * binding has no result yet). It keeps existing placements sticky during selection. The
 * ClusterAffinity score plugin always returns 0 and so is folded in here.
 */
export function clusterLocalityScore(ctx: ScheduleContext, cluster: Cluster): number {
  if (ctx.targets.size === 0) return 0;
  return ctx.targets.has(cluster.metadata.name ?? "") ? MAX_CLUSTER_SCORE : 0;
}
