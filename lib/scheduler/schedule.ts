import type { Cluster, GracefulEvictionTask, ObjectReference, Placement, ReplicaRequirements, TargetCluster } from "../kube/karmada";
import { assignWorkloadReplicas, resolveStrategy } from "./assign-replicas";
import { buildCandidates } from "./candidates";
import type { AttemptExplanation, ClusterExplanation, Explanation } from "./explanation";
import { summarize } from "./explanation";
import { type FilterResult, type ScheduleContext, ScheduleError, formatFitError, toScheduleError } from "./framework";
import { FILTER_PLUGINS } from "./plugins";
import { selectClusters } from "./select-clusters";
import { tieBreakDirection } from "./webster";

/**
 * Karmada's scheduling algorithm as one pure function: filter -> score -> select (spread
 * constraints) -> assign replicas, tried per clusterAffinities term in order, with a full
 * explanation of every decision. No I/O: callers pass the binding's fields and the clusters.
 */

/** Karmada's Scheduled=True message. */
export const SUCCESSFUL_SCHEDULING_MESSAGE = "Binding has been scheduled successfully.";

export interface ScheduleInput {
  resource: ObjectReference & { uid?: string };
  replicas: number;
  replicaRequirements?: ReplicaRequirements;
  placement: Placement;
  clusters: Cluster[];
  /** The binding's current spec.clusters. */
  previous?: TargetCluster[];
  gracefulEvictionTasks?: GracefulEvictionTask[];
  /** status.schedulerObservingAffinityName. */
  observedAffinityName?: string;
  rescheduleTriggeredAt?: string;
  lastScheduledTime?: string;
  /** Scheduler flag --enable-empty-workload-propagation (default false). */
  enableEmptyWorkloadPropagation?: boolean;
}

export interface ScheduleResult {
  /**
   * The new spec.clusters. On NoClusterFit it is [] (Karmada empties the result); on other
   * errors it echoes `previous` (Karmada keeps the old result and retries).
   */
  clusters: TargetCluster[];
  /** Term to record in status.schedulerObservingAffinityName (clusterAffinities only). */
  affinityName?: string;
  error?: { reason: "NoClusterFit" | "Unschedulable" | "SchedulerError"; message: string };
  explanation: Explanation;
  summary: string;
}

/** Karmada's `RescheduleRequired`: a trigger later than the last successful schedule (none yet: false). */
export function rescheduleRequired(rescheduleTriggeredAt: string | undefined, lastScheduledTime: string | undefined): boolean {
  if (!rescheduleTriggeredAt || !lastScheduledTime) return false;
  return Date.parse(rescheduleTriggeredAt) > Date.parse(lastScheduledTime);
}

function makeContext(input: ScheduleInput, observedAffinityName: string | undefined): ScheduleContext {
  const previous = input.previous ?? [];
  return {
    resource: input.resource,
    replicas: input.replicas,
    replicaRequirements: input.replicaRequirements,
    placement: input.placement,
    targets: new Set(previous.map((t) => t.name)),
    previous,
    evicting: new Set((input.gracefulEvictionTasks ?? []).map((t) => t.fromCluster)),
    observedAffinityName,
    isWorkload: input.replicas > 0 || input.replicaRequirements !== undefined,
  };
}

interface AttemptOutcome {
  clusters: TargetCluster[];
  explanation: Pick<Explanation, "clusters" | "selection" | "assignment">;
}

/** A passed filter reads the same for every cluster: one frozen entry per plugin, shared (no allocation per cluster). */
const PASSED = new Map<string, FilterResult>(FILTER_PLUGINS.map((p) => [p.name, Object.freeze({ plugin: p.name, passed: true })]));
/** Most clusters pass every filter: they share this one frozen list. */
const ALL_PASSED: FilterResult[] = Object.freeze(FILTER_PLUGINS.map((p) => PASSED.get(p.name)!)) as FilterResult[];

function filterClusters(ctx: ScheduleContext, input: ScheduleInput, details: ClusterExplanation[]): Cluster[] {
  const checks = FILTER_PLUGINS.map((p) => ({ name: p.name, check: p.prepare(ctx), passed: PASSED.get(p.name)! }));
  const feasible: Cluster[] = [];
  const failures = new Map<string, string>();
  for (const cluster of input.clusters) {
    const name = cluster.metadata.name ?? "";
    if (cluster.metadata.deletionTimestamp) {
      details.push({ name, deleting: true, filters: [], feasible: false });
      continue;
    }
    // Allocated at the first failure only (the passes before it copied in).
    let filters: FilterResult[] | undefined;
    let firstFailure: string | undefined;
    for (let i = 0; i < checks.length; i++) {
      const { name: plugin, check, passed } = checks[i];
      const reason = check(cluster);
      if (reason === undefined) {
        filters?.push(passed);
        continue;
      }
      filters ??= checks.slice(0, i).map((c) => c.passed);
      filters.push({ plugin, passed: false, reason });
      firstFailure ??= reason;
    }
    details.push({ name, filters: filters ?? ALL_PASSED, feasible: firstFailure === undefined });
    if (firstFailure === undefined) feasible.push(cluster);
    else failures.set(name, firstFailure);
  }
  if (feasible.length === 0) throw new ScheduleError("NoClusterFit", formatFitError(input.clusters.length, failures));
  return feasible;
}

