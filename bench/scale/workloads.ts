/** The objects the scale scenarios create (pure builders). */

/** A Deployment of `replicas` small pods, labelled for the policy of `phase`. */
export function benchDeployment(name: string, phase: string, replicas = 1): Record<string, unknown> {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "default", labels: { app: name, "bench-phase": phase } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "app", image: "nginx", resources: { requests: { cpu: "10m", memory: "16Mi" } } }] } },
    },
  };
}

/** A PropagationPolicy taking every Deployment of `phase` with this placement. */
export function benchPolicy(name: string, phase: string, placement: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: "policy.karmada.io/v1alpha1",
    kind: "PropagationPolicy",
    metadata: { name, namespace: "default" },
    spec: { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", labelSelector: { matchLabels: { "bench-phase": phase } } }], placement },
  };
}

/** Duplicated to exactly these clusters. */
export const duplicatedTo = (clusters: string[]) => ({ clusterAffinity: { clusterNames: clusters } });

/** Divided by available replicas (dynamic weight), spread over exactly `regions` regions. */
export const dividedByDynamicWeight = (regions: number) => ({
  spreadConstraints: [
    { spreadByField: "region", minGroups: regions, maxGroups: regions },
    { spreadByField: "cluster", minGroups: regions },
  ],
  replicaScheduling: { replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted", weightPreference: { dynamicWeight: "AvailableReplicas" } },
});

/** Sharded: Deployments labelled `shard=<i>` go to member-<i+1> only (one Work each). */
export function shardPolicy(i: number, phase: string): Record<string, unknown> {
  const p = benchPolicy(`${phase}-shard-${i}`, phase, duplicatedTo([`member-${i + 1}`]));
  (p.spec as { resourceSelectors: { labelSelector: { matchLabels: Record<string, string> } }[] }).resourceSelectors[0].labelSelector.matchLabels.shard = String(i);
  return p;
}

export const DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";
export const POLICIES = "/apis/policy.karmada.io/v1alpha1/namespaces/default/propagationpolicies";
export const BINDINGS = "/apis/work.karmada.io/v1alpha2/resourcebindings";
export const WORKS = "/apis/work.karmada.io/v1alpha1/works";
