import type { AggregatedStatusItem, ResourceBinding, Work } from "../../kube/karmada";
import { clusterOfExecutionNamespace } from "../../kube/karmada";
import type { ConditionInput } from "../runtime/conditions";
import { targetClusters } from "../binding/binding-meta";

export const CONDITION_FULLY_APPLIED = "FullyApplied";
export const REASON_FULLY_APPLIED_SUCCESS = "FullyAppliedSuccess";
export const REASON_FULLY_APPLIED_FAILED = "FullyAppliedFailed";
export const MESSAGE_FULLY_APPLIED = "All works have been successfully applied";
export const MESSAGE_NOT_FULLY_APPLIED = "Failed to apply all works, see status.aggregatedStatus for details";

/**
 * aggregatedStatus from the binding's Works (karmada-api.md §7.7): one item per non-terminating
 * Work, sorted by cluster; not Applied → applied false with the condition's message and health
 * Unknown; applied → the reflected status and the manifest's health.
 */
export function aggregatedItems(works: readonly Work[]): AggregatedStatusItem[] {
  const items: AggregatedStatusItem[] = [];
  for (const w of works) {
    if (w.metadata.deletionTimestamp) continue;
    const clusterName = clusterOfExecutionNamespace(w.metadata.namespace ?? "");
    if (!clusterName) continue;
    const applied = w.status?.conditions?.find((c) => c.type === "Applied");
    if (applied?.status !== "True") {
      items.push({ clusterName, applied: false, ...(applied?.message ? { appliedMessage: applied.message } : {}), health: "Unknown" });
      continue;
    }
    const ms = w.status?.manifestStatuses?.[0];
    items.push({ clusterName, ...(ms?.status ? { status: ms.status } : {}), applied: true, health: ms?.health ?? "Unknown" });
  }
  return items.sort((a, b) => (a.clusterName < b.clusterName ? -1 : a.clusterName > b.clusterName ? 1 : 0));
}

/** FullyApplied: True when every expected cluster has an applied item (§5). */
export function fullyAppliedCondition(b: ResourceBinding, items: readonly AggregatedStatusItem[]): ConditionInput {
  const expected = targetClusters(b).map((t) => t.name);
  const ok = expected.length > 0 && expected.every((c) => items.some((i) => i.clusterName === c && i.applied));
  return ok
    ? { type: CONDITION_FULLY_APPLIED, status: "True", reason: REASON_FULLY_APPLIED_SUCCESS, message: MESSAGE_FULLY_APPLIED, observedGeneration: b.metadata.generation }
    : { type: CONDITION_FULLY_APPLIED, status: "False", reason: REASON_FULLY_APPLIED_FAILED, message: MESSAGE_NOT_FULLY_APPLIED, observedGeneration: b.metadata.generation };
}

/**
 * Whether going from the written aggregatedStatus to `next` only moves rollouts along, so the
 * write may be paced: the same clusters with the same applied flags, some applied item still
 * not Healthy, and no item that was Healthy turning otherwise (a regression goes out at once,
 * as do reaching all Healthy, an apply failure and a change of clusters).
 */
export function aggregateProgressOnly(written: readonly AggregatedStatusItem[] | undefined, next: readonly AggregatedStatusItem[]): boolean {
  if (!written?.length || written.length !== next.length) return false;
  let pending = false;
  for (let i = 0; i < next.length; i++) {
    const a = written[i];
    const b = next[i];
    if (a.clusterName !== b.clusterName || a.applied !== b.applied) return false;
    if (b.health === "Healthy") continue;
    if (a.health === "Healthy") return false;
    if (b.applied) pending = true;
  }
  return pending;
}
