import { describe, expect, it } from "vitest";
import type { Cluster, ClusterAffinityTerm, GracefulEvictionTask, Placement, TargetCluster, Toleration } from "../../kube/karmada";
import type { FilterPlugin, ScheduleContext } from "../framework";
import { API_MISSING, apiEnablementPlugin } from "./api-enablement";
import { matchClusterAffinity } from "../../policies/cluster-affinity";
import { cluster as cluster1, clusterMatchesCases, clusterMatchesStrictCases, deprecatedZoneCluster } from "../../policies/cluster-matches.cases";
import { AFFINITY_MISMATCH, clusterAffinityPlugin, clusterMatches } from "./cluster-affinity";
import { clusterEvictionPlugin } from "./cluster-eviction";
import { clusterLocalityScore, MAX_CLUSTER_SCORE } from "./cluster-locality";
import { spreadConstraintPlugin } from "./spread-constraint";
import { taintTolerationPlugin } from "./taint-toleration";

/**
 * Tables of Karmada's pkg/scheduler/framework/plugins/<plugin>/*_test.go. Karmada's Filter takes
 * a ResourceBindingSpec (+ status) and returns a framework.Result: Success (our undefined) or
 * Unschedulable with one reason, which `AsError()` prints as is (our returned string).
 */

const MIN_CLUSTER_SCORE = 0;

/** The part of a ResourceBindingSpec the plugins read, as Karmada's tests write it. */
interface Spec {
  resource?: { apiVersion: string; kind: string };
  clusters?: TargetCluster[];
  placement?: Placement;
  gracefulEvictionTasks?: Pick<GracefulEvictionTask, "fromCluster">[];
  replicas?: number;
}

/** What schedule.ts's makeContext builds from a binding. */
function ctxOf(spec: Spec, status?: { schedulerObservedAffinityName?: string }): ScheduleContext {
  const previous = spec.clusters ?? [];
  return {
    resource: { apiVersion: spec.resource?.apiVersion ?? "", kind: spec.resource?.kind ?? "", name: "", namespace: "" },
    replicas: spec.replicas ?? 0,
    placement: spec.placement ?? {},
    targets: new Set(previous.map((t) => t.name)),
    previous,
    evicting: new Set((spec.gracefulEvictionTasks ?? []).map((t) => t.fromCluster)),
    observedAffinityName: status?.schedulerObservedAffinityName,
    isWorkload: (spec.replicas ?? 0) > 0,
  };
}

function cluster(c: { name?: string; labels?: Record<string, string>; spec?: Partial<Cluster["spec"]>; status?: Cluster["status"] } = {}): Cluster {
  return { apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name: c.name ?? "", labels: c.labels }, spec: { syncMode: "Push", ...c.spec }, status: c.status };
}

const filter = (plugin: FilterPlugin, spec: Spec, c: Cluster, status?: { schedulerObservedAffinityName?: string }) => plugin.prepare(ctxOf(spec, status))(c);

const deploymentsEnabled: Cluster["status"] = { apiEnablements: [{ groupVersion: "apps/v1", resources: [{ name: "", kind: "Deployment" }] }] };

