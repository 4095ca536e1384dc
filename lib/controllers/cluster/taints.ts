import { TAINT_NOT_READY, TAINT_UNREACHABLE, type Taint } from "../../kube/karmada";
import type { Condition } from "../../kube/types";

/** Added while Ready is False, or before the first status (Karmada's NotReadyTaintTemplateForSched). */
export const NOT_READY_TAINT: Taint = { key: TAINT_NOT_READY, effect: "NoSchedule" };
/** Added while Ready is Unknown (Karmada's UnreachableTaintTemplateForSched). */
export const UNREACHABLE_TAINT: Taint = { key: TAINT_UNREACHABLE, effect: "NoSchedule" };

/**
 * Karmada's taintClusterByCondition as data: which scheduling taints the Ready condition asks
 * for. False → not-ready (and not unreachable); Unknown → unreachable (and not not-ready);
 * True → neither; no condition yet → not-ready, leaving unreachable alone.
 */
export function taintChangesFor(ready: Condition | undefined): { add: Taint[]; remove: Taint[] } {
  if (!ready) return { add: [NOT_READY_TAINT], remove: [] };
  switch (ready.status) {
    case "False":
      return { add: [NOT_READY_TAINT], remove: [UNREACHABLE_TAINT] };
    case "Unknown":
      return { add: [UNREACHABLE_TAINT], remove: [NOT_READY_TAINT] };
    default:
      return { add: [], remove: [NOT_READY_TAINT, UNREACHABLE_TAINT] };
  }
}

/** corev1 Taint.MatchTaint: same key and effect (value and timeAdded do not matter). */
export function matchTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect;
}

/**
 * Karmada's SetCurrentClusterTaints: removes the matching taints, appends the missing ones
 * stamped with `now` as timeAdded, keeps every other taint (user taints, cordon) in place.
 * Returns undefined when nothing changes, so the caller writes nothing.
 */
export function applyTaintChanges(current: readonly Taint[] | undefined, changes: { add: Taint[]; remove: Taint[] }, now: string): Taint[] | undefined {
  const taints = current ?? [];
  const toAdd = changes.add.filter((t) => !taints.some((c) => matchTaint(c, t)));
  const toRemove = changes.remove.filter((t) => taints.some((c) => matchTaint(c, t)));
  if (toAdd.length === 0 && toRemove.length === 0) return undefined;
  const kept = taints.filter((c) => !toRemove.some((r) => matchTaint(c, r)));
  return [...kept, ...toAdd.map((t) => ({ ...t, timeAdded: now }))];
}

/** Karmada's GenerateTaintsMessage, used in the TaintClusterSucceed event. */
export function taintsMessage(taints: readonly Taint[]): string {
  if (taints.length === 0) return "cluster now does not have taints";
  const parts = taints.map((t) => (t.value ? `{Key:${t.key},Value:${t.value},Effect:${t.effect}}` : `{Key:${t.key},Effect:${t.effect}}`));
  return `cluster now has taints([${parts.join(",")}])`;
}
