import type { Taint, Toleration } from "../../kube/karmada";
import type { FilterPlugin } from "../framework";

/**
 * TaintToleration filter: a cluster already in spec.clusters always passes (evicting it is the
 * taint manager's job); otherwise every NoSchedule/NoExecute taint must be tolerated by
 * `placement.clusterTolerations`. PreferNoSchedule is ignored; Lt/Gt operators never tolerate.
 */

/** Kubernetes' `Toleration.ToleratesTaint` without the comparison operators. */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  // An empty operator is Equal (corev1.Toleration.ToleratesTaint).
  switch (toleration.operator || "Equal") {
    case "Exists":
      return true;
    case "Equal":
      return (toleration.value ?? "") === (taint.value ?? "");
    default:
      return false;
  }
}

/** Kubernetes' `Taint.ToString()`: key=value:effect, dropping empty parts. */
export function taintToString(taint: Taint): string {
  const value = taint.value ?? "";
  if (!taint.effect) return value ? `${taint.key}=${value}:` : taint.key;
  return value ? `${taint.key}=${value}:${taint.effect}` : `${taint.key}:${taint.effect}`;
}

/** The first NoSchedule/NoExecute taint no toleration matches, if any. */
export function findUntoleratedTaint(taints: readonly Taint[] | undefined, tolerations: readonly Toleration[] | undefined): Taint | undefined {
  for (const taint of taints ?? []) {
    if (taint.effect !== "NoSchedule" && taint.effect !== "NoExecute") continue;
    if (!(tolerations ?? []).some((t) => toleratesTaint(t, taint))) return taint;
  }
  return undefined;
}

export const taintTolerationPlugin: FilterPlugin = {
  name: "TaintToleration",
  prepare(ctx) {
    const tolerations = ctx.placement.clusterTolerations;
    return (cluster) => {
      if (ctx.targets.has(cluster.metadata.name ?? "")) return undefined;
      const taint = findUntoleratedTaint(cluster.spec.taints, tolerations);
      return taint ? `cluster(s) had untolerated taint {${taintToString(taint)}}` : undefined;
    };
  },
};
