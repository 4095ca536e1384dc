import type { KubeObject } from "../kube/types";
import type { Placement, TargetCluster } from "../kube/karmada";
import { spreadReplicasByWeights } from "../scheduler/webster";
import { cloneJson } from "../store/json-clone";

/**
 * Whether the binding controller splits a Job's completions across clusters
 * (needReviseJobCompletions): the workload has replicas and the placement is Divided.
 */
export function needReviseJobCompletions(replicas: number, placement: Placement | undefined): boolean {
  return replicas > 0 && placement?.replicaScheduling?.replicaSchedulingType === "Divided";
}

/**
 * Karmada's divideReplicasByJobCompletions: spec.completions of the Job split over the target
 * clusters in proportion to their scheduled replicas with the Webster method (tie-break seeded by
 * the Job's UID). Returns undefined when the Job has no spec.completions (nothing to revise).
 */
export function divideJobCompletions(job: KubeObject, clusters: readonly TargetCluster[]): TargetCluster[] | undefined {
  const completions = (job.spec as { completions?: unknown } | undefined)?.completions;
  if (typeof completions !== "number") return undefined;
  return spreadReplicasByWeights(
    completions,
    clusters.map((c) => ({ name: c.name, weight: c.replicas ?? 0 })),
    undefined,
    job.metadata.uid,
  );
}

/** Copy of the Job with spec.completions set for one cluster (from divideJobCompletions' result). */
export function withJobCompletions<T extends KubeObject>(job: T, completions: number): T {
  const out = cloneJson(job);
  (out as KubeObject).spec = { ...((out.spec as object) ?? {}), completions };
  return out;
}
