import type { Cluster } from "../../kube/karmada";
import type { FilterPlugin } from "../framework";

/**
 * APIEnablement filter: a cluster already in spec.clusters passes; otherwise its
 * `status.apiEnablements` must list the template's group/version with the template's kind.
 * A missing entry fails whether the cluster's list is complete ("disabled") or not ("unknown").
 */

export type APIEnablementStatus = "APIEnabled" | "APIDisabled" | "APIUnknown";

/** Karmada's `Cluster.APIEnablement(gvk)`. */
export function apiEnablement(cluster: Cluster, apiVersion: string, kind: string): APIEnablementStatus {
  for (const entry of cluster.status?.apiEnablements ?? []) {
    if (entry.groupVersion !== apiVersion) continue;
    if ((entry.resources ?? []).some((r) => r.kind === kind)) return "APIEnabled";
  }
  const complete = cluster.status?.conditions?.some((c) => c.type === "CompleteAPIEnablements" && c.status === "True");
  return complete ? "APIDisabled" : "APIUnknown";
}

export const API_MISSING = "cluster(s) did not have the API resource";

export const apiEnablementPlugin: FilterPlugin = {
  name: "APIEnablement",
  prepare(ctx) {
    const { apiVersion, kind } = ctx.resource;
    return (cluster) => {
      if (ctx.targets.has(cluster.metadata.name ?? "")) return undefined;
      return apiEnablement(cluster, apiVersion, kind) === "APIEnabled" ? undefined : API_MISSING;
    };
  },
};
