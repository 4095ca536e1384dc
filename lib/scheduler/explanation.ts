import type { TargetCluster } from "../kube/karmada";
import type { AssignmentStep, AssignmentStrategy } from "./assign-replicas";
import type { FilterResult, ScheduleErrorReason } from "./framework";
import type { SelectionExplanation } from "./select-clusters";

/**
 * The "why" of a scheduling decision, rendered by the console and served by the placement
 * preview endpoint. Plain JSON (no classes, no Maps) so it can be stored and sent as is.
 */

/** Everything the scheduler decided about one cluster. */
export interface ClusterExplanation {
  name: string;
  /** Clusters being deleted are skipped before filtering. */
  deleting?: boolean;
  /** Every filter's verdict (all filters run, so all reasons are visible). */
  filters: FilterResult[];
  feasible: boolean;
  score?: number;
  overflowOrder?: number;
  availableReplicas?: number;
  allocatableReplicas?: number;
  /** Picked by spread-constraint selection. */
  selected?: boolean;
  /** Replicas finally assigned (absent when not a target). */
  replicas?: number;
}

/** One try of a clusterAffinities term (or the single placement when there are no terms). */
export interface AttemptExplanation {
  affinityName?: string;
  feasible: number;
  error?: { reason: ScheduleErrorReason; message: string };
}

export interface Explanation {
  /** Replica strategy; "NonWorkload" when replicas are not divided at all, "Unsupported" for a type or preference Karmada cannot assign by. */
  strategy: AssignmentStrategy | "NonWorkload" | "Unsupported";
  /** Webster name tie-break direction from the resource UID's FNV-1a parity. */
  tieBreak: "ascending" | "descending";
  attempts: AttemptExplanation[];
  /** Per-cluster detail of the deciding attempt, in input order. */
  clusters: ClusterExplanation[];
  selection?: SelectionExplanation;
  /** Replica arithmetic, one step per overflow tier (one step without tiers). */
  assignment: AssignmentStep[];
}

function shortReason(c: ClusterExplanation): string {
  if (c.deleting) return `${c.name} is being deleted`;
  const failed = c.filters.find((f) => !f.passed);
  if (!failed) return `${c.name} fits`;
  switch (failed.plugin) {
    case "ClusterAffinity":
      return `${c.name} excluded by affinity`;
    case "TaintToleration": {
      const taint = /\{(.*)\}/.exec(failed.reason ?? "")?.[1] ?? "";
      return `${c.name} taint ${taint} not tolerated`;
    }
    case "APIEnablement":
      return `${c.name} lacks the API`;
    case "SpreadConstraint":
      return `${c.name} ${(failed.reason ?? "").replace("cluster(s) ", "")}`;
    case "ClusterEviction":
      return `${c.name} is being evicted`;
  }
}

function formatTargets(clusters: readonly TargetCluster[]): string {
  return clusters.map((c) => `${c.name}:${c.replicas ?? 0}`).join(", ");
}

/**
 * The filter half of the summary: "2/5 clusters fit: member4 excluded by affinity, member5 taint
 * cluster.karmada.io/not-ready:NoSchedule not tolerated" (at most five reasons, then "and N more").
 */
export function fitSummary(explanation: Explanation): string {
  const total = explanation.clusters.length;
  const unfit = explanation.clusters.filter((c) => !c.feasible);
  let line = `${total - unfit.length}/${total} clusters fit`;
  if (unfit.length > 0) {
    const shown = unfit.slice(0, 5).map(shortReason);
    if (unfit.length > 5) shown.push(`and ${unfit.length - 5} more`);
    line += `: ${shown.join(", ")}`;
  }
  return line;
}

/**
 * One line for the binding's Scheduled condition / console, e.g.
 * "2/5 clusters fit: member4 excluded by affinity, member5 taint cluster.karmada.io/not-ready:NoSchedule not tolerated; assigned member1:3, member2:2 (DynamicWeight)".
 */
export function summarize(explanation: Explanation, result: readonly TargetCluster[], error?: { message: string }): string {
  const line = fitSummary(explanation);
  if (error) return `${line}; ${error.message}`;
  const shownTargets = result.length > 8 ? `${formatTargets(result.slice(0, 8))}, and ${result.length - 8} more` : formatTargets(result);
  return `${line}; assigned ${shownTargets || "nothing"} (${explanation.strategy})`;
}
