import type { KubeObject } from "../kube/types";
import type { PropagationPolicy } from "../kube/karmada";
import { ANNOTATION_CPP_NAME, ANNOTATION_PP_NAME, ANNOTATION_PP_NAMESPACE, LABEL_CPP_PERMANENT_ID, LABEL_PP_PERMANENT_ID } from "../kube/karmada";

/** Labels/annotations to set and keys to remove when a policy claims a template. */
export interface ClaimMetadata {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  removeLabels: string[];
  removeAnnotations: string[];
}

/** The policy's permanent id (its permanent-id label); falls back to metadata.uid when the label is missing. */
export function policyPermanentId(policy: PropagationPolicy): string {
  const label = policy.kind === "PropagationPolicy" ? LABEL_PP_PERMANENT_ID : LABEL_CPP_PERMANENT_ID;
  return policy.metadata.labels?.[label] ?? policy.metadata.uid ?? "";
}

/**
 * Claim metadata the detector writes on a template (karmada-api.md §9): a PP writes its
 * permanent-id label and namespace/name annotations and removes any CPP claim; a CPP writes
 * its permanent-id label and name annotation.
 */
export function claimMetadata(policy: PropagationPolicy): ClaimMetadata {
  const id = policyPermanentId(policy);
  if (policy.kind === "PropagationPolicy") {
    return {
      labels: { [LABEL_PP_PERMANENT_ID]: id },
      annotations: { [ANNOTATION_PP_NAMESPACE]: policy.metadata.namespace ?? "", [ANNOTATION_PP_NAME]: policy.metadata.name ?? "" },
      removeLabels: [LABEL_CPP_PERMANENT_ID],
      removeAnnotations: [ANNOTATION_CPP_NAME],
    };
  }
  return { labels: { [LABEL_CPP_PERMANENT_ID]: id }, annotations: { [ANNOTATION_CPP_NAME]: policy.metadata.name ?? "" }, removeLabels: [], removeAnnotations: [] };
}

/** Claim metadata keys of both kinds, for cleaning a template when its policy goes away. */
export const ALL_CLAIM_LABELS = [LABEL_PP_PERMANENT_ID, LABEL_CPP_PERMANENT_ID];
export const ALL_CLAIM_ANNOTATIONS = [ANNOTATION_PP_NAMESPACE, ANNOTATION_PP_NAME, ANNOTATION_CPP_NAME];

/** Returns a copy of the object with the claim of `policy` applied. */
export function withClaim<T extends KubeObject>(obj: T, policy: PropagationPolicy): T {
  const m = claimMetadata(policy);
  const out = structuredClone(obj);
  const labels = { ...(out.metadata.labels ?? {}), ...m.labels };
  const annotations = { ...(out.metadata.annotations ?? {}), ...m.annotations };
  for (const k of m.removeLabels) delete labels[k];
  for (const k of m.removeAnnotations) delete annotations[k];
  out.metadata.labels = labels;
  out.metadata.annotations = annotations;
  return out;
}

/** Returns a copy of the object without any PP or CPP claim metadata. */
export function withoutClaim<T extends KubeObject>(obj: T): T {
  const out = structuredClone(obj);
  if (out.metadata.labels) for (const k of ALL_CLAIM_LABELS) delete out.metadata.labels[k];
  if (out.metadata.annotations) for (const k of ALL_CLAIM_ANNOTATIONS) delete out.metadata.annotations[k];
  return out;
}

/** Which policy currently claims a template, if any (a PP claim needs its label and both annotations). */
export type Claim =
  | { kind: "PropagationPolicy"; namespace: string; name: string; id: string }
  | { kind: "ClusterPropagationPolicy"; name: string; id: string };

export function currentClaim(obj: KubeObject): Claim | undefined {
  const l = obj.metadata.labels ?? {};
  const a = obj.metadata.annotations ?? {};
  if (l[LABEL_PP_PERMANENT_ID] && a[ANNOTATION_PP_NAMESPACE] && a[ANNOTATION_PP_NAME])
    return { kind: "PropagationPolicy", namespace: a[ANNOTATION_PP_NAMESPACE], name: a[ANNOTATION_PP_NAME], id: l[LABEL_PP_PERMANENT_ID] };
  if (l[LABEL_CPP_PERMANENT_ID] && a[ANNOTATION_CPP_NAME]) return { kind: "ClusterPropagationPolicy", name: a[ANNOTATION_CPP_NAME], id: l[LABEL_CPP_PERMANENT_ID] };
  return undefined;
}
