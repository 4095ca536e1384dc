import type { PropagationPolicy } from "../kube/karmada";
import type { KubeObject } from "../kube/types";

/** The policy currently holding a template, as far as preemption cares. */
export interface ClaimHolder {
  kind: "PropagationPolicy" | "ClusterPropagationPolicy";
  namespace?: string;
  name: string;
  priority?: number;
}

/**
 * Karmada's preemption rule (karmada-api.md §7.1; gate PropagationPolicyPreemption, alpha, off
 * by default, so callers pass `gateEnabled`): only a policy with `preemption: Always` preempts;
 * a PP takes a template from a lower-priority PP and from any CPP regardless of priority; a CPP
 * takes only from a lower-priority CPP; equal priority never preempts; a policy never
 * preempts itself. Preemption applies to templates named by the policy's selectors.
 */
export function canPreempt(newPolicy: PropagationPolicy, current: ClaimHolder, { gateEnabled = true } = {}): boolean {
  if (!gateEnabled || newPolicy.spec?.preemption !== "Always") return false;
  const samePolicy =
    newPolicy.kind === current.kind && newPolicy.metadata.name === current.name && (current.kind === "ClusterPropagationPolicy" || newPolicy.metadata.namespace === current.namespace);
  if (samePolicy) return false;
  const mine = newPolicy.spec.priority ?? 0;
  const theirs = current.priority ?? 0;
  if (newPolicy.kind === "PropagationPolicy") return current.kind === "ClusterPropagationPolicy" || mine > theirs;
  return current.kind === "ClusterPropagationPolicy" && mine > theirs;
}

/**
 * Whether the policy may preempt this template at all: Karmada's preemption fetches each
 * selector's object by apiVersion, kind, namespace and name (helper.FetchResourceTemplate of
 * ConstructObjectReference(rs)), so a selector must name the template and carry its exact
 * namespace; a CPP selector without a namespace finds no namespaced template.
 */
export function namesTemplate(policy: PropagationPolicy, template: KubeObject): boolean {
  const ns = template.metadata.namespace ?? "";
  // A PP's selectors get the policy's namespace when they name none (Karmada's mutating webhook).
  const own = policy.kind === "PropagationPolicy" ? (policy.metadata.namespace ?? "") : "";
  return (policy.spec?.resourceSelectors ?? []).some(
    (s) => !!s.name && s.name === template.metadata.name && s.apiVersion === template.apiVersion && s.kind === template.kind && (s.namespace || own) === ns,
  );
}