// api_enablement_test.go TestAPIEnablement_Filter
describe("APIEnablement Filter (karmada apienablement)", () => {
  it.each<[string, Spec, Cluster, string | undefined]>([
    ["API is enabled in cluster", { resource: { apiVersion: "apps/v1", kind: "Deployment" } }, cluster({ name: "cluster1", status: deploymentsEnabled }), undefined],
    ["API is not enabled in cluster", { resource: { apiVersion: "custom.io/v1", kind: "CustomResource" } }, cluster({ name: "cluster1", status: deploymentsEnabled }), API_MISSING],
    [
      "cluster in target list with API not enabled",
      { resource: { apiVersion: "custom.io/v1", kind: "CustomResource" }, clusters: [{ name: "cluster1" }] },
      cluster({ name: "cluster1", status: deploymentsEnabled }),
      undefined,
    ],
  ])("%s", (_n, spec, c, want) => {
    expect(filter(apiEnablementPlugin, spec, c)).toBe(want);
  });

  it("reads the reason Karmada writes", () => {
    expect(API_MISSING).toBe("cluster(s) did not have the API resource");
  });

  // Cluster.APIEnablement compares gvk.GroupVersion().String() (schema.FromAPIVersionAndKind).
  it.each<[string, string, string, boolean]>([
    ["core group", "v1", "v1", true],
    ["'/v1' parses to the core group", "/v1", "v1", true],
    ["more than one slash parses to nothing", "a/b/c", "", true],
    ["more than one slash does not match itself", "a/b/c", "a/b/c", false],
  ])("apiVersion %s: %j against %j", (_n, apiVersion, groupVersion, pass) => {
    const c = cluster({ name: "m", status: { apiEnablements: [{ groupVersion, resources: [{ name: "", kind: "Thing" }] }] } });
    expect(filter(apiEnablementPlugin, { resource: { apiVersion, kind: "Thing" } }, c) === undefined).toBe(pass);
  });
});

// cluster_affinity_test.go TestClusterAffinity_Filter
describe("ClusterAffinity Filter (karmada clusteraffinity)", () => {
  const terms: ClusterAffinityTerm[] = [{ affinityName: "affinity1", clusterNames: ["cluster1"] }];
  it.each<[string, Spec, { schedulerObservedAffinityName?: string } | undefined, string | undefined]>([
    ["matching affinity", { placement: { clusterAffinity: { clusterNames: ["cluster1"] } } }, undefined, undefined],
    ["non-matching affinity", { placement: { clusterAffinity: { clusterNames: ["cluster2"] } } }, undefined, AFFINITY_MISMATCH],
    ["matching affinity from ClusterAffinities", { placement: { clusterAffinities: terms } }, { schedulerObservedAffinityName: "affinity1" }, undefined],
    ["no affinity specified", { placement: {} }, undefined, undefined],
  ])("%s", (_n, spec, status, want) => {
    expect(filter(clusterAffinityPlugin, spec, cluster({ name: "cluster1" }), status)).toBe(want);
  });

  // The filter's compiled affinity must answer util.ClusterMatches' table (pkg/util/selector_test.go
  // TestClusterMatches) as lib/policies does.
  it.each([...clusterMatchesCases, ...clusterMatchesStrictCases])("ClusterMatches: %s", (_n, affinity, want) => {
    expect(clusterMatches(cluster1, affinity)).toBe(want);
    expect(matchClusterAffinity(affinity, cluster1)).toBe(want);
  });

  it("ClusterMatches reads spec.zones only", () => {
    expect(clusterMatches(deprecatedZoneCluster, { fieldSelector: { matchExpressions: [{ key: "zone", operator: "In", values: ["z1"] }] } })).toBe(false);
  });

  it("reads the reason Karmada writes", () => {
    expect(AFFINITY_MISMATCH).toBe("cluster(s) did not match the placement cluster affinity constraint");
  });
  // TestClusterAffinity_Score (always MinClusterScore) has nothing to run against: Flotilla has no
  // ClusterAffinity score function, the constant 0 is folded into clusterLocalityScore.
});

// cluster_eviction_test.go TestClusterEviction_Filter
describe("ClusterEviction Filter (karmada clustereviction)", () => {
  it.each<[string, Spec, string | undefined]>([
    ["cluster is in graceful eviction tasks", { gracefulEvictionTasks: [{ fromCluster: "cluster1" }] }, "cluster(s) is in the process of eviction"],
    ["cluster is not in graceful eviction tasks", { gracefulEvictionTasks: [{ fromCluster: "cluster2" }] }, undefined],
    ["no graceful eviction tasks", {}, undefined],
  ])("%s", (_n, spec, want) => {
    expect(filter(clusterEvictionPlugin, spec, cluster({ name: "cluster1" }))).toBe(want);
  });
});

