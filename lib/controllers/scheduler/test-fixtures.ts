import type { Cluster, Placement, ResourceBinding } from "../../kube/karmada";
import { CLUSTER_API_VERSION, LABEL_PP_PERMANENT_ID, WORK_V1ALPHA2 } from "../../kube/karmada";

/** Small builders shared by the scheduler controller's tests. */

export function cluster(name: string, opts: { labels?: Record<string, string>; region?: string; cpu?: string; pods?: string; taints?: Cluster["spec"]["taints"] } = {}): Cluster {
  return {
    apiVersion: CLUSTER_API_VERSION,
    kind: "Cluster",
    metadata: { name, labels: opts.labels },
    spec: { syncMode: "Push", region: opts.region, taints: opts.taints },
    status: {
      apiEnablements: [{ groupVersion: "apps/v1", resources: [{ name: "deployments", kind: "Deployment" }] }],
      conditions: [{ type: "Ready", status: "True", reason: "ClusterReady", message: "", lastTransitionTime: "2025-01-01T00:00:00Z" }],
      resourceSummary: { allocatable: { cpu: opts.cpu ?? "100", memory: "100Gi", pods: opts.pods ?? "110" } },
    },
  };
}

export function binding(name: string, placement: Placement, opts: { replicas?: number; namespace?: string; cpu?: string; uid?: string } = {}): ResourceBinding {
  return {
    apiVersion: WORK_V1ALPHA2,
    kind: "ResourceBinding",
    metadata: { name, namespace: opts.namespace ?? "default", labels: { [LABEL_PP_PERMANENT_ID]: "pp-id" } },
    spec: {
      resource: { apiVersion: "apps/v1", kind: "Deployment", namespace: opts.namespace ?? "default", name, uid: opts.uid ?? "4858ca61-3ff8-4095-8267-f3d059d8074c" },
      replicas: opts.replicas ?? 6,
      replicaRequirements: opts.cpu ? { resourceRequest: { cpu: opts.cpu } } : undefined,
      placement,
    },
  };
}

export const STATIC_1_2: Placement = {
  replicaScheduling: {
    replicaSchedulingType: "Divided",
    replicaDivisionPreference: "Weighted",
    weightPreference: {
      staticWeightList: [
        { targetCluster: { clusterNames: ["member1"] }, weight: 1 },
        { targetCluster: { clusterNames: ["member2"] }, weight: 2 },
      ],
    },
  },
};

export const DYNAMIC: Placement = {
  replicaScheduling: { replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted", weightPreference: { dynamicWeight: "AvailableReplicas" } },
};
