import type { Condition } from "../../kube/types";

/** The fields a caller decides; lastTransitionTime is the helper's job. */
export type ConditionInput = Omit<Condition, "lastTransitionTime"> & { lastTransitionTime?: string };

/**
 * Sets `next` in `conditions` with metav1 semantics (apimachinery meta.SetStatusCondition):
 * - a new type is appended with lastTransitionTime = next's or `now`;
 * - an existing type keeps its lastTransitionTime unless the status changes;
 * - reason, message and observedGeneration are always overwritten.
 * Returns the new array (the input is not mutated) and whether anything changed, so a
 * reconciler can skip the status write when nothing did (idempotency).
 */
export function setCondition(
  conditions: readonly Condition[] | undefined,
  next: ConditionInput,
  now: Date | string = new Date(),
): { conditions: Condition[]; changed: boolean } {
  const list = conditions ? [...conditions] : [];
  const stamp = typeof now === "string" ? now : toRfc3339(now);
  const i = list.findIndex((c) => c.type === next.type);
  if (i < 0) {
    list.push(normalize({ ...next, lastTransitionTime: next.lastTransitionTime ?? stamp }));
    return { conditions: list, changed: true };
  }
  const old = list[i];
  const statusChanged = old.status !== next.status;
  const updated = normalize({
    ...old,
    ...next,
    lastTransitionTime: statusChanged ? (next.lastTransitionTime ?? stamp) : old.lastTransitionTime,
  });
  const changed =
    statusChanged ||
    old.reason !== updated.reason ||
    old.message !== updated.message ||
    old.observedGeneration !== updated.observedGeneration;
  list[i] = updated;
  return { conditions: list, changed };
}

/** Removes the condition of `type`; returns the new array and whether one was removed. */
export function removeCondition(conditions: readonly Condition[] | undefined, type: string): { conditions: Condition[]; changed: boolean } {
  const list = (conditions ?? []).filter((c) => c.type !== type);
  return { conditions: list, changed: list.length !== (conditions?.length ?? 0) };
}

/** The condition of `type`, if present. */
export function getCondition(conditions: readonly Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find((c) => c.type === type);
}

/** True only when the condition exists with status "True" (missing and Unknown are not true). */
export function isConditionTrue(conditions: readonly Condition[] | undefined, type: string): boolean {
  return getCondition(conditions, type)?.status === "True";
}

/** True only when the condition exists with status "False". */
export function isConditionFalse(conditions: readonly Condition[] | undefined, type: string): boolean {
  return getCondition(conditions, type)?.status === "False";
}

/** metav1.Time: RFC 3339 with second precision, as the API server serializes it. */
export function toRfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function normalize(c: Condition): Condition {
  const out: Condition = { type: c.type, status: c.status, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message };
  if (c.observedGeneration !== undefined) out.observedGeneration = c.observedGeneration;
  return out;
}
