import type { PropagationPolicy } from "../kube/karmada";
import type { KubeObject } from "../kube/types";
import { currentClaim, type Claim } from "../policies/claim";
import { canPreempt, namesTemplate } from "../policies/preemption";
import { matchesAnyResourceSelector } from "../policies/resource-selector";
import { blockedReason, selectBestPolicy } from "../policies/select-policy";

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

const refText = (p: PropagationPolicy) => (p.kind === "PropagationPolicy" ? `PropagationPolicy ${p.metadata.namespace}/${p.metadata.name}` : `ClusterPropagationPolicy ${p.metadata.name}`);

/**
 * `POST /api/v1/policies/match`: which policy the detector would bind the resource to, and why
 * each other policy does not claim it. Karmada's propagateResource: a template that carries a
 * policy's claim (permanent-id label and name annotations) stays with that policy while it
 * exists and still selects it, unless a `preemption: Always` policy naming the template may take
 * it (the detector's preemption, on by default here); a claiming policy being deleted binds
 * nothing until its cleanup ends; a claim whose policy is gone or no longer selects the template
 * is released, and the template is matched afresh: a PP of its namespace before any CPP, then
 * priority, selector specificity, name.
 */
export function matchPolicies(resource: KubeObject, policies: readonly PropagationPolicy[]): PolicyMatch {
  const pps = policies.filter((p) => p.kind === "PropagationPolicy");
  const cpps = policies.filter((p) => p.kind === "ClusterPropagationPolicy");
  const sel = selectBestPolicy(resource, pps, cpps);
  const claimed = blockedReason(resource) ? undefined : claimedOutcome(resource, policies);
  const winner = claimed ? claimed.winner : sel.winner;
  // selectBestPolicy lists the PPs, then the CPPs.
  const listed = [...pps, ...cpps];
  return {
    winner: winner ? refOf(winner) : null,
    candidates: sel.candidates.map((c, i) => ({
      kind: c.kind,
      ...(c.namespace !== undefined ? { namespace: c.namespace } : {}),
      name: c.name,
      matched: c.matched,
      reason: claimed ? claimed.reason(listed[i]) : c.reason,
    })),
  };
}

interface ClaimedOutcome {
  winner: PropagationPolicy | null;
  reason: (p: PropagationPolicy) => string;
}

function sameRef(p: PropagationPolicy, claim: Claim): boolean {
  if (p.kind !== claim.kind || p.metadata.name !== claim.name) return false;
  return claim.kind === "ClusterPropagationPolicy" || p.metadata.namespace === claim.namespace;
}

/** The outcome for a claimed template, or undefined when the claim would be released (fresh match). */
function claimedOutcome(resource: KubeObject, policies: readonly PropagationPolicy[]): ClaimedOutcome | undefined {
  const claim = currentClaim(resource);
  if (!claim) return undefined;
  const held = policies.find((p) => sameRef(p, claim));
  if (!held || !matchesAnyResourceSelector(held.spec?.resourceSelectors, resource)) return undefined;
  const holderText = refText(held);
  if (held.metadata.deletionTimestamp) {
    return {
      winner: null,
      reason: (p) => (p === held ? "claims the object but is being deleted: nothing is bound until its claim is cleaned up" : `the object is claimed by ${holderText}, which is being deleted`),
    };
  }
  const preemptor = findPreemptor(resource, held, claim, policies);
  if (preemptor) {
    const preemptorText = refText(preemptor);
    return {
      winner: preemptor,
      reason: (p) =>
        p === preemptor
          ? `preempts ${holderText}, which claims the object (preemption: Always, a selector naming the object)`
          : p === held
            ? `claims the object but is preempted by ${preemptorText}`
            : `the object is claimed by ${holderText} and preempted by ${preemptorText}`,
    };
  }
  return {
    winner: held,
    reason: (p) => (p === held ? "claims the object (its claim label and annotations are on the object)" : `the object is claimed by ${holderText}`),
  };
}

/**
 * The detector's preemptor: among policies not being deleted that may preempt the holder
 * (canPreempt) and name the object in a selector with its namespace (namesTemplate), the best PP
 * of the object's namespace, else the best CPP.
 */
function findPreemptor(resource: KubeObject, held: PropagationPolicy, claim: Claim, policies: readonly PropagationPolicy[]): PropagationPolicy | undefined {
  const current = { kind: claim.kind, namespace: claim.kind === "PropagationPolicy" ? claim.namespace : undefined, name: claim.name, priority: held.spec?.priority ?? 0 };
  const ns = resource.metadata.namespace ?? "";
  const able = policies.filter(
    (p) =>
      (p.kind === "ClusterPropagationPolicy" || (ns !== "" && p.metadata.namespace === ns)) &&
      !p.metadata.deletionTimestamp &&
      canPreempt(p, current) &&
      namesTemplate(p, resource),
  );
  if (!able.length) return undefined;
  const pps = able.filter((p) => p.kind === "PropagationPolicy");
  return selectBestPolicy(resource, pps, pps.length ? [] : able).winner ?? undefined;
}
