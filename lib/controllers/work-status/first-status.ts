import type { ManifestStatus, Work } from "../../kube/karmada";

/**
 * How long the first manifestStatuses of a Work may wait for its member objects to turn
 * Healthy, counted from the Applied transition (second precision, so the wait is 2 to 3 s).
 */
export const FIRST_STATUS_SETTLE_MS = 3000;

/**
 * Milliseconds to hold back the first status reflection of a Work, 0 to write it now.
 * A member object just applied is mid-rollout: written at once its status is Unhealthy and
 * empty, then Healthy a second later (two Work writes, each re-aggregated into the binding and
 * the template). So the first write waits while some manifest is Unhealthy, for at most the
 * settle time; later changes are written as they come, so a Work that goes Unhealthy later is
 * reported without delay.
 */
export function firstStatusWaitMs(work: Work, statuses: readonly ManifestStatus[], nowMs: number, settleMs = FIRST_STATUS_SETTLE_MS): number {
  if (work.status?.manifestStatuses?.length) return 0;
  if (!statuses.some((s) => s.health === "Unhealthy")) return 0;
  const applied = work.status?.conditions?.find((c) => c.type === "Applied" && c.status === "True");
  const since = applied ? Date.parse(applied.lastTransitionTime) : NaN;
  if (Number.isNaN(since)) return 0;
  return Math.max(0, since + settleMs - nowMs);
}
