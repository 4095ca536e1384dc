import type { Cluster, OverridePolicy } from "../kube/karmada";
import type { KubeObject } from "../kube/types";
import { applyOverrides } from "../overrides/apply-overrides";
import type { AppliedOverrideItem } from "../overrides/applied-overrides";

export interface OverridePreview {
  manifest: KubeObject;
  patches: { policy: string; op: string; path: string; value?: unknown }[];
  /**
   * Karmada's applied-overrides records (what ApplyOverridePolicies returns): the rules applied,
   * in order, as { policyName, overriders }; null when none applied or a rule failed.
   */
  appliedClusterOverrides: AppliedOverrideItem[] | null;
  appliedOverrides: AppliedOverrideItem[] | null;
  /** The `policy.karmada.io/applied-(cluster-)overrides` annotations the Work would carry. */
  annotations: Record<string, string>;
  /** Rules that failed; Karmada would not write this cluster's Work at all. */
  errors?: { policy: string; rule: number; message: string }[];
}

/**
 * `POST /api/v1/overrides/preview`: the manifest as one cluster would receive it after every
 * matching ClusterOverridePolicy and OverridePolicy, and the JSON patches applied, in order.
 */
export function previewOverrides(resource: KubeObject, cluster: Cluster, policies: readonly OverridePolicy[]): OverridePreview {
  const result = applyOverrides({
    manifest: resource,
    cluster,
    overridePolicies: policies.filter((p) => p.kind === "OverridePolicy"),
    clusterOverridePolicies: policies.filter((p) => p.kind === "ClusterOverridePolicy"),
  });
  const out: OverridePreview = {
    manifest: result.manifest,
    patches: result.patches.map((p) => (p.value === undefined ? { policy: p.policy, op: p.op, path: p.path } : { policy: p.policy, op: p.op, path: p.path, value: p.value })),
    appliedClusterOverrides: result.appliedClusterOverrides,
    appliedOverrides: result.appliedOverrides,
    annotations: result.annotations,
  };
  if (result.errors.length) out.errors = result.errors;
  return out;
}
