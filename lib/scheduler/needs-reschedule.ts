import type { Cluster, ClusterAffinityTerm, Placement, ResourceBinding } from "../kube/karmada";
import { ANNOTATION_APPLIED_PLACEMENT } from "../kube/karmada";
import { sumReplicas } from "./framework";
import { canonicalAffinityTerm, canonicalPlacement, canonicalPlacementField } from "./placement-json";
import { rescheduleRequired } from "./schedule";

/**
 * When Karmada's scheduler actually re-runs for a binding (`doScheduleBinding`, section 7.3 of
 * our Karmada notes). Anything else only bumps schedulerObservedGeneration; notably a Divided
 * workload is not rebalanced when clusters come and go.
 */

/**
 * The applied-placement annotation value for a placement (what the scheduler writes on success):
 * Go's json.Marshal of the Placement, as Karmada writes it.
 */
export function serializePlacement(placement: Placement): string {
  try {
    return canonicalPlacement(placement);
  } catch {
    return JSON.stringify(placement);
  }
}

function termNamed(terms: ClusterAffinityTerm[] | undefined, name: string): ClusterAffinityTerm | undefined {
  return terms?.find((t) => t.affinityName === name);
}

/** A placement part in Go's canonical JSON, or the raw JSON when Go could not decode it. */
function canon(encode: () => string, raw: unknown): string {
  try {
    return encode();
  } catch {
    return JSON.stringify(raw) ?? "";
  }
}

/**
 * Karmada's `placementChanged`: true when the annotation is missing or the placement differs,
 * except that clusterAffinities terms other than the one in use may change freely. Placements
 * are compared as Go compares the decoded structs (canonical JSON: field order, empty values and
 * unknown fields do not count). An annotation Go cannot decode into a Placement counts as
 * unchanged (Karmada logs and moves on).
 */
export function placementChanged(placement: Placement, applied: string | undefined, observedAffinityName: string | undefined): boolean {
  if (!applied) return true;
  let old: Placement;
  try {
    old = JSON.parse(applied) as Placement;
    canonicalPlacement(old);
  } catch {
    return false;
  }
  old ??= {};
  if (canon(() => canonicalPlacement(placement), placement) === canonicalPlacement(old)) return false;
  for (const key of ["clusterAffinity", "clusterTolerations", "spreadConstraints", "replicaScheduling"] as const) {
    if (canon(() => canonicalPlacementField(key, placement[key]), placement[key]) !== canonicalPlacementField(key, old[key])) return true;
  }
  if (!observedAffinityName) return true;
  const now = termNamed(placement.clusterAffinities, observedAffinityName);
  const before = termNamed(old.clusterAffinities, observedAffinityName);
  return !now || !before || canon(() => canonicalAffinityTerm(now), now) !== canonicalAffinityTerm(before);
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
