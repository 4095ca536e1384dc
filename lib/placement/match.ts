import type { PropagationPolicy } from "../kube/karmada";
import type { KubeObject } from "../kube/types";
import { selectBestPolicy } from "../policies/select-policy";

export interface PolicyRef {
  kind: "PropagationPolicy" | "ClusterPropagationPolicy";
  namespace?: string;
  name: string;
}

export interface PolicyMatch {
  winner: PolicyRef | null;
  candidates: (PolicyRef & { matched: boolean; reason: string })[];
}

function refOf(p: PropagationPolicy): PolicyRef {
  return p.kind === "PropagationPolicy" ? { kind: p.kind, namespace: p.metadata.namespace, name: p.metadata.name ?? "" } : { kind: p.kind, name: p.metadata.name ?? "" };
}

/**
 * `POST /api/v1/policies/match`: which policy the detector would bind the resource to (PP of
 * its namespace before CPP, then priority, selector specificity, name), and why each other
 * policy does not claim it.
 */
export function matchPolicies(resource: KubeObject, policies: readonly PropagationPolicy[]): PolicyMatch {
  const pps = policies.filter((p) => p.kind === "PropagationPolicy");
  const cpps = policies.filter((p) => p.kind === "ClusterPropagationPolicy");
  const sel = selectBestPolicy(resource, pps, cpps);
  return {
    winner: sel.winner ? refOf(sel.winner) : null,
    candidates: sel.candidates.map((c) => ({ kind: c.kind, ...(c.namespace !== undefined ? { namespace: c.namespace } : {}), name: c.name, matched: c.matched, reason: c.reason })),
  };
}
