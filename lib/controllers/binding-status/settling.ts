import type { Work } from "../../kube/karmada";
import { FIRST_STATUS_SETTLE_MS } from "../work-status/first-status";

/** How long a new Work may stay unexecuted (no Applied condition) before the binding reports it anyway. */
export const NEW_WORK_SETTLE_MS = 5000;

/**
 * Milliseconds to hold back a binding's aggregated status, 0 to write it now. While some Work
 * is about to change on its own (created but not executed yet, or Applied but its first
 * manifestStatuses still settling) every write would be outdated a moment later: a binding
 * with 10 new Works went through 3 to 8 status writes (and as many template status writes).
 * Each wait is bounded from the Work's own timestamps, so a Work stuck in either state is
 * reported after at most NEW_WORK_SETTLE_MS / the first-status settle time.
 */
export function settlingMs(works: readonly Work[], nowMs: number): number {
  let until = 0;
  for (const w of works) {
    if (w.metadata.deletionTimestamp) continue;
    const applied = w.status?.conditions?.find((c) => c.type === "Applied");
    let t = NaN;
    if (!applied) t = Date.parse(w.metadata.creationTimestamp ?? "") + NEW_WORK_SETTLE_MS;
    // One second more than work-status waits: its write must land before ours.
    else if (applied.status === "True" && !w.status?.manifestStatuses?.length) t = Date.parse(applied.lastTransitionTime) + FIRST_STATUS_SETTLE_MS + 1000;
    if (t > until) until = t;
  }
  return Math.max(0, until - nowMs);
}
