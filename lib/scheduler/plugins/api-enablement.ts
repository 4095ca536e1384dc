import type { Cluster } from "../../kube/karmada";
import type { FilterPlugin } from "../framework";

/**
 * APIEnablement filter: a cluster already in spec.clusters passes; otherwise its
 * `status.apiEnablements` must list the template's group/version with the template's kind.
 * A missing entry fails whether the cluster's list is complete ("disabled") or not ("unknown").
 */

export type APIEnablementStatus = "APIEnabled" | "APIDisabled" | "APIUnknown";

/**
 * `schema.FromAPIVersionAndKind(apiVersion, kind).GroupVersion().String()`: "/v1" is the core
 * group's "v1", and an apiVersion with more than one slash fails to parse into the empty one.
 */
export function groupVersionString(apiVersion: string): string {
  const parts = apiVersion.split("/");
  if (parts.length > 2) return "";
  if (parts.length === 1) return apiVersion;
  return parts[0] ? apiVersion : parts[1];
}

/** Karmada's `Cluster.APIEnablement(gvk)`. */
export function apiEnablement(cluster: Cluster, apiVersion: string, kind: string): APIEnablementStatus {
  const groupVersion = groupVersionString(apiVersion);
  for (const entry of cluster.status?.apiEnablements ?? []) {
    if (entry.groupVersion !== groupVersion) continue;
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
