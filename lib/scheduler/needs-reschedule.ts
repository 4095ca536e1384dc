import type { Cluster, ClusterAffinityTerm, Placement, ResourceBinding } from "../kube/karmada";
import { ANNOTATION_APPLIED_PLACEMENT } from "../kube/karmada";
import { sumReplicas } from "./framework";
import { rescheduleRequired } from "./schedule";

/**
 * When Karmada's scheduler actually re-runs for a binding (`doScheduleBinding`, section 7.3 of
 * our Karmada notes). Anything else only bumps schedulerObservedGeneration; notably a Divided
 * workload is not rebalanced when clusters come and go.
 */

/** Deep equality of JSON values, treating a missing key and an undefined value alike. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => jsonEqual(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!jsonEqual(ao[k], bo[k])) return false;
  return true;
}

/** The applied-placement annotation value for a placement (what the scheduler writes on success). */
export function serializePlacement(placement: Placement): string {
  return JSON.stringify(placement);
}

function termNamed(terms: ClusterAffinityTerm[] | undefined, name: string): ClusterAffinityTerm | undefined {
  return terms?.find((t) => t.affinityName === name);
}

/**
 * Karmada's `placementChanged`: true when the annotation is missing or the placement differs,
 * except that clusterAffinities terms other than the one in use may change freely. An
 * unparsable annotation counts as unchanged (Karmada logs and moves on).
 */
export function placementChanged(placement: Placement, applied: string | undefined, observedAffinityName: string | undefined): boolean {
  if (!applied) return true;
  let old: Placement;
  try {
    old = JSON.parse(applied) as Placement;
  } catch {
    return false;
  }
  if (jsonEqual(placement, old)) return false;
  for (const key of ["clusterAffinity", "clusterTolerations", "spreadConstraints", "replicaScheduling"] as const) {
    if (!jsonEqual(placement[key], old[key])) return true;
  }
  if (!observedAffinityName) return true;
  const now = termNamed(placement.clusterAffinities, observedAffinityName);
  const before = termNamed(old.clusterAffinities, observedAffinityName);
  return !now || !before || !jsonEqual(now, before);
}

/** Karmada's `IsBindingReplicasChanged` (component-less form). */
export function replicasChanged(binding: ResourceBinding): boolean {
  const strategy = binding.spec.placement?.replicaScheduling;
  if (!strategy) return false;
  const replicas = binding.spec.replicas ?? 0;
  const targets = binding.spec.clusters ?? [];
  if (strategy.replicaSchedulingType === "Duplicated") return targets.some((t) => (t.replicas ?? 0) !== replicas);
  if (strategy.replicaSchedulingType === "Divided") return sumReplicas(targets) !== replicas;
  return false;
}

/**
 * Why the binding must be (re)scheduled now, or undefined when it need not be. Bindings whose
 * schedulerName is another scheduler's, that are suspended for scheduling, being deleted or have
 * no placement are never scheduled. Checks in Karmada's order: placement changed, replicas
 * changed, explicit reschedule, non-workload or Duplicated (always), a target cluster deleting.
 */
export function needsReschedule(binding: ResourceBinding, clusters: readonly Cluster[], schedulerName = "default-scheduler"): string | undefined {
  const { spec } = binding;
  if ((spec.schedulerName || "default-scheduler") !== schedulerName) return undefined;
  if (spec.suspension?.scheduling === true || binding.metadata.deletionTimestamp || !spec.placement) return undefined;
  const applied = binding.metadata.annotations?.[ANNOTATION_APPLIED_PLACEMENT];
  if (placementChanged(spec.placement, applied, binding.status?.schedulerObservingAffinityName)) return "placement changed";
  if (replicasChanged(binding)) return "replicas changed";
  if (rescheduleRequired(spec.rescheduleTriggeredAt, binding.status?.lastScheduledTime)) return "reschedule triggered";
  const isWorkload = (spec.replicas ?? 0) > 0 || spec.replicaRequirements !== undefined;
  if (!isWorkload) return "non-workload is always re-evaluated";
  const type = spec.placement.replicaScheduling ? spec.placement.replicaScheduling.replicaSchedulingType : "Duplicated";
  if (type === "Duplicated") return "Duplicated is always re-evaluated";
  const targets = new Set((spec.clusters ?? []).map((t) => t.name));
  if (clusters.some((c) => c.metadata.deletionTimestamp && targets.has(c.metadata.name ?? ""))) return "a target cluster is being deleted";
  return undefined;
}
