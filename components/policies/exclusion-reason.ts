import type { ClusterExplanation } from "../../lib/scheduler/explanation";

/**
 * Why the scheduler left a cluster out, in one line: the failed filters' reasons, or for a
 * cluster that fit, that the spread constraints or replica division did not pick it.
 */
export function exclusionReason(c: Pick<ClusterExplanation, "deleting" | "filters" | "feasible" | "selected" | "replicas">): string {
  if (c.deleting) return "The cluster is being deleted";
  const failed = c.filters.filter((f) => !f.passed);
  if (failed.length) return failed.map((f) => `${f.plugin}: ${f.reason ?? "did not pass"}`).join("; ");
  if (c.selected === false) return "Fits, but the spread constraints chose other clusters";
  return "Fits, but received no replicas";
}
