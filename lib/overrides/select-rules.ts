import type { KubeObject } from "../kube/types";
import type { Cluster, OverridePolicy, Overriders } from "../kube/karmada";
import { matchClusterAffinity } from "../policies/cluster-affinity";
import { ImplicitPriority, matchesAnyResourceSelector, selectorsPriority } from "../policies/resource-selector";

/** One override rule that applies to a (resource, cluster) pair, in application order. */
export interface MatchedRule {
  policy: OverridePolicy;
  /** Index in spec.overrideRules, or -1 for the deprecated spec.targetCluster + spec.overriders pair. */
  rule: number;
  overriders: Overriders;
}

/**
 * Policies of one kind (all ClusterOverridePolicies, or the OverridePolicies of the object's
 * namespace) that select the object, ordered as Karmada applies them: least specific first
 * (no selectors count as "match all"), then by name ascending. Later policies win conflicts.
 */
export function orderMatchingPolicies(policies: readonly OverridePolicy[], obj: KubeObject): OverridePolicy[] {
  const matching = policies.filter((p) => !p.spec?.resourceSelectors?.length || matchesAnyResourceSelector(p.spec.resourceSelectors, obj));
  const priority = (p: OverridePolicy) =>
    p.spec?.resourceSelectors?.length ? selectorsPriority(p.spec.resourceSelectors, obj) : ImplicitPriority.MatchAll;
  return matching
    .map((p) => ({ p, prio: priority(p), name: p.metadata.name ?? "" }))
    .sort((a, b) => a.prio - b.prio || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((x) => x.p);
}

/**
 * The rules of already-ordered policies whose targetCluster matches the cluster (no
 * targetCluster = every cluster), in policy order then rule order. A policy without
 * overrideRules contributes its deprecated targetCluster/overriders pair as one rule.
 */
export function rulesForCluster(orderedPolicies: readonly OverridePolicy[], cluster: Cluster): MatchedRule[] {
  const out: MatchedRule[] = [];
  for (const policy of orderedPolicies) {
    const spec = policy.spec ?? {};
    const rules = spec.overrideRules?.length
      ? spec.overrideRules.map((r, i) => ({ rule: i, targetCluster: r.targetCluster, overriders: r.overriders ?? {} }))
      : [{ rule: -1, targetCluster: spec.targetCluster, overriders: spec.overriders ?? {} }];
    for (const r of rules) {
      if (r.targetCluster && !matchClusterAffinity(r.targetCluster, cluster)) continue;
      out.push({ policy, rule: r.rule, overriders: r.overriders });
    }
  }
  return out;
}
