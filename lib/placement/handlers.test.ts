import { describe, expect, it } from "vitest";
import { FakeObjectClient } from "../controllers/runtime/fake-client";
import type { KubeObject } from "../kube/types";
import { handlePlacementPreview } from "./handlers";

/**
 * The placement preview handler fed Karmada-shaped JSON (what an independent suite built from
 * Karmada's scheduler tests sends): Cluster objects with status.resourceSummary,
 * apiEnablements, taints and topology, a PropagationPolicy with each placement option, and a
 * previous assignment. Expectations are Karmada's (docs §8 and its scheduler tests).
 */

const EVEN_UID = "4858ca61-3ff8-4095-8267-f3d059d8074c";

interface ClusterOpts {
  region?: string;
  zones?: string[];
  provider?: string;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: string }[];
  cpu?: string;
  allocatedCpu?: string;
  pods?: string;
  apis?: { groupVersion: string; resources: { name: string; kind: string }[] }[];
}

function karmadaCluster(name: string, o: ClusterOpts = {}): unknown {
  return {
    apiVersion: "cluster.karmada.io/v1alpha1",
    kind: "Cluster",
    metadata: { name, labels: o.labels },
    spec: { apiEndpoint: `https://${name}.example:6443`, syncMode: "Push", region: o.region, zones: o.zones, provider: o.provider, taints: o.taints },
    status: {
      kubernetesVersion: "v1.32.0",
      conditions: [{ type: "Ready", status: "True", reason: "ClusterReady", message: "cluster is healthy and ready to accept workloads", lastTransitionTime: "2025-01-01T00:00:00Z" }],
      apiEnablements: o.apis ?? [
        { groupVersion: "apps/v1", resources: [{ name: "deployments", kind: "Deployment" }] },
        { groupVersion: "v1", resources: [{ name: "configmaps", kind: "ConfigMap" }] },
      ],
      resourceSummary: {
        allocatable: { cpu: o.cpu ?? "100", memory: "200Gi", pods: o.pods ?? "110" },
        allocated: { cpu: o.allocatedCpu ?? "0", memory: "0", pods: "0" },
      },
    },
  };
}

function deployment(replicas: number, cpu?: string, uid = EVEN_UID): KubeObject {
  const resources = cpu ? { requests: { cpu } } : undefined;
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "nginx", namespace: "default", uid },
    spec: { replicas, selector: { matchLabels: { app: "nginx" } }, template: { metadata: { labels: { app: "nginx" } }, spec: { containers: [{ name: "nginx", image: "nginx", resources }] } } },
  };
}

function policy(placement: unknown, kind = "PropagationPolicy"): unknown {
  return {
    apiVersion: "policy.karmada.io/v1alpha1",
    kind,
    metadata: kind === "PropagationPolicy" ? { name: "nginx-propagation", namespace: "default" } : { name: "nginx-propagation" },
    spec: { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: "nginx" }], placement },
  };
}

const three = () => [karmadaCluster("member1"), karmadaCluster("member2"), karmadaCluster("member3")];
const preview = (body: unknown) => handlePlacementPreview(body, new FakeObjectClient());
const asMap = (r: { clusters: { name: string; replicas: number }[] }) => Object.fromEntries(r.clusters.map((c) => [c.name, c.replicas]));
const divided = (extra: Record<string, unknown>) => ({ replicaScheduling: { replicaSchedulingType: "Divided", ...extra } });
const dynamic = divided({ replicaDivisionPreference: "Weighted", weightPreference: { dynamicWeight: "AvailableReplicas" } });

