import type { ResourceBinding, Work } from "../../kube/karmada";
import { clusterOfExecutionNamespace } from "../../kube/karmada";
import { targetClusters } from "../binding/binding-meta";
import { UNOBSERVED_SETTLE_MS } from "../work-status/first-status";

/**
 * How long a Work may be missing (after the last scheduling) or unexecuted (no Applied
 * condition, after its creation) before the binding reports it anyway. Generous: under load
 * the execution of a new Work lags by seconds, and a Pull cluster's Works wait for its agent.
 */
export const NEW_WORK_SETTLE_MS = 10_000;

/**
 * How long a Work that nothing has touched yet (no condition at all: still in the execution
 * queue, or waiting for its Pull agent) may hold the binding back. A burst of 10,000 Works
 * queues them for minutes, and reporting each binding's Works as not applied after 10 s was
 * one more binding write (and template write) per binding, rewritten once they were applied.
 * A Work the execution controller looked at has its Dispatching condition and the 10-s bound.
 */
export const UNTOUCHED_WORK_SETTLE_MS = 60_000;

/**
 * Milliseconds to hold back a binding's aggregated status, 0 to write it now. While some Work
 * is about to change on its own (not created yet, created but not executed or not even picked up, or Applied with
 * its first manifestStatuses still settling) every write would be outdated a moment later: a
 * binding with 10 new Works went through 3 to 8 status writes (and as many template status
 * writes). Each wait is bounded from timestamps (lastScheduledTime, the Work's creation, its
 * Applied transition), so a Work stuck in one of these states is reported all the same.
 */
export function settlingMs(binding: ResourceBinding, works: readonly Work[], nowMs: number): number {
  let until = 0;
  // Missing timestamps parse to NaN, which never counts as later.
  const wait = (stamp: string | undefined, ms: number) => {
    const t = Date.parse(stamp ?? "") + ms;
    if (t > until) until = t;
  };
  const live = works.filter((w) => !w.metadata.deletionTimestamp);
  const have = new Set(live.map((w) => clusterOfExecutionNamespace(w.metadata.namespace ?? "")));
  if (targetClusters(binding).some((t) => !have.has(t.name))) wait(binding.status?.lastScheduledTime, NEW_WORK_SETTLE_MS);
  for (const w of live) {
    const applied = w.status?.conditions?.find((c) => c.type === "Applied");
    if (!applied) wait(w.metadata.creationTimestamp, w.status?.conditions?.length ? NEW_WORK_SETTLE_MS : UNTOUCHED_WORK_SETTLE_MS);
    // One second more than work-status waits at most: its write must land before ours.
    else if (applied.status === "True" && !w.status?.manifestStatuses?.length) wait(applied.lastTransitionTime, UNOBSERVED_SETTLE_MS + 1000);
  }
  return Math.max(0, until - nowMs);
}
