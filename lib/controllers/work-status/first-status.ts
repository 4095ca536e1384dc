import type { ManifestStatus, Work } from "../../kube/karmada";

/**
 * How long the first manifestStatuses of a Work may wait for its member objects to turn
 * Healthy, counted from the Applied transition (second precision, so the wait is 2 to 3 s) or
 * from when the member was first seen to have observed them, whichever is later.
 */
export const FIRST_STATUS_SETTLE_MS = 3000;

/**
 * How long the first manifestStatuses may wait while a member object is not even observed yet
 * (no status, or observedGeneration behind generation): such a status says nothing the Applied
 * condition does not, and a loaded member takes seconds to get there.
 */
export const UNOBSERVED_SETTLE_MS = 10_000;

/** Unhealthy because the member's own controller has not looked at the object yet. */
export function unobserved(s: ManifestStatus): boolean {
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
 * settle time from Applied or, when known, from when the member was first seen to have observed
 * the object (`observedSinceMs`: a loaded member observes late, and Healthy follows soon after),
 * never beyond UNOBSERVED_SETTLE_MS from Applied; later changes are paced (progressOnly), and a
 * Work that goes Unhealthy later is reported without delay.
 */
export function firstStatusWaitMs(work: Work, statuses: readonly ManifestStatus[], nowMs: number, settleMs = FIRST_STATUS_SETTLE_MS, unobservedMs = UNOBSERVED_SETTLE_MS, observedSinceMs?: number): number {
  if (work.status?.manifestStatuses?.length) return 0;
  if (!statuses.some((s) => s.health === "Unhealthy")) return 0;
  const applied = work.status?.conditions?.find((c) => c.type === "Applied" && c.status === "True");
  const since = applied ? Date.parse(applied.lastTransitionTime) : NaN;
  if (Number.isNaN(since)) return 0;
  const until = statuses.some(unobserved) ? since + unobservedMs : Math.min(since + unobservedMs, Math.max(since, observedSinceMs ?? since) + settleMs);
  return Math.max(0, until - nowMs);
}

/**
 * Per Work, when its member objects were first seen observed (in memory, bounded): where the
 * first-status settle time counts from once the member caught up.
 */
export class FirstObserved {
  private readonly at = new Map<string, number>();

  constructor(private readonly maxEntries = 100_000) {}

  /** The first time `key` was reported here (now, the first time). */
  since(key: string, nowMs: number): number {
    const t = this.at.get(key);
    if (t !== undefined) return t;
    this.at.set(key, nowMs);
    if (this.at.size > this.maxEntries) this.at.delete(this.at.keys().next().value as string);
    return nowMs;
  }

  forget(key: string): void {
    this.at.delete(key);
  }
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