describe("handlePlacementPreview with Karmada-shaped inputs", () => {
  it("no replicaScheduling means Duplicated: every cluster gets all replicas", async () => {
    const r = await preview({ resource: deployment(3), policy: policy({ clusterAffinity: { clusterNames: ["member1", "member2"] } }), clusters: three() });
    expect(asMap(r)).toEqual({ member1: 3, member2: 3 });
    expect(r.error).toBeUndefined();
    expect(r.explanation.strategy).toBe("Duplicated");
  });

  it("ClusterPropagationPolicy works the same way", async () => {
    const r = await preview({ resource: deployment(2), policy: policy({ clusterAffinity: { clusterNames: ["member3"] } }, "ClusterPropagationPolicy"), clusters: three() });
    expect(asMap(r)).toEqual({ member3: 2 });
  });

  it("labelSelector, fieldSelector and exclude filter clusters, each with its reason", async () => {
    const clusters = [karmadaCluster("member1", { labels: { env: "prod" }, region: "eu" }), karmadaCluster("member2", { labels: { env: "prod" }, region: "us" }), karmadaCluster("member3", { labels: { env: "dev" }, region: "eu" })];
    const affinity = { labelSelector: { matchLabels: { env: "prod" } }, fieldSelector: { matchExpressions: [{ key: "region", operator: "In", values: ["eu", "us"] }] }, exclude: ["member2"] };
    const r = await preview({ resource: deployment(1), policy: policy({ clusterAffinity: affinity }), clusters });
    expect(asMap(r)).toEqual({ member1: 1 });
    const member3 = r.explanation.clusters.find((c) => c.name === "member3")!;
    expect(member3.filters.find((f) => !f.passed)?.reason).toBe("cluster(s) did not match the placement cluster affinity constraint");
    expect(r.summary).toContain("1/3 clusters fit");
  });

  it("a NoSchedule taint excludes a cluster until clusterTolerations tolerate it", async () => {
    const clusters = [karmadaCluster("member1", { taints: [{ key: "maintenance", value: "true", effect: "NoSchedule" }] }), karmadaCluster("member2")];
    const untolerated = await preview({ resource: deployment(2), policy: policy({}), clusters });
    expect(asMap(untolerated)).toEqual({ member2: 2 });
    expect(untolerated.summary).toContain("member1 taint maintenance=true:NoSchedule not tolerated");
    const tolerated = await preview({ resource: deployment(2), policy: policy({ clusterTolerations: [{ key: "maintenance", operator: "Equal", value: "true", effect: "NoSchedule" }] }), clusters });
    expect(asMap(tolerated)).toEqual({ member1: 2, member2: 2 });
  });

  it("NoClusterFit answers Karmada's FitError and an empty result", async () => {
    const clusters = [karmadaCluster("member1", { taints: [{ key: "cluster.karmada.io/not-ready", effect: "NoSchedule" }] }), karmadaCluster("member2", { apis: [] })];
    const r = await preview({ resource: deployment(2), policy: policy({}), clusters });
    expect(r.clusters).toEqual([]);
    expect(r.error).toEqual({ reason: "NoClusterFit", message: "0/2 clusters are available: 1 cluster(s) did not have the API resource, 1 cluster(s) had untolerated taint {cluster.karmada.io/not-ready:NoSchedule}." });
  });

  it("a cluster without the API is filtered unless it is already a target", async () => {
    const clusters = [karmadaCluster("member1", { apis: [{ groupVersion: "v1", resources: [{ name: "configmaps", kind: "ConfigMap" }] }] }), karmadaCluster("member2")];
    expect(asMap(await preview({ resource: deployment(1), policy: policy({}), clusters }))).toEqual({ member2: 1 });
    const again = await preview({ resource: deployment(1), policy: policy({}), clusters, previous: [{ name: "member1", replicas: 1 }] });
    expect(asMap(again)).toEqual({ member1: 1, member2: 1 });
  });

  it("static weights 1:2 give 2 and 4 and ignore capacity", async () => {
    const weights = { staticWeightList: [{ targetCluster: { clusterNames: ["member1"] }, weight: 1 }, { targetCluster: { clusterNames: ["member2"] }, weight: 2 }] };
    const clusters = [karmadaCluster("member1", { cpu: "1" }), karmadaCluster("member2", { cpu: "1" }), karmadaCluster("member3")];
    const r = await preview({ resource: deployment(6, "1"), policy: policy(divided({ replicaDivisionPreference: "Weighted", weightPreference: weights })), clusters });
    expect(asMap(r)).toEqual({ member1: 2, member2: 4 });
    expect(r.explanation.strategy).toBe("StaticWeight");
  });

  it("Divided without a preference is Weighted with equal weights (webhook default)", async () => {
    const r = await preview({ resource: deployment(5), policy: policy(divided({})), clusters: three() });
    expect(asMap(r)).toEqual({ member1: 2, member2: 2, member3: 1 });
  });

  it("dynamic weights follow free capacity from resourceSummary (6:8:10 -> 3:4:5)", async () => {
    const clusters = [karmadaCluster("member1", { cpu: "6" }), karmadaCluster("member2", { cpu: "10", allocatedCpu: "2" }), karmadaCluster("member3", { cpu: "10" })];
    const r = await preview({ resource: deployment(12, "1"), policy: policy(dynamic), clusters });
    expect(asMap(r)).toEqual({ member1: 3, member2: 4, member3: 5 });
    expect(r.explanation.clusters.map((c) => c.allocatableReplicas)).toEqual([6, 8, 10]);
  });

  it("dynamic scale-up divides only the delta; scale-down follows the current split", async () => {
    const clusters = [karmadaCluster("member1", { cpu: "10" }), karmadaCluster("member2", { cpu: "10" }), karmadaCluster("member3", { cpu: "10" })];
    const previous = [{ name: "member1", replicas: 2 }, { name: "member2", replicas: 4 }, { name: "member3", replicas: 6 }];
    expect(asMap(await preview({ resource: deployment(24, "1"), policy: policy(dynamic), clusters, previous }))).toEqual({ member1: 6, member2: 8, member3: 10 });
    expect(asMap(await preview({ resource: deployment(6, "1"), policy: policy(dynamic), clusters, previous }))).toEqual({ member1: 1, member2: 2, member3: 3 });
  });

  it("Aggregated packs into the fewest clusters (6:8:10, 12 -> member3 7, member2 5)", async () => {
    const clusters = [karmadaCluster("member1", { cpu: "6" }), karmadaCluster("member2", { cpu: "8" }), karmadaCluster("member3", { cpu: "10" })];
    const r = await preview({ resource: deployment(12, "1"), policy: policy(divided({ replicaDivisionPreference: "Aggregated" })), clusters });
    expect(asMap(r)).toEqual({ member2: 5, member3: 7 });
  });

  it("capacity shortage is Unschedulable and keeps the previous result", async () => {
    const clusters = [karmadaCluster("member1", { cpu: "2" }), karmadaCluster("member2", { cpu: "3" })];
    const r = await preview({ resource: deployment(10, "1"), policy: policy(dynamic), clusters, previous: [{ name: "member1", replicas: 1 }] });
    expect(r.error?.reason).toBe("Unschedulable");
    expect(r.error?.message).toContain("are not enough to schedule.");
    expect(asMap(r)).toEqual({ member1: 1 });
  });

  it("a region spread picks one cluster per region", async () => {
    const clusters = [karmadaCluster("member1", { region: "r1" }), karmadaCluster("member2", { region: "r1" }), karmadaCluster("member3", { region: "r2" }), karmadaCluster("member4", { region: "r3" })];
    const spread = [{ spreadByField: "region", minGroups: 2, maxGroups: 2 }, { spreadByField: "cluster", minGroups: 2, maxGroups: 2 }];
    const r = await preview({ resource: deployment(2), policy: policy({ spreadConstraints: spread }), clusters });
    expect(r.clusters).toHaveLength(2);
    const regions = r.clusters.map((c) => ({ member1: "r1", member2: "r1", member3: "r2", member4: "r3" })[c.name]);
    expect(new Set(regions).size).toBe(2);
    expect(r.explanation.selection?.mode).toBe("region");
  });

  it("a region spread filters clusters without a region", async () => {
    const clusters = [karmadaCluster("member1", { region: "r1" }), karmadaCluster("member2")];
    const r = await preview({ resource: deployment(1), policy: policy({ spreadConstraints: [{ spreadByField: "region", maxGroups: 1 }, { spreadByField: "cluster", maxGroups: 1 }] }), clusters });
    expect(asMap(r)).toEqual({ member1: 1 });
    expect(r.explanation.clusters[1].filters.find((f) => !f.passed)?.reason).toBe("cluster(s) did not have region property");
  });

  it("a cluster spread with maxGroups picks the top clusters and swaps in capacity for Divided", async () => {
    const clusters = [karmadaCluster("member1", { cpu: "2" }), karmadaCluster("member2", { cpu: "3" }), karmadaCluster("member3", { cpu: "20" })];
    const r = await preview({ resource: deployment(10, "1"), policy: policy({ spreadConstraints: [{ spreadByField: "cluster", minGroups: 1, maxGroups: 1 }], ...dynamic }), clusters });
    expect(asMap(r)).toEqual({ member3: 10 });
  });

  it("clusterAffinities fall back to the next term when the first has no fit", async () => {
    const terms = [{ affinityName: "primary", clusterNames: ["nowhere"] }, { affinityName: "backup", clusterNames: ["member2"] }];
    const r = await preview({ resource: deployment(2), policy: policy({ clusterAffinities: terms }), clusters: three() });
    expect(asMap(r)).toEqual({ member2: 2 });
    expect(r.explanation.attempts.map((a) => [a.affinityName, !!a.error])).toEqual([["primary", true], ["backup", false]]);
    expect(r.affinityName).toBe("backup");
  });

  it("a non-workload (ConfigMap) goes to every cluster with 0 replicas", async () => {
    const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg", namespace: "default" }, data: { a: "b" } };
    const r = await preview({ resource: cm, policy: policy({ replicaScheduling: { replicaSchedulingType: "Divided" } }), clusters: three() });
    expect(r.clusters).toEqual([{ name: "member1", replicas: 0 }, { name: "member2", replicas: 0 }, { name: "member3", replicas: 0 }]);
    expect(r.explanation.strategy).toBe("NonWorkload");
  });

  it("a cluster under graceful eviction is left out", async () => {
    const r = await preview({ resource: deployment(2), policy: policy({}), clusters: three(), options: { gracefulEvictionTasks: [{ fromCluster: "member1", reason: "TaintUntolerated", producer: "TaintManager" }] } });
    expect(asMap(r)).toEqual({ member2: 2, member3: 2 });
  });

  it("the resource UID decides Webster ties (1:1, 5 replicas)", async () => {
    const clusters = [karmadaCluster("member1"), karmadaCluster("member2")];
    const even = await preview({ resource: deployment(5, undefined, EVEN_UID), policy: policy(divided({})), clusters });
    const odd = await preview({ resource: deployment(5, undefined, "d43fdeeb-d750-4e2b-bee3-64eb94534f4c"), policy: policy(divided({})), clusters });
    expect(asMap(even)).toEqual({ member1: 3, member2: 2 });
    expect(asMap(odd)).toEqual({ member1: 2, member2: 3 });
  });
});
