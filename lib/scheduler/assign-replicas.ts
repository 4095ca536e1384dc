import type { Placement, StaticClusterWeight, TargetCluster } from "../kube/karmada";
import { type ClusterCandidate, ScheduleError, sumReplicas } from "./framework";
import { compileClusterAffinity } from "./plugins/cluster-affinity";
import { goSort } from "./go-sort";
import { spreadReplicasByWeights } from "./webster";

/**
 * Replica assignment (`pkg/scheduler/core/assignment.go`, `division_algorithm.go`, `common.go`):
 * strategy resolution, Duplicated, StaticWeight, DynamicWeight and Aggregated (steady scale
 * up/down and fresh), overflow tiers, and the non-workload path.
 */

export type AssignmentStrategy = "Duplicated" | "StaticWeight" | "DynamicWeight" | "Aggregated";

/** The replica arithmetic of one assignment, for explanations. */
export interface AssignmentStep {
  strategy: AssignmentStrategy;
  mode?: "Steady" | "Fresh";
  action?: "scale-up" | "scale-down" | "unchanged" | "fresh" | "divide";
  /** Replicas divided in this step (the delta on scale-up). */
  targetReplicas: number;
  /** The weights (votes) the division used, in the order considered. */
  weights?: { name: string; weight: number }[];
  /** Previous replicas the step started from. */
  scheduled?: TargetCluster[];
  /** Overflow tier this step placed (absent when there are no tiers). */
  tier?: number;
  result: TargetCluster[];
}

export interface AssignInput {
  candidates: readonly ClusterCandidate[];
  replicas: number;
  placement: Placement;
  previous: readonly TargetCluster[];
  uid?: string;
  /** rescheduleTriggeredAt later than lastScheduledTime: divide from scratch. */
  fresh: boolean;
  /** Overflow tiers are active (clusterAffinities term with overflowAffinities in use). */
  overflow: boolean;
}

/**
 * Strategy resolution (Karmada's `newAssignState`), with the CRD/webhook defaults (an empty type
 * is Divided, an empty division preference Weighted) applied. A type or preference outside the
 * enums resolves to no strategy: Karmada's assignment then fails (`unsupportedStrategyMessage`).
 */
export function resolveStrategy(placement: Placement): AssignmentStrategy | undefined {
  const s = placement.replicaScheduling;
  if (!s || s.replicaSchedulingType === "Duplicated") return "Duplicated";
  if (s.replicaSchedulingType && s.replicaSchedulingType !== "Divided") return undefined;
  if (s.replicaDivisionPreference === "Aggregated") return "Aggregated";
  if (s.replicaDivisionPreference && s.replicaDivisionPreference !== "Weighted") return undefined;
  return s.weightPreference?.dynamicWeight ? "DynamicWeight" : "StaticWeight";
}

/** Karmada's error for a strategy it cannot assign by (assignReplicasToClusters). */
export function unsupportedStrategyMessage(placement: Placement): string {
  const s = placement.replicaScheduling;
  return `unsupported replica scheduling strategy, replicaSchedulingType: ${s?.replicaSchedulingType ?? ""}, replicaDivisionPreference: ${s?.replicaDivisionPreference ?? ""}, please try another scheduling strategy`;
}

function staticWeights(candidates: readonly ClusterCandidate[], list: StaticClusterWeight[] | undefined): { name: string; weight: number }[] {
  // No weightPreference at all means weight 1 for every candidate.
  if (!list) return candidates.map((c) => ({ name: c.name, weight: 1 }));
  const rules = list.map((r) => ({ match: compileClusterAffinity(r.targetCluster), weight: r.weight }));
  const out: { name: string; weight: number }[] = [];
  for (const c of candidates) {
    let weight = 0;
    for (const r of rules) if (r.weight > weight && r.match(c.cluster)) weight = r.weight;
    if (weight > 0) out.push({ name: c.name, weight });
  }
  if (out.length === 0) return candidates.map((c) => ({ name: c.name, weight: 1 }));
  return out;
}

