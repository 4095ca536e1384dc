import type { KubeObject } from "../../kube/types";
import type { OverridePolicy } from "../../kube/karmada";

/**
 * The override policies the binding controller hands to applyOverrides for a template: live
 * ClusterOverridePolicies and the OverridePolicies of the template's namespace (selection by
 * resourceSelectors and ordering happen inside applyOverrides). Policies being deleted are
 * ignored, as Karmada's lister-based lookup would no longer return them once gone.
 */
export function overridesFor(template: KubeObject, ops: readonly OverridePolicy[], cops: readonly OverridePolicy[]): { overridePolicies: OverridePolicy[]; clusterOverridePolicies: OverridePolicy[] } {
  const ns = template.metadata.namespace ?? "";
  return {
    overridePolicies: ns ? ops.filter((p) => p.metadata.namespace === ns && !p.metadata.deletionTimestamp) : [],
    clusterOverridePolicies: cops.filter((p) => !p.metadata.deletionTimestamp),
  };
}
