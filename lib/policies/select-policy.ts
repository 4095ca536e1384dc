import type { KubeObject } from "../kube/types";
import type { PropagationPolicy } from "../kube/karmada";
import { LABEL_CLAIMED_BY } from "../kube/karmada";
import { compareBytes, implicitPriority } from "./resource-selector";
import { isPropagatable } from "./reserved";

/** One policy considered for an object, with why it did or did not win. */
export interface PolicyCandidate {
  kind: "PropagationPolicy" | "ClusterPropagationPolicy";
  namespace?: string;
  name: string;
  /** Whether the policy's resourceSelectors select the object (regardless of winning). */
  matched: boolean;
  /** spec.priority (default 0). */
  priority: number;
  /** Best selector match: name 3 > labelSelector 2 > kind only 1 > none 0. */
  implicitPriority: number;
  winner: boolean;
  reason: string;
}

export interface PolicySelection {
  winner: PropagationPolicy | null;
  candidates: PolicyCandidate[];
}

const explicitPriority = (p: PropagationPolicy) => p.spec?.priority ?? 0;
const ref = (p: PropagationPolicy) => (p.kind === "PropagationPolicy" ? `PropagationPolicy ${p.metadata.namespace}/${p.metadata.name}` : `ClusterPropagationPolicy ${p.metadata.name}`);

/**
 * Karmada's detector choice for an unclaimed object (getHighestPriority(Cluster)PropagationPolicy):
 * the best matching PropagationPolicy of the object's own namespace wins over any
 * ClusterPropagationPolicy; among policies of one kind, higher spec.priority, then higher
 * implicit priority, then the name first in byte order. Policies being deleted are skipped.
 * Objects that may not be propagated (reserved namespaces, skipped API groups, claimed-by
 * label) get no winner. `candidates` lists every policy passed in, each with a human reason;
 * the `/api/v1/policies/match` endpoint serves exactly this.
 */
export function selectBestPolicy(
  obj: KubeObject,
  propagationPolicies: readonly PropagationPolicy[],
  clusterPropagationPolicies: readonly PropagationPolicy[],
): PolicySelection {
  const objNs = obj.metadata.namespace ?? "";
  const blocked = blockedReason(obj);
  const pps = propagationPolicies.map((p) => candidate(p, "PropagationPolicy", obj));
  const cpps = clusterPropagationPolicies.map((p) => candidate(p, "ClusterPropagationPolicy", obj));
  for (const c of pps) {
    if (c.policy.metadata.namespace !== objNs) c.reason ||= objNs
      ? `a PropagationPolicy in namespace ${c.policy.metadata.namespace} cannot select objects in namespace ${objNs}`
      : "a PropagationPolicy cannot select cluster-scoped objects";
  }
  const all = [...pps, ...cpps];
  if (blocked) {
    for (const c of all) c.reason = blocked;
    return { winner: null, candidates: all.map((c) => ({ ...c.view, reason: c.reason })) };
  }
  const ppWinner = best(pps.filter((c) => !c.reason));
  const cppWinner = ppWinner ? undefined : best(cpps.filter((c) => !c.reason));
  const winner = ppWinner ?? cppWinner;
  for (const c of all) {
    if (c.reason) continue;
    if (c === winner) c.reason = winnerReason(c);
    else if (c.view.kind === "ClusterPropagationPolicy" && ppWinner) c.reason = `${ref(ppWinner.policy)} in the object's namespace takes precedence over ClusterPropagationPolicies`;
    else c.reason = loserReason(c, winner!);
  }
  if (winner) winner.view.winner = true;
  return { winner: winner?.policy ?? null, candidates: all.map((c) => ({ ...c.view, reason: c.reason })) };
}

interface Scored {
  policy: PropagationPolicy;
  view: PolicyCandidate;
  reason: string;
}

function candidate(policy: PropagationPolicy, kind: PolicyCandidate["kind"], obj: KubeObject): Scored {
  const ip = implicitPriority(policy, obj);
  const view: PolicyCandidate = {
    kind,
    ...(kind === "PropagationPolicy" ? { namespace: policy.metadata.namespace } : {}),
    name: policy.metadata.name ?? "",
    matched: ip > 0,
    priority: explicitPriority(policy),
    implicitPriority: ip,
    winner: false,
    reason: "",
  };
  let reason = "";
  if (policy.metadata.deletionTimestamp) reason = "the policy is being deleted";
  else if (ip === 0) reason = "no resourceSelector selects the object";
  return { policy, view, reason };
}

/**
 * Whether `a`, met after `b` in list order, replaces it: higher explicit priority, then higher
 * implicit priority, then the smaller name in byte order; of equal names the later one, as
 * Karmada's `a.Name < b.Name` keeps the earlier only when strictly smaller.
 */
function better(a: Scored, b: Scored): boolean {
  if (a.view.priority !== b.view.priority) return a.view.priority > b.view.priority;
  if (a.view.implicitPriority !== b.view.implicitPriority) return a.view.implicitPriority > b.view.implicitPriority;
  return compareBytes(a.view.name, b.view.name) <= 0;
}

function best(list: Scored[]): Scored | undefined {
  return list.reduce<Scored | undefined>((acc, c) => (!acc || better(c, acc) ? c : acc), undefined);
}

const SPECIFICITY = ["no match", "apiVersion/kind match", "labelSelector match", "name match"];

function winnerReason(c: Scored): string {
  return `selected: priority ${c.view.priority}, ${SPECIFICITY[c.view.implicitPriority]}`;
}

function loserReason(c: Scored, w: Scored): string {
  const by = ref(w.policy);
  if (c.view.priority !== w.view.priority) return `lower priority (${c.view.priority}) than ${by} (${w.view.priority})`;
  if (c.view.implicitPriority !== w.view.implicitPriority)
    return `same priority, but a less specific selector (${SPECIFICITY[c.view.implicitPriority]}) than ${by} (${SPECIFICITY[w.view.implicitPriority]})`;
  return `same priority and selector specificity as ${by}, whose name sorts first`;
}

/** Why the detector never propagates this object (claimed-by label, reserved namespace, skipped API), or "". */
export function blockedReason(obj: KubeObject): string {
  if (obj.metadata.labels?.[LABEL_CLAIMED_BY]) return `the object is claimed by ${obj.metadata.labels[LABEL_CLAIMED_BY]} (label ${LABEL_CLAIMED_BY})`;
  if (!isPropagatable(obj)) return "the object's namespace or API group is never propagated";
  return "";
}