/** Go's `MergeTargetClusters`: add old replicas onto the new split, keeping old-only entries. */
function mergeTargetClusters(old: readonly TargetCluster[], fresh: TargetCluster[]): TargetCluster[] {
  if (old.length === 0) return fresh;
  if (fresh.length === 0) return [...old];
  const oldMap = new Map(old.map((c) => [c.name, c.replicas ?? 0]));
  const out = fresh.map((c) => {
    const v = oldMap.get(c.name);
    if (v === undefined) return c;
    oldMap.delete(c.name);
    return { name: c.name, replicas: (c.replicas ?? 0) + v };
  });
  for (const [name, replicas] of oldMap) out.push({ name, replicas });
  return out;
}

/**
 * Karmada's `sort.Sort(TargetClustersList)`: replicas descending, with ties left where Go's
 * unstable sort leaves them (which an Aggregated division's cut depends on).
 */
const sortByReplicasDesc = <W extends { weight: number }>(list: W[]): W[] => goSort(list, (a, b) => a.weight > b.weight);

/**
 * Karmada's `dynamicDivideReplicas`: `target` replicas over `available` (each cluster's capacity
 * as its weight, in the order given), merged onto `scheduled`. Aggregated moves clusters that
 * already hold replicas first and keeps the shortest prefix whose capacity covers the target.
 */
export function dynamicDivideReplicas(strategy: "DynamicWeight" | "Aggregated", target: number, available: { name: string; weight: number }[], scheduled: TargetCluster[], uid?: string, step?: AssignmentStep): TargetCluster[] {
  return divideDynamic(strategy, target, available, scheduled, uid, step ?? { strategy, targetReplicas: target, result: [] });
}

function divideDynamic(strategy: AssignmentStrategy, target: number, available: { name: string; weight: number }[], scheduled: TargetCluster[], uid: string | undefined, step: AssignmentStep): TargetCluster[] {
  // util.GetSumOfReplicas adds int32s: the sum wraps around as Go's does.
  const total = available.reduce((s, a) => (s + a.weight) | 0, 0);
  if (total < target) throw new ScheduleError("Unschedulable", `Clusters available replicas ${total} are not enough to schedule.`);
  let weights = available;
  if (strategy === "Aggregated") {
    // Clusters already holding replicas go first, then the shortest prefix that fits is used.
    const prior = new Set(scheduled.filter((c) => (c.replicas ?? 0) > 0).map((c) => c.name));
    if (prior.size > 0) weights = [...weights.filter((w) => prior.has(w.name)), ...weights.filter((w) => !prior.has(w.name))];
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      sum = (sum + weights[i].weight) | 0;
      if (sum >= target) {
        weights = weights.slice(0, i + 1);
        break;
      }
    }
  }
  step.weights = weights;
  return mergeTargetClusters(scheduled, spreadReplicasByWeights(target, weights, undefined, uid));
}

function assignDynamic(strategy: AssignmentStrategy, input: AssignInput, replicas: number, step: AssignmentStep): TargetCluster[] {
  const names = new Set(input.candidates.map((c) => c.name));
  const scheduled = input.previous.filter((c) => names.has(c.name)).map((c) => ({ name: c.name, replicas: c.replicas ?? 0 }));
  const assigned = sumReplicas(scheduled);
  step.scheduled = scheduled;
  const capacity = () => input.candidates.map((c) => ({ name: c.name, weight: c.allocatableReplicas }));
  if (input.fresh) {
    step.mode = "Fresh";
    step.action = "fresh";
    step.targetReplicas = replicas;
    // Every scheduled entry adds onto its cluster (dynamicFreshScale), duplicates included.
    const prev = new Map<string, number>();
    for (const c of scheduled) prev.set(c.name, ((prev.get(c.name) ?? 0) + c.replicas) | 0);
    const weights = sortByReplicasDesc(capacity().map((w) => ({ name: w.name, weight: (w.weight + (prev.get(w.name) ?? 0)) | 0 })));
    return wrapErr(() => divideDynamic(strategy, replicas, weights, [], input.uid, step), "failed to do fresh scale");
  }
  step.mode = "Steady";
  if (assigned > replicas) {
    step.action = "scale-down";
    step.targetReplicas = replicas;
    const weights = sortByReplicasDesc(scheduled.map((c) => ({ name: c.name, weight: c.replicas })));
    return wrapErr(() => divideDynamic(strategy, replicas, weights, [], input.uid, step), "failed to scale down");
  }
  if (assigned < replicas) {
    step.action = "scale-up";
    step.targetReplicas = replicas - assigned;
    return wrapErr(() => divideDynamic(strategy, replicas - assigned, sortByReplicasDesc(capacity()), scheduled, input.uid, step), "failed to scale up");
  }
  step.action = "unchanged";
  step.targetReplicas = 0;
  return scheduled;
}

