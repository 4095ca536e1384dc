import type { Cluster, ResourceBinding, ResourceBindingStatus, TargetCluster } from "../../kube/karmada";
import { ANNOTATION_APPLIED_PLACEMENT } from "../../kube/karmada";
import type { Condition } from "../../kube/types";
import { needsReschedule, serializePlacement } from "../../scheduler/needs-reschedule";
import { SUCCESSFUL_SCHEDULING_MESSAGE, rescheduleRequired, schedule, type ScheduleResult } from "../../scheduler/schedule";
import { fitSummary } from "../../scheduler/explanation";
import { setCondition, toRfc3339 } from "../runtime/conditions";

/**
 * The scheduler controller's decisions as pure functions: whether a binding is scheduled now,
 * the ScheduleInput it is scheduled with, and the merge patches that write the result (Karmada's
 * `doScheduleBinding`, `scheduleResourceBinding*`, `patchScheduleResult*`,
 * `patchBindingStatusCondition`). The controller only reads caches and sends these patches.
 */

export const CONDITION_SCHEDULED = "Scheduled";

/** What to do with the result afterwards (Karmada's handleErr). */
export type RetryPolicy = "none" | "unschedulable" | "backoff";

export interface SchedulePlan {
  /** Why the binding was (re)scheduled (needsReschedule's answer). */
  why: string;
  result: ScheduleResult;
  /** Merge patch of the binding (spec.clusters + applied-placement), undefined when unchanged. */
  specPatch?: Record<string, unknown>;
  /** The Scheduled condition to set. */
  condition: Omit<Condition, "lastTransitionTime">;
  retry: RetryPolicy;
}

/** Either nothing to schedule (maybe a generation to acknowledge) or a full plan. */
export type Decision = { kind: "idle"; observeGeneration?: number } | ({ kind: "schedule" } & SchedulePlan);

/**
 * Decides for one binding with the clusters from the cache. A binding that need not be
 * rescheduled only gets schedulerObservedGeneration caught up (Karmada does exactly that).
 */
export function decide(binding: ResourceBinding, clusters: readonly Cluster[], opts: { schedulerName?: string; enableEmptyWorkloadPropagation?: boolean } = {}): Decision {
  const why = needsReschedule(binding, clusters, opts.schedulerName);
  if (!why) {
    const generation = binding.metadata.generation ?? 0;
    const observed = binding.status?.schedulerObservedGeneration;
    const skip = binding.spec.suspension?.scheduling === true || !!binding.metadata.deletionTimestamp || !binding.spec.placement;
    return skip || observed === generation ? { kind: "idle" } : { kind: "idle", observeGeneration: generation };
  }
  const result = runSchedule(binding, clusters, opts.enableEmptyWorkloadPropagation);
  return { kind: "schedule", why, result, specPatch: specPatchFor(binding, result), condition: conditionFor(result), retry: retryFor(result) };
}

/** Calls the pure scheduler with the binding's fields. */
export function runSchedule(binding: ResourceBinding, clusters: readonly Cluster[], enableEmptyWorkloadPropagation = false): ScheduleResult {
  const { spec, status } = binding;
  return schedule({
    resource: spec.resource,
    replicas: spec.replicas ?? 0,
    replicaRequirements: spec.replicaRequirements,
    placement: spec.placement ?? {},
    clusters: clusters as Cluster[],
    previous: spec.clusters,
    gracefulEvictionTasks: spec.gracefulEvictionTasks,
    observedAffinityName: status?.schedulerObservingAffinityName,
    rescheduleTriggeredAt: spec.rescheduleTriggeredAt,
    lastScheduledTime: status?.lastScheduledTime,
    enableEmptyWorkloadPropagation,
  });
}

function sameTargets(a: readonly TargetCluster[] | undefined, b: readonly TargetCluster[]): boolean {
  const x = a ?? [];
  if (x.length !== b.length) return false;
  return x.every((t, i) => t.name === b[i].name && (t.replicas ?? 0) === (b[i].replicas ?? 0));
}

/**
 * Karmada patches spec.clusters and the applied-placement annotation on success and on
 * NoClusterFit (emptied result); other failures keep the previous result untouched. An empty
 * result removes the field and zero replicas are omitted (Go's omitempty on both). Carries resourceVersion so a stale cache conflicts
 * instead of overwriting a newer spec.
 */
