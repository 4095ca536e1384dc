import type { KubeObject } from "../../kube/types";
import type { ResourceBinding } from "../../kube/karmada";
import { ANNOTATION_CPP_NAME, ANNOTATION_PP_NAME, ANNOTATION_PP_NAMESPACE } from "../../kube/karmada";

/** Where one template stands as a whole, shown as text and colour in the resources list. */
export type PropagationState = "NotPropagated" | "Pending" | "Scheduling" | "Unschedulable" | "Applying" | "Applied" | "Failed" | "Deleting";

export interface ClusterPropagation {
  name: string;
  replicas?: number;
  applied?: boolean;
  health?: "Healthy" | "Unhealthy" | "Unknown";
  /** Why it is not applied (the Work's Applied message). */
  message?: string;
}

export interface PropagationSummary {
  state: PropagationState;
  /** The claiming policy, from the template's claim annotations. */
  policy?: { kind: "PropagationPolicy" | "ClusterPropagationPolicy"; namespace?: string; name: string };
  bindingName?: string;
  clusters: ClusterPropagation[];
  reason?: string;
  message?: string;
}

/**
 * Summarises a template's propagation from the template and its binding only (two objects per
 * row, so list pages stay cheap at 10,000 templates). The binding's aggregatedStatus carries
 * the per-cluster applied flag and health the binding status controller collected from Works.
 */
export function summarizePropagation(template: KubeObject, binding: ResourceBinding | undefined): PropagationSummary {
  const policy = claimingPolicy(template);
  if (template.metadata.deletionTimestamp) return { state: "Deleting", policy, bindingName: binding?.metadata.name, clusters: clustersOf(binding) };
  if (!binding) return { state: policy ? "Pending" : "NotPropagated", policy, clusters: [] };
  const clusters = clustersOf(binding);
  const conditions = binding.status?.conditions ?? [];
  const scheduled = conditions.find((c) => c.type === "Scheduled");
  const fully = conditions.find((c) => c.type === "FullyApplied");
  const base = { policy, bindingName: binding.metadata.name, clusters };
  if (scheduled?.status === "False") return { ...base, state: "Unschedulable", reason: scheduled.reason, message: scheduled.message };
  if (scheduled?.status !== "True") return { ...base, state: "Scheduling" };
  if (fully?.status === "True") return { ...base, state: "Applied" };
  const failed = clusters.find((c) => c.applied === false && c.message);
  if (failed) return { ...base, state: "Failed", reason: "AppliedFailed", message: `${failed.name}: ${failed.message}` };
  return { ...base, state: "Applying", reason: fully?.reason, message: fully?.message };
}

function clustersOf(binding: ResourceBinding | undefined): ClusterPropagation[] {
  if (!binding) return [];
  const items = binding.status?.aggregatedStatus ?? [];
  return (binding.spec.clusters ?? [])
    .map((c) => {
      const item = items.find((i) => i.clusterName === c.name);
      return { name: c.name, replicas: c.replicas, applied: item?.applied, health: item?.health, message: item?.applied === false ? item.appliedMessage : undefined };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The policy named by the template's claim annotations (karmada-api.md §9). */
export function claimingPolicy(template: KubeObject): PropagationSummary["policy"] {
  const a = template.metadata.annotations ?? {};
  if (a[ANNOTATION_PP_NAME]) return { kind: "PropagationPolicy", namespace: a[ANNOTATION_PP_NAMESPACE] ?? template.metadata.namespace, name: a[ANNOTATION_PP_NAME] };
  if (a[ANNOTATION_CPP_NAME]) return { kind: "ClusterPropagationPolicy", name: a[ANNOTATION_CPP_NAME] };
  return undefined;
}