function wrapErr<T>(fn: () => T, prefix: string): T {
  try {
    return fn();
  } catch (err) {
    throw err instanceof ScheduleError ? err.wrap(prefix) : err;
  }
}

function assignToClusters(input: AssignInput, replicas: number, step: AssignmentStep): TargetCluster[] {
  const strategy = step.strategy;
  let result: TargetCluster[];
  if (strategy === "Duplicated") {
    step.targetReplicas = replicas;
    result = input.candidates.map((c) => ({ name: c.name, replicas }));
  } else if (strategy === "StaticWeight") {
    const weights = staticWeights(input.candidates, input.placement.replicaScheduling?.weightPreference?.staticWeightList ?? (input.placement.replicaScheduling?.weightPreference ? [] : undefined));
    step.action = "divide";
    step.targetReplicas = replicas;
    step.weights = weights;
    result = spreadReplicasByWeights(replicas, weights, undefined, input.uid);
  } else {
    result = assignDynamic(strategy, input, replicas, step);
  }
  // Workloads never keep 0-replica targets (enableEmptyWorkloadPropagation re-adds them later).
  result = result.filter((c) => (c.replicas ?? 0) > 0).map((c) => ({ name: c.name, replicas: c.replicas }));
  step.result = result;
  return result;
}

/**
 * Assigns replicas to the selected clusters for a workload, tier by tier when overflow is on.
 * Throws ScheduleError: "Unschedulable" when capacity is short, "SchedulerError" otherwise.
 */
export function assignWorkloadReplicas(input: AssignInput): { clusters: TargetCluster[]; steps: AssignmentStep[] } {
  const strategy = resolveStrategy(input.placement);
  if (!strategy) throw new ScheduleError("SchedulerError", unsupportedStrategyMessage(input.placement));
  const newStep = (): AssignmentStep => ({ strategy, targetReplicas: 0, result: [] });
  if (!input.overflow) {
    const step = newStep();
    return { clusters: assignToClusters(input, input.replicas, step), steps: [step] };
  }
  const tiers = new Map<number, ClusterCandidate[]>();
  let maxTier = 0;
  for (const c of input.candidates) {
    const list = tiers.get(c.overflowOrder) ?? [];
    list.push(c);
    tiers.set(c.overflowOrder, list);
    maxTier = Math.max(maxTier, c.overflowOrder);
  }
  const clusters: TargetCluster[] = [];
  const steps: AssignmentStep[] = [];
  let remaining = input.replicas;
  for (let tier = 0; tier <= maxTier; tier++) {
    const members = tiers.get(tier);
    if (!members?.length) continue;
    const capacity = members.reduce((s, c) => s + c.availableReplicas, 0);
    const place = Math.min(remaining, capacity);
    const step = { ...newStep(), tier };
    clusters.push(...assignToClusters({ ...input, candidates: members }, place, step));
    steps.push(step);
    remaining -= place;
    if (remaining <= 0) break;
  }
  if (remaining > 0) throw new ScheduleError("Unschedulable", "Clusters available replicas are not enough to schedule.");
  return { clusters, steps };
}
