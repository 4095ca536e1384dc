import type { Cluster, GracefulEvictionTask, PropagationPolicy, TargetCluster } from "../kube/karmada";
import type { KubeObject } from "../kube/types";
import { getReplicas } from "../interpreter/replicas";
import { schedule } from "../scheduler/schedule";
import type { Explanation } from "../scheduler/explanation";

/** Extra binding state a preview may pretend (all optional; Karmada's scheduler reads them). */
export interface PreviewOptions {
  rescheduleTriggeredAt?: string;
  lastScheduledTime?: string;
  observedAffinityName?: string;
  gracefulEvictionTasks?: GracefulEvictionTask[];
  enableEmptyWorkloadPropagation?: boolean;
}

export interface PlacementPreviewInput {
  resource: KubeObject;
  policy: PropagationPolicy;
  clusters: Cluster[];
  previous?: TargetCluster[];
  options?: PreviewOptions;
}

export interface PlacementPreview {
  clusters: { name: string; replicas: number }[];
  explanation: Explanation;
  /** The one-line summary the Scheduled condition and console show. */
  summary: string;
  error?: { reason: string; message: string };
  /** The clusterAffinities term the result came from (status.schedulerObservingAffinityName). */
  affinityName?: string;
}

/**
 * `POST /api/v1/placement/preview`: schedules a resource with a policy's placement over a set of
 * clusters exactly as the scheduler controller would schedule its binding (same interpreter
 * for replicas and requirements, same `schedule()`), without writing anything. The resource's
 * metadata.uid feeds the Webster tie-break, `previous` plays the binding's spec.clusters.
 */
export function previewPlacement(input: PlacementPreviewInput): PlacementPreview {
  const { resource, policy, options = {} } = input;
  const { replicas, replicaRequirements } = getReplicas(resource);
  const result = schedule({
    resource: {
      apiVersion: resource.apiVersion,
      kind: resource.kind,
      namespace: resource.metadata.namespace,
      name: resource.metadata.name ?? "",
      uid: resource.metadata.uid,
    },
    replicas,
    replicaRequirements,
    placement: policy.spec.placement ?? {},
    clusters: input.clusters,
    previous: input.previous,
    gracefulEvictionTasks: options.gracefulEvictionTasks,
    observedAffinityName: options.observedAffinityName,
    rescheduleTriggeredAt: options.rescheduleTriggeredAt,
    lastScheduledTime: options.lastScheduledTime,
    enableEmptyWorkloadPropagation: options.enableEmptyWorkloadPropagation,
  });
  const out: PlacementPreview = {
    clusters: result.clusters.map((t) => ({ name: t.name, replicas: t.replicas ?? 0 })),
    explanation: result.explanation,
    summary: result.summary,
  };
  if (result.error) out.error = result.error;
  if (result.affinityName !== undefined) out.affinityName = result.affinityName;
  return out;
}
