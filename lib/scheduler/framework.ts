import type { Cluster, Placement, ReplicaRequirements, TargetCluster } from "../kube/karmada";
import type { ObjectReference } from "../kube/karmada";

/**
 * Shared scheduler types, mirroring Karmada's `pkg/scheduler/framework`: filter plugins return a
 * reason instead of a bare boolean so every "no" can be explained, and the three failure kinds
 * map one-to-one onto the binding's `Scheduled` condition reasons.
 */

/** Largest int32, Karmada's "no estimate" marker. */
export const MAX_INT32 = 2147483647;

/** Names of the filter plugins, in the order Flotilla runs them (Karmada's registry order). */
export type FilterPluginName = "APIEnablement" | "TaintToleration" | "ClusterAffinity" | "SpreadConstraint" | "ClusterEviction";

/** One filter's verdict on one cluster. `reason` is Karmada's reason text when it fails. */
export interface FilterResult {
  plugin: FilterPluginName;
  passed: boolean;
  reason?: string;
}

/**
 * What filters and scores see about the binding being scheduled. Built once per scheduling
 * attempt (cheap lookups precomputed) so per-cluster checks stay O(1).
 */
export interface ScheduleContext {
  resource: ObjectReference & { uid?: string };
  replicas: number;
  replicaRequirements?: ReplicaRequirements;
  placement: Placement;
  /** Names in the binding's current `spec.clusters`. */
  targets: Set<string>;
  /** Previous assignment (`spec.clusters`). */
  previous: TargetCluster[];
  /** Clusters that are the `fromCluster` of a graceful eviction task. */
  evicting: Set<string>;
  /** The clusterAffinities term in use (status.schedulerObservingAffinityName) for this attempt. */
  observedAffinityName?: string;
  /** Karmada's `IsWorkload()` ignoring components: replicas > 0 or requirements present. */
  isWorkload: boolean;
}

/** A filter plugin: returns undefined when the cluster passes, otherwise the failure reason. */
export interface FilterPlugin {
  name: FilterPluginName;
  /** Called once per attempt; returns the per-cluster check (lets plugins precompile selectors). */
  prepare(ctx: ScheduleContext): (cluster: Cluster) => string | undefined;
}

/** A feasible cluster with everything selection and assignment need (Karmada's ClusterDetailInfo). */
export interface ClusterCandidate {
  name: string;
  cluster: Cluster;
  score: number;
  /** 0 = primary affinity, k = k-th overflow affinity, 1000 = none matched. */
  overflowOrder: number;
  /** Estimated free replicas plus what this binding already has there. */
  availableReplicas: number;
  /** Estimated free replicas alone. */
  allocatableReplicas: number;
}

/** Karmada's scheduling failure kinds, which become the Scheduled condition's reason. */
export type ScheduleErrorReason = "NoClusterFit" | "Unschedulable" | "SchedulerError";

/** A scheduling failure carrying its condition reason; `message` is Karmada's error text. */
export class ScheduleError extends Error {
  constructor(
    readonly reason: ScheduleErrorReason,
    message: string,
  ) {
    super(message);
  }

  /** Go's `fmt.Errorf("prefix: %w", err)`: same kind, message prefixed. */
  wrap(prefix: string): ScheduleError {
    return new ScheduleError(this.reason, `${prefix}: ${this.message}`);
  }
}

/** Turns any thrown value into a ScheduleError, wrapping unknown errors as SchedulerError. */
export function toScheduleError(err: unknown): ScheduleError {
  if (err instanceof ScheduleError) return err;
  return new ScheduleError("SchedulerError", err instanceof Error ? err.message : String(err));
}

/**
 * Karmada's FitError text: "0/N clusters are available: <histogram>." where the histogram is
 * "<count> <reason>" entries sorted as strings and joined with ", ".
 */
export function formatFitError(numAllClusters: number, reasons: ReadonlyMap<string, string | readonly string[]>): string {
  if (numAllClusters === 0 || reasons.size === 0) return `0/${numAllClusters} clusters are available: no cluster exists.`;
  // Every reason of every cluster's Result counts (Karmada's filters give one reason each).
  const histogram = new Map<string, number>();
  for (const value of reasons.values()) for (const reason of typeof value === "string" ? [value] : value) histogram.set(reason, (histogram.get(reason) ?? 0) + 1);
  const parts = [...histogram].map(([reason, count]) => `${count} ${reason}`);
  parts.sort(compareStrings);
  return `0/${numAllClusters} clusters are available: ${parts.join(", ")}.`;
}

/** Go's byte-order string comparison (JS `<` on UTF-16 agrees for the ASCII names Kubernetes allows). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sum of replicas of a target list (missing replicas count as 0). */
export function sumReplicas(clusters: readonly TargetCluster[]): number {
  let sum = 0;
  for (const c of clusters) sum += c.replicas ?? 0;
  return sum;
}
