/**
 * Objects of the scale store: clusters with statuses, namespaces, resource templates
 * (ConfigMaps and Deployments) with their ResourceBindings, and policies. Pure builders; the
 * seeding (e2e/scale/seed.ts) sends them through the kube API.
 */
export interface ScaleShape {
  clusters: number;
  /** Resource templates in total, half ConfigMaps and half Deployments. */
  resources: number;
  namespaces: number;
  /** PropagationPolicies (they select nothing, so no propagation starts). */
  policies: number;
}

/** The always-run size, and the full size (E2E_SCALE=1). */
export const SMALL: ScaleShape = { clusters: 100, resources: 2_000, namespaces: 20, policies: 100 };
export const FULL: ScaleShape = { clusters: 100, resources: 10_000, namespaces: 50, policies: 200 };

/** Objects carry this scheduler name, so our scheduler leaves the seeded bindings as seeded. */
export const SEED_SCHEDULER = "flotilla-scale-seed";
const REGIONS = ["eu-west", "eu-central", "us-east", "us-west", "ap-south"];

export const namespaceName = (i: number) => `scale-${String(i).padStart(3, "0")}`;
export const clusterName = (i: number) => `scale-m${String(i).padStart(3, "0")}`;

export function namespace(i: number) {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name: namespaceName(i) } };
}

/** A Push cluster at an address nothing answers on (the seeded status is what the pages show first). */
export function cluster(i: number) {
  const region = REGIONS[i % REGIONS.length];
  return {
    apiVersion: "cluster.karmada.io/v1alpha1",
    kind: "Cluster",
    metadata: { name: clusterName(i), labels: { "scale.flotilla.io/seed": "true", region } },
    spec: { syncMode: "Push", apiEndpoint: `https://127.0.0.1:${20_000 + i}`, provider: "scale", region, zones: [`${region}-a`] },
  };
}

export function clusterStatus(i: number, now: Date) {
  const ready = i % 10 !== 0;
  return {
    kubernetesVersion: "v1.32.0",
    conditions: [
      {
        type: "Ready",
        status: ready ? "True" : "False",
        reason: ready ? "ClusterReady" : "ClusterNotReachable",
        message: ready ? "cluster is healthy and ready to accept workloads" : "cluster is not reachable",
        lastTransitionTime: now.toISOString(),
      },
    ],
    nodeSummary: { totalNum: 3, readyNum: ready ? 3 : 0 },
    resourceSummary: {
      allocatable: { cpu: "16", memory: "64Gi", pods: "330" },
      allocated: { cpu: `${(i % 16) * 500}m`, memory: `${(i % 32) + 1}Gi`, pods: String(i % 300) },
    },
  };
}

/** The i-th template: even ones ConfigMaps, odd ones Deployments, spread round-robin over namespaces. */
export function template(i: number, shape: ScaleShape) {
  const ns = namespaceName(i % shape.namespaces);
  const name = `app-${String(i).padStart(5, "0")}`;
  if (i % 2 === 0) return { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: ns, labels: { app: name } }, data: { index: String(i) } };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: ns, labels: { app: name } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "app", image: "nginx:1.27" }] } },
    },
  };
}

/**
 * The template's binding, named as Karmada names it (`<name>-<kind>`). It names no target
 * clusters: that would make the binding controller write a Work per cluster and the execution
 * controller retry them against addresses nothing answers on, measuring the controllers rather
 * than the console.
 */
export function binding(i: number, shape: ScaleShape) {
  const t = template(i, shape);
  return {
    apiVersion: "work.karmada.io/v1alpha2",
    kind: "ResourceBinding",
    metadata: { name: `${t.metadata.name}-${t.kind.toLowerCase()}`, namespace: t.metadata.namespace },
    spec: {
      resource: { apiVersion: t.apiVersion, kind: t.kind, namespace: t.metadata.namespace, name: t.metadata.name },
      schedulerName: SEED_SCHEDULER,
      ...(t.kind === "Deployment" ? { replicas: 1 } : {}),
    },
  };
}

/** Every 25th binding failed to schedule; the rest are fully applied. */
export function bindingStatus(i: number, now: Date) {
  const t = now.toISOString();
  if (i % 25 === 0) {
    return { conditions: [{ type: "Scheduled", status: "False", reason: "NoClusterFit", message: "0/100 clusters are available: 100 cluster(s) did not match the placement cluster affinity constraint.", lastTransitionTime: t }] };
  }
  return {
    conditions: [
      { type: "Scheduled", status: "True", reason: "Success", message: "Binding has been scheduled successfully.", lastTransitionTime: t },
      { type: "FullyApplied", status: "True", reason: "FullyAppliedSuccess", message: "All works have been successfully applied", lastTransitionTime: t },
    ],
  };
}

/** A policy that selects a kind nothing seeded has, so the detector claims nothing. */
export function policy(i: number, shape: ScaleShape) {
  return {
    apiVersion: "policy.karmada.io/v1alpha1",
    kind: "PropagationPolicy",
    metadata: { name: `policy-${String(i).padStart(4, "0")}`, namespace: namespaceName(i % shape.namespaces) },
    spec: {
      resourceSelectors: [{ apiVersion: "v1", kind: "Secret", name: `never-${i}` }],
      placement: { clusterAffinity: { clusterNames: [clusterName(i % shape.clusters)] } },
    },
  };
}
