import type { Cluster, Placement } from "../kube/karmada";
import type { ClusterCandidate, ScheduleContext } from "./framework";
import { compileClusterAffinity } from "./plugins/cluster-affinity";
import { clusterLocalityScore } from "./plugins/cluster-locality";
import { estimateAvailableReplicas } from "./estimate";

/**
 * Turns feasible clusters into ranked candidates (Karmada's `generateClustersInfo`): score,
 * overflow tier, estimated replicas; sorted by tier asc, score desc, available desc, name asc.
 */

/** Karmada's `getClusterOverflowOrder` compiled for one attempt: 0 primary, k overflow, 1000 none. */
export function overflowOrderFn(placement: Placement, observedAffinityName: string | undefined): (cluster: Cluster) => number {
  if (placement.clusterAffinity || !placement.clusterAffinities?.length) return () => 0;
  const term = placement.clusterAffinities.find((t) => t.affinityName === (observedAffinityName ?? ""));
  if (!term) return () => 1000;
  const tiers = [term, ...(term.overflowAffinities ?? [])].map(compileClusterAffinity);
  return (cluster) => {
    const i = tiers.findIndex((match) => match(cluster));
    return i < 0 ? 1000 : i;
  };
}

/** Candidate order used throughout selection. */
export function compareCandidates(a: ClusterCandidate, b: ClusterCandidate): number {
  if (a.overflowOrder !== b.overflowOrder) return a.overflowOrder - b.overflowOrder;
  if (a.score !== b.score) return b.score - a.score;
  if (a.availableReplicas !== b.availableReplicas) return b.availableReplicas - a.availableReplicas;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Scores, estimates and sorts the feasible clusters. */
export function buildCandidates(ctx: ScheduleContext, feasible: readonly Cluster[]): ClusterCandidate[] {
  const tierOf = overflowOrderFn(ctx.placement, ctx.observedAffinityName);
  // AssignedReplicasForCluster: the first spec.clusters entry of that name.
  const assigned = new Map<string, number>();
  for (const t of ctx.previous) if (!assigned.has(t.name)) assigned.set(t.name, t.replicas ?? 0);
  const out = feasible.map((cluster): ClusterCandidate => {
    const name = cluster.metadata.name ?? "";
    const allocatable = estimateAvailableReplicas(cluster, ctx.replicas, ctx.replicaRequirements);
    return {
      name,
      cluster,
      score: clusterLocalityScore(ctx, cluster),
      overflowOrder: tierOf(cluster),
      availableReplicas: allocatable + (assigned.get(name) ?? 0),
      allocatableReplicas: allocatable,
    };
  });
  return out.sort(compareCandidates);
}