export function specPatchFor(binding: ResourceBinding, result: ScheduleResult): Record<string, unknown> | undefined {
  if (result.error && result.error.reason !== "NoClusterFit") return undefined;
  const placement = serializePlacement(binding.spec.placement ?? {});
  const annotationSame = binding.metadata.annotations?.[ANNOTATION_APPLIED_PLACEMENT] === placement;
  const clustersSame = sameTargets(binding.spec.clusters, result.clusters);
  if (annotationSame && clustersSame) return undefined;
  const patch: Record<string, unknown> = { metadata: { resourceVersion: binding.metadata.resourceVersion, annotations: { [ANNOTATION_APPLIED_PLACEMENT]: placement } } };
  if (!clustersSame) patch.spec = { clusters: result.clusters.length ? result.clusters.map(toWire) : null };
  return patch;
}

/**
 * The Scheduled condition. Flotilla's message rule: Karmada's exact text (the success sentence,
 * or the error's own message, which already carries the per-reason histogram) whenever every
 * cluster fit; when some clusters were filtered out of a successful result, Karmada's sentence
 * followed by the one-line fit summary ("… 2/5 clusters fit: member4 excluded by affinity, …").
 * The full explanation is served by the explanation endpoint.
 */
export function conditionFor(result: ScheduleResult): Omit<Condition, "lastTransitionTime"> {
  if (result.error) return { type: CONDITION_SCHEDULED, status: "False", reason: result.error.reason, message: result.error.message };
  const excluded = result.explanation.clusters.some((c) => !c.feasible);
  const message = excluded ? `${SUCCESSFUL_SCHEDULING_MESSAGE} ${fitSummary(result.explanation)}` : SUCCESSFUL_SCHEDULING_MESSAGE;
  return { type: CONDITION_SCHEDULED, status: "True", reason: "Success", message };
}

/** Unschedulable waits in the unschedulable queue; NoClusterFit is final until an event; the rest backs off. */
export function retryFor(result: ScheduleResult): RetryPolicy {
  if (!result.error || result.error.reason === "NoClusterFit") return "none";
  return result.error.reason === "Unschedulable" ? "unschedulable" : "backoff";
}

/**
 * The status merge patch after scheduling (Karmada's patchBindingStatusCondition +
 * patchBindingStatusWithAffinityName in one write): the condition; on success also
 * schedulerObservedGeneration (`generation`, the binding's generation after our own spec patch)
 * and lastScheduledTime; the affinity term in use. Undefined when nothing changes.
 */
export function statusPatchFor(binding: ResourceBinding, plan: SchedulePlan, generation: number, now: Date): Record<string, unknown> | undefined {
  const old: ResourceBindingStatus = binding.status ?? {};
  const patch: Record<string, unknown> = {};
  const { conditions, changed } = setCondition(old.conditions, plan.condition, now);
  if (changed) patch.conditions = conditions;
  if (plan.condition.status === "True") {
    if (old.schedulerObservedGeneration !== generation) patch.schedulerObservedGeneration = generation;
    const stamp = toRfc3339(now);
    if (old.lastScheduledTime !== stamp) patch.lastScheduledTime = stamp;
  }
  const affinityName = plan.result.affinityName;
  if (binding.spec.placement?.clusterAffinities && affinityName !== undefined && old.schedulerObservingAffinityName !== affinityName) patch.schedulerObservingAffinityName = affinityName;
  return Object.keys(patch).length ? { status: patch } : undefined;
}

/**
 * Whether a successful (re)scheduling found everything already in place: no spec patch and a
 * status patch (if any) that would only re-stamp lastScheduledTime. Duplicated and non-workload
 * bindings are re-run on every event, and every binding once after a restart; Karmada re-stamps
 * the time and records two Events each time (6,000 writes in a 3,000-binding catch-up), Flotilla
 * writes nothing. A triggered reschedule still stamps the time, or it would stay triggered.
 */
export function unchangedOutcome(binding: ResourceBinding, plan: SchedulePlan, statusPatch: Record<string, unknown> | undefined): boolean {
  if (plan.specPatch || plan.result.error) return false;
  const status = (statusPatch?.status ?? {}) as Record<string, unknown>;
  for (const k in status) if (k !== "lastScheduledTime") return false;
  return !rescheduleRequired(binding.spec.rescheduleTriggeredAt, binding.status?.lastScheduledTime);
}

/** Karmada's targetClustersToString: "member1:2, member2:4". */
export function targetsToString(targets: readonly TargetCluster[]): string {
  return targets.map((t) => `${t.name}:${t.replicas ?? 0}`).join(", ");
}

function toWire(t: TargetCluster): TargetCluster {
  return t.replicas ? { name: t.name, replicas: t.replicas } : { name: t.name };
}