/** One run of Karmada's `genericScheduler.Schedule` for a given observed affinity term. */
function attempt(input: ScheduleInput, observedAffinityName: string | undefined, out: AttemptOutcome): void {
  const ctx = makeContext(input, observedAffinityName);
  const byName = new Map<string, ClusterExplanation>();
  const details = out.explanation.clusters;
  const feasible = filterClusters(ctx, input, details);
  for (const d of details) byName.set(d.name, d);
  const candidates = buildCandidates(ctx, feasible);
  for (const c of candidates) {
    const d = byName.get(c.name)!;
    d.score = c.score;
    d.overflowOrder = c.overflowOrder;
    d.availableReplicas = c.availableReplicas;
    d.allocatableReplicas = c.allocatableReplicas;
  }
  let selection;
  try {
    selection = selectClusters(input.placement, candidates, input.replicas);
  } catch (err) {
    throw toScheduleError(err).wrap("failed to select clusters");
  }
  out.explanation.selection = selection.explanation;
  for (const c of selection.selected) byName.get(c.name)!.selected = true;
  if (selection.selected.length === 0) throw new ScheduleError("SchedulerError", "failed to assign replicas: no clusters available to schedule");
  let clusters: TargetCluster[];
  if (ctx.isWorkload) {
    const overflow = !input.placement.clusterAffinity && !!observedAffinityName && input.placement.clusterAffinities?.some((t) => t.affinityName === observedAffinityName && t.overflowAffinities) === true;
    try {
      const assigned = assignWorkloadReplicas({
        candidates: selection.selected,
        replicas: input.replicas,
        placement: input.placement,
        previous: ctx.previous,
        uid: input.resource.uid,
        fresh: rescheduleRequired(input.rescheduleTriggeredAt, input.lastScheduledTime),
        overflow,
      });
      clusters = assigned.clusters;
      out.explanation.assignment = assigned.steps;
    } catch (err) {
      throw toScheduleError(err).wrap("failed to assign replicas");
    }
  } else {
    // Non-workloads are propagated as they are: every selected cluster, no replica count.
    clusters = selection.selected.map((c) => ({ name: c.name }));
  }
  if (input.enableEmptyWorkloadPropagation) {
    const chosen = new Set(clusters.map((c) => c.name));
    for (const c of selection.selected) if (!chosen.has(c.name)) clusters.push({ name: c.name });
  }
  for (const t of clusters) if ((t.replicas ?? 0) > 0 || !ctx.isWorkload) byName.get(t.name)!.replicas = t.replicas ?? 0;
  out.clusters = clusters;
}

function affinityStartIndex(input: ScheduleInput): number {
  const terms = input.placement.clusterAffinities ?? [];
  if (rescheduleRequired(input.rescheduleTriggeredAt, input.lastScheduledTime) || !input.observedAffinityName) return 0;
  const i = terms.findIndex((t) => t.affinityName === input.observedAffinityName);
  return i < 0 ? 0 : i;
}

/**
 * Schedules one binding. With `placement.clusterAffinities`, terms are tried from the observed
 * one (term 0 on a forced reschedule) until one succeeds; if all fail, the first error counts and
 * a first-error FitError empties the result. Never throws for scheduling failures.
 */
export function schedule(input: ScheduleInput): ScheduleResult {
  const explanation: Explanation = {
    strategy: input.replicas > 0 || input.replicaRequirements ? (resolveStrategy(input.placement) ?? "Unsupported") : "NonWorkload",
    tieBreak: tieBreakDirection(input.resource.uid),
    attempts: [],
    clusters: [],
    assignment: [],
  };
  const terms = input.placement.clusterAffinities ?? [];
  const useTerms = !input.placement.clusterAffinity && terms.length > 0;
  const names = useTerms ? terms.slice(affinityStartIndex(input)).map((t) => t.affinityName) : [input.observedAffinityName];
  let firstError: ScheduleError | undefined;
  for (const name of names) {
    const out: AttemptOutcome = { clusters: [], explanation: { clusters: [], assignment: [] } };
    const record: AttemptExplanation = { affinityName: useTerms ? name : undefined, feasible: 0 };
    explanation.attempts.push(record);
    try {
      attempt(input, name, out);
    } catch (err) {
      const e = toScheduleError(err);
      firstError ??= e;
      record.error = { reason: e.reason, message: e.message };
    }
    Object.assign(explanation, out.explanation);
    record.feasible = out.explanation.clusters.filter((c) => c.feasible).length;
    if (!record.error) {
      const affinityName = useTerms ? name : undefined;
      return { clusters: out.clusters, affinityName, explanation, summary: summarize(explanation, out.clusters) };
    }
  }
  const error = { reason: firstError!.reason, message: firstError!.message };
  const clusters = error.reason === "NoClusterFit" ? [] : (input.previous ?? []);
  return { clusters, affinityName: useTerms ? input.observedAffinityName : undefined, error, explanation, summary: summarize(explanation, clusters, error) };
}
