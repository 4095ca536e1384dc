import type { OverridePolicy, PropagationPolicy } from "../../lib/kube/karmada";

/** The four policy kinds, their plural (URL segment and /k8s resource) and scope. */
export const POLICY_KINDS = [
  { kind: "PropagationPolicy", plural: "propagationpolicies", namespaced: true, family: "propagation" },
  { kind: "ClusterPropagationPolicy", plural: "clusterpropagationpolicies", namespaced: false, family: "propagation" },
  { kind: "OverridePolicy", plural: "overridepolicies", namespaced: true, family: "override" },
  { kind: "ClusterOverridePolicy", plural: "clusteroverridepolicies", namespaced: false, family: "override" },
] as const;

export type PolicyKindInfo = (typeof POLICY_KINDS)[number];
export type AnyPolicy = PropagationPolicy | OverridePolicy;

/** The policy resource for query keys and /k8s paths. */
export function policyResource(info: Pick<PolicyKindInfo, "plural" | "namespaced">) {
  return { group: "policy.karmada.io", version: "v1alpha1", plural: info.plural, namespaced: info.namespaced };
}

export function policyKindByPlural(plural: string): PolicyKindInfo | undefined {
  return POLICY_KINDS.find((k) => k.plural === plural);
}

export function policyKindByKind(kind: string): PolicyKindInfo | undefined {
  return POLICY_KINDS.find((k) => k.kind === kind);
}

/** Console URL of a policy: /policies/{plural}/{namespace}/{name} or /policies/{plural}/{name}. */
export function policyHref(kind: string, namespace: string | undefined, name: string): string {
  const info = policyKindByKind(kind);
  const parts = [info?.plural ?? kind.toLowerCase(), ...(info?.namespaced ? [namespace ?? "default"] : []), name];
  return `/policies/${parts.map(encodeURIComponent).join("/")}`;
}
