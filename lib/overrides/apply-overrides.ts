import type { KubeObject } from "../kube/types";
import type { Cluster, OverridePolicy } from "../kube/karmada";
import type { AppliedOverrideItem } from "./applied-overrides";
import { appliedOverridesAnnotations } from "./applied-overrides";
import { applyOverriders } from "./apply-overriders";
import { orderMatchingPolicies, rulesForCluster } from "./select-rules";
import { cloneJson } from "../store/json-clone";

/** A JSON patch operation actually applied, with the policy and rule that produced it. */
export interface AppliedPatch {
  /** `ClusterOverridePolicy/<name>` or `OverridePolicy/<namespace>/<name>` (see `policyRef`). */
  policy: string;
  /** Index in spec.overrideRules; -1 for the deprecated targetCluster/overriders pair. */
  rule: number;
  op: string;
  path: string;
  value?: unknown;
}

export interface OverrideError {
  policy: string;
  rule: number;
  message: string;
}

export interface ApplyOverridesInput {
  manifest: KubeObject;
  cluster: Cluster;
  /** OverridePolicies; only those in the manifest's namespace are considered. */
  overridePolicies?: readonly OverridePolicy[];
  clusterOverridePolicies?: readonly OverridePolicy[];
}

export interface ApplyOverridesResult {
  manifest: KubeObject;
  patches: AppliedPatch[];
  /**
   * Applied OverridePolicy rules in application order (Karmada's AppliedOverrides); null when no
   * rule of any OverridePolicy applies to this resource and cluster, or when a rule failed.
   */
  appliedOverrides: AppliedOverrideItem[] | null;
  /** Applied ClusterOverridePolicy rules in application order; null as for appliedOverrides. */
  appliedClusterOverrides: AppliedOverrideItem[] | null;
  /** The `policy.karmada.io/applied-(cluster-)overrides` annotations to put on the Work (only non-empty ones). */
  annotations: Record<string, string>;
  /** Non-empty means the Work for this cluster must not be written (Karmada aborts it). */
  errors: OverrideError[];
}

/** Stable display reference of an override policy used in patches and errors. */
export function policyRef(p: OverridePolicy): string {
  return p.kind === "ClusterOverridePolicy" || !p.metadata.namespace
    ? `ClusterOverridePolicy/${p.metadata.name}`
    : `OverridePolicy/${p.metadata.namespace}/${p.metadata.name}`;
}

/**
 * Renders a manifest for one member cluster (Karmada's `ApplyOverridePolicies`): first every
 * matching ClusterOverridePolicy, then, for namespaced objects, the matching OverridePolicies of
 * the object's namespace; each group ordered least specific first, then by name, and every rule
 * whose targetCluster matches applied in order. The first rule that fails stops processing
 * (Karmada aborts the Work); it is reported in `errors` and the manifest returned is the one
 * rendered up to that point. The input objects are never mutated.
 */
export function applyOverrides(input: ApplyOverridesInput): ApplyOverridesResult {
  const { cluster } = input;
  const namespace = input.manifest.metadata.namespace ?? "";
  const result: ApplyOverridesResult = {
    manifest: cloneJson(input.manifest),
    patches: [],
    appliedOverrides: null,
    appliedClusterOverrides: null,
    annotations: {},
    errors: [],
  };
  const groups: [OverridePolicy[], "appliedClusterOverrides" | "appliedOverrides"][] = [
    [[...(input.clusterOverridePolicies ?? [])], "appliedClusterOverrides"],
  ];
  if (namespace) {
    const own = (input.overridePolicies ?? []).filter((p) => (p.metadata.namespace ?? "") === namespace);
    groups.push([own, "appliedOverrides"]);
  }
  for (const [policies, key] of groups) {
    const rules = rulesForCluster(orderMatchingPolicies(policies, result.manifest), cluster);
    // Karmada returns a nil record when no rule of the group applies to this cluster.
    if (!rules.length) continue;
    const applied: AppliedOverrideItem[] = [];
    result[key] = applied;
    for (const m of rules) {
      const ref = policyRef(m.policy);
      try {
        const r = applyOverriders(result.manifest, m.overriders);
        result.manifest = r.manifest;
        result.patches.push(...r.patches.map((p) => ({ policy: ref, rule: m.rule, ...p })));
        applied.push({ policyName: m.policy.metadata.name ?? "", overriders: m.overriders });
      } catch (e) {
        result.errors.push({ policy: ref, rule: m.rule, message: (e as Error).message });
        // Karmada returns (nil, nil, err): no record of what was applied before the failure.
        result.appliedClusterOverrides = null;
        result.appliedOverrides = null;
        return result;
      }
    }
  }
  result.annotations = appliedOverridesAnnotations(result.appliedClusterOverrides ?? [], result.appliedOverrides ?? []);
  return result;
}