// cluster_locality_test.go TestClusterLocality_Score
describe("ClusterLocality Score (karmada clusterlocality)", () => {
  it.each<[string, Spec, number]>([
    ["no clusters in spec", { clusters: [] }, MIN_CLUSTER_SCORE],
    ["cluster in spec", { clusters: [{ name: "cluster1" }, { name: "cluster2" }] }, MAX_CLUSTER_SCORE],
    ["cluster not in spec", { clusters: [{ name: "cluster2" }, { name: "cluster3" }] }, MIN_CLUSTER_SCORE],
  ])("%s", (_n, spec, want) => {
    expect(clusterLocalityScore(ctxOf(spec), cluster({ name: "cluster1" }))).toBe(want);
  });

  it("uses Karmada's MaxClusterScore", () => {
    expect(MAX_CLUSTER_SCORE).toBe(100);
  });
});

// spread_constraint_test.go TestSpreadConstraint_Filter
describe("SpreadConstraint Filter (karmada spreadconstraint)", () => {
  const by = (f: "provider" | "region" | "zone"): Spec => ({ placement: { spreadConstraints: [{ spreadByField: f }] } });
  it.each<[string, Spec, Cluster, string | undefined]>([
    ["no spread constraints", { placement: {} }, cluster(), undefined],
    ["spread by provider - provider present", by("provider"), cluster({ spec: { provider: "aws" } }), undefined],
    ["spread by provider - provider missing", by("provider"), cluster(), "cluster(s) did not have provider property"],
    ["spread by region - region present", by("region"), cluster({ spec: { region: "us-west-2" } }), undefined],
    ["spread by region - region missing", by("region"), cluster(), "cluster(s) did not have region property"],
    ["spread by zone - zones present", by("zone"), cluster({ spec: { zones: ["us-west-2a"] } }), undefined],
    ["spread by zone - zones missing", by("zone"), cluster(), "cluster(s) did not have zones property"],
  ])("%s", (_n, spec, c, want) => {
    expect(filter(spreadConstraintPlugin, spec, c)).toBe(want);
  });

  it("checks only spec.zones, as Karmada does (the deprecated zone is moved into zones on write)", () => {
    expect(filter(spreadConstraintPlugin, by("zone"), cluster({ spec: { zone: "z1" } }))).toBe("cluster(s) did not have zones property");
  });
});

// taint_toleration_test.go TestTaintToleration_Filter
describe("TaintToleration Filter (karmada tainttoleration)", () => {
  const taint1 = { key: "key1", value: "value1", effect: "NoSchedule" as const };
  it.each<[string, Spec, Cluster, string | undefined]>([
    ["cluster already in target clusters", { clusters: [{ name: "cluster1" }] }, cluster({ name: "cluster1" }), undefined],
    ["no taints", { placement: {} }, cluster(), undefined],
    [
      "tolerated taint",
      { placement: { clusterTolerations: [{ key: "key1", operator: "Equal", value: "value1", effect: "NoSchedule" }] } },
      cluster({ spec: { taints: [taint1] } }),
      undefined,
    ],
    ["untolerated taint", { placement: {} }, cluster({ spec: { taints: [taint1] } }), "cluster(s) had untolerated taint {key1=value1:NoSchedule}"],
  ])("%s", (_n, spec, c, want) => {
    expect(filter(taintTolerationPlugin, spec, c)).toBe(want);
  });

  // corev1.Toleration.ToleratesTaint: an empty operator means Equal.
  it("treats an empty operator as Equal", () => {
    const tolerations = [{ key: "key1", operator: "" as Toleration["operator"], value: "value1" }];
    expect(filter(taintTolerationPlugin, { placement: { clusterTolerations: tolerations } }, cluster({ spec: { taints: [taint1] } }))).toBeUndefined();
  });
});
