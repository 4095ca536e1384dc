import type { GracefulEvictionTask, ResourceBindingSpec } from "../../kube/karmada";

/** Options of one eviction task (Karmada's TaskOptions). */
export interface EvictOptions {
  purgeMode: NonNullable<GracefulEvictionTask["purgeMode"]>;
  reason: string;
  producer: string;
  message?: string;
  gracePeriodSeconds?: number;
  suppressDeletion?: boolean;
  clustersBeforeFailover?: string[];
}

/** Karmada's eviction producers and reasons. */
export const PRODUCER_TAINT_MANAGER = "TaintManager";
export const REASON_TAINT_UNTOLERATED = "TaintUntolerated";
export const REASON_APPLICATION_FAILURE = "ApplicationFailure";

/**
 * Karmada's `GracefulEvictCluster`: removes the cluster from spec.clusters and, unless the
 * cluster already has a task, appends a graceful eviction task recording its replicas. Returns
 * the new spec (the input is not mutated) or undefined when the cluster was not a target.
 */
export function gracefulEvictCluster(spec: ResourceBindingSpec, cluster: string, opts: EvictOptions): ResourceBindingSpec | undefined {
  const targets = spec.clusters ?? [];
  const evicted = targets.find((t) => t.name === cluster);
  if (!evicted) return undefined;
  const next: ResourceBindingSpec = { ...spec, clusters: targets.filter((t) => t.name !== cluster) };
  const tasks = spec.gracefulEvictionTasks ?? [];
  if (tasks.some((t) => t.fromCluster === cluster)) return next;
  const task: GracefulEvictionTask = { fromCluster: cluster, purgeMode: opts.purgeMode, reason: opts.reason, producer: opts.producer };
  if (opts.message) task.message = opts.message;
  if (opts.gracePeriodSeconds !== undefined) task.gracePeriodSeconds = opts.gracePeriodSeconds;
  if (opts.suppressDeletion !== undefined) task.suppressDeletion = opts.suppressDeletion;
  if (opts.clustersBeforeFailover) task.clustersBeforeFailover = opts.clustersBeforeFailover;
  if ((evicted.replicas ?? 0) > 0) task.replicas = evicted.replicas;
  next.gracefulEvictionTasks = [...tasks, task];
  return next;
}
