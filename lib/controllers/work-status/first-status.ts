import type { ManifestStatus, Work } from "../../kube/karmada";

/**
 * How long the first manifestStatuses of a Work may wait for its member objects to turn
 * Healthy, counted from the Applied transition (second precision, so the wait is 2 to 3 s).
 */
export const FIRST_STATUS_SETTLE_MS = 3000;

/**
 * How long the first manifestStatuses may wait while a member object is not even observed yet
 * (no status, or observedGeneration behind generation): such a status says nothing the Applied
 * condition does not, and a loaded member takes seconds to get there.
 */
export const UNOBSERVED_SETTLE_MS = 10_000;

/** Unhealthy because the member's own controller has not looked at the object yet. */
function unobserved(s: ManifestStatus): boolean {
  if (s.health !== "Unhealthy") return false;
  const st = s.status as { generation?: unknown; observedGeneration?: unknown } | undefined;
  if (!st) return true;
  return typeof st.generation === "number" && !(typeof st.observedGeneration === "number" && st.observedGeneration >= st.generation);
}

/**
 * Milliseconds to hold back the first status reflection of a Work, 0 to write it now.
 * A member object just applied is mid-rollout: written at once its status is Unhealthy and
 * empty, then Healthy a second later (two Work writes, each re-aggregated into the binding and
 * the template). So the first write waits while some manifest is Unhealthy, for at most the
 * settle time (UNOBSERVED_SETTLE_MS while some is not observed yet); later changes are paced
 * (progressOnly), and a Work that goes Unhealthy later is reported without delay.
 */
export function firstStatusWaitMs(work: Work, statuses: readonly ManifestStatus[], nowMs: number, settleMs = FIRST_STATUS_SETTLE_MS, unobservedMs = UNOBSERVED_SETTLE_MS): number {
  if (work.status?.manifestStatuses?.length) return 0;
  if (!statuses.some((s) => s.health === "Unhealthy")) return 0;
  const applied = work.status?.conditions?.find((c) => c.type === "Applied" && c.status === "True");
  const since = applied ? Date.parse(applied.lastTransitionTime) : NaN;
  if (Number.isNaN(since)) return 0;
  return Math.max(0, since + (statuses.some(unobserved) ? unobservedMs : settleMs) - nowMs);
}

/**
 * Least time between two in-progress manifestStatuses writes of one Work (WritePacer): a
 * rollout's intermediate states (created, observed, replicas up, ready) came as one Work
 * write each, each re-aggregated into the binding and the template. The same bound as the
 * first write's.
 */
export const PROGRESS_WRITE_INTERVAL_MS = FIRST_STATUS_SETTLE_MS;

/**
 * Whether going from the written statuses to `next` only moves a rollout along, so the write
 * may be paced: the same manifests, some still Unhealthy, none that was Healthy turning
 * Unhealthy (a regression is news and goes out at once, as does reaching Healthy).
 */
export function progressOnly(written: readonly ManifestStatus[] | undefined, next: readonly ManifestStatus[]): boolean {
  if (!written?.length || written.length !== next.length) return false;
  let unhealthy = false;
  for (let i = 0; i < next.length; i++) {
    if (next[i].health !== "Unhealthy") continue;
    if (written[i].health === "Healthy") return false;
    unhealthy = true;
  }
  return unhealthy;
}
