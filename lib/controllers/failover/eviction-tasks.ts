import type { GracefulEvictionTask, ResourceBinding } from "../../kube/karmada";
import { toRfc3339 } from "../runtime/conditions";

/** Karmada's --graceful-eviction-timeout default. */
export const DEFAULT_GRACEFUL_EVICTION_TIMEOUT_MS = 10 * 60_000;

export interface TaskAssessment {
  kept: GracefulEvictionTask[];
  /** Clusters whose task ended (their Works become orphans and are removed). */
  evicted: string[];
  /** When to look again (ms; 0 = only on the next event). */
  nextRetryMs: number;
  changed: boolean;
}

function scheduledForGeneration(b: ResourceBinding): boolean {
  const cond = b.status?.conditions?.find((c) => c.type === "Scheduled");
  return cond?.status === "True" && b.status?.schedulerObservedGeneration === b.metadata.generation;
}

function allTargetsHealthy(b: ResourceBinding): boolean {
  const items = b.status?.aggregatedStatus ?? [];
  return (b.spec.clusters ?? []).every((t) => items.find((i) => i.clusterName === t.name)?.health === "Healthy");
}

/**
 * Karmada's graceful eviction controller (assessEvictionTasks + nextRetry): a task without a
 * creationTimestamp gets one; a task ends when suppressDeletion is explicitly false, when its
 * timeout (gracePeriodSeconds, else the default) passed, or when the binding is scheduled for
 * its generation and every target is Healthy; suppressDeletion: true keeps it forever.
 */
export function assessEvictionTasks(b: ResourceBinding, nowMs: number, defaultTimeoutMs = DEFAULT_GRACEFUL_EVICTION_TIMEOUT_MS): TaskAssessment {
  const tasks = b.spec.gracefulEvictionTasks ?? [];
  const kept: GracefulEvictionTask[] = [];
  const evicted: string[] = [];
  const healthyNow = scheduledForGeneration(b) && allTargetsHealthy(b);
  let changed = false;
  for (const task of tasks) {
    if (!task.creationTimestamp) {
      kept.push({ ...task, creationTimestamp: toRfc3339(new Date(nowMs)) });
      changed = true;
      continue;
    }
    const timeout = task.gracePeriodSeconds !== undefined ? task.gracePeriodSeconds * 1000 : defaultTimeoutMs;
    let keep: boolean;
    if (task.suppressDeletion !== undefined) keep = task.suppressDeletion;
    else keep = nowMs <= Date.parse(task.creationTimestamp) + timeout && !healthyNow;
    if (keep) kept.push(task);
    else {
      evicted.push(task.fromCluster);
      changed = true;
    }
  }
  return { kept, evicted, nextRetryMs: nextRetry(kept, nowMs, defaultTimeoutMs), changed };
}

function nextRetry(tasks: GracefulEvictionTask[], nowMs: number, defaultTimeoutMs: number): number {
  let next = Infinity;
  for (const t of tasks) {
    if (t.suppressDeletion !== undefined || !t.creationTimestamp) continue;
    const timeout = t.gracePeriodSeconds !== undefined ? t.gracePeriodSeconds * 1000 : defaultTimeoutMs;
    next = Math.min(next, Date.parse(t.creationTimestamp) + timeout - nowMs);
  }
  if (next === Infinity) return 0;
  // Second precision timestamps: look again just after the deadline.
  return Math.max(1, next + 1000);
}
