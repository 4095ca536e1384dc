import type { Cluster, ClusterAffinity, ResourceBinding } from "../../kube/karmada";
import { matchClusterAffinity } from "../../policies/cluster-affinity";
import type { WatchEventInfo } from "../runtime/watches";
import { bindingRequest, isForScheduler } from "./bindings";
import type { Request } from "../runtime/keys";

/**
 * Which Cluster events re-queue bindings (Karmada's addCluster / updateCluster / deleteCluster
 * and enqueueAffectedBindings): only updates that start deletion, change labels or change the
 * generation (spec: taints, region, ...); the watch maps both the old and the new object, as
 * Karmada's updateCluster adds both to its cluster reconcile worker. Adds and deletes re-queue
 * nothing (Karmada only refreshes its estimator connections on them): a joining cluster becomes
 * schedulable through the generation change of its not-ready taint's removal, and a leaving one
 * through its deletionTimestamp. Status-only updates (Ready, apiEnablements, resourceSummary)
 * re-queue nothing.
 */
export function clusterEventMatters(e: WatchEventInfo): boolean {
  if (e.type !== "update") return false;
  if (!e.old || e.old === e.obj) return false;
  const a = e.old.metadata;
  const b = e.obj.metadata;
  if (!a.deletionTimestamp && b.deletionTimestamp) return true;
  if (a.generation !== b.generation) return true;
  return !sameLabels(a.labels, b.labels);
}

function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const x = a ?? {};
  const y = b ?? {};
  const kx = Object.keys(x);
  return kx.length === Object.keys(y).length && kx.every((k) => x[k] === y[k]);
}

/** The affinity Karmada checks a changed cluster against: the term in use with clusterAffinities. */
function affinityInUse(binding: ResourceBinding): ClusterAffinity | undefined | "always" {
  const placement = binding.spec.placement!;
  const terms = placement.clusterAffinities;
  if (!terms) return placement.clusterAffinity;
  // Not scheduled for this generation yet (queued, or its status is not in the cache): requeue.
  if ((binding.status?.schedulerObservedGeneration ?? 0) !== (binding.metadata.generation ?? 0)) return "always";
  const observed = binding.status?.schedulerObservingAffinityName;
  const i = observed ? terms.findIndex((t) => t.affinityName === observed) : 0;
  return terms[i < 0 ? 0 : i];
}

/**
 * The bindings a changed cluster affects: this scheduler's, not suspended, whose affinity in use
 * is empty or matches the cluster (or that are not scheduled for their generation yet).
 */
export function affectedBindings(cluster: Cluster, bindings: Iterable<ResourceBinding>, schedulerName?: string): Request[] {
  const out: Request[] = [];
  for (const b of bindings) {
    if (!b.spec?.placement || !isForScheduler(b, schedulerName)) continue;
    const affinity = affinityInUse(b);
    if (affinity === undefined || affinity === "always" || matchClusterAffinity(affinity, cluster)) out.push(bindingRequest(b));
  }
  return out;
}
