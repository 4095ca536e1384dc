import { describe, expect, it } from "vitest";
import type { Cluster, ResourceBinding } from "../kube/karmada";
import type { Condition, KubeObject } from "../kube/types";
import { OverviewAggregate } from "./overview-aggregate";
import { KEYS } from "./overview-loader";
import { summarizeOverview } from "./overview";

const NOW = new Date("2025-03-01T00:00:00Z");
const cond = (type: string, status: Condition["status"], reason = "R", message = "m"): Condition => ({ type, status, reason, message, lastTransitionTime: "2025-01-01T00:00:00Z" });

const cluster = (name: string, ready?: Condition["status"]): Cluster => ({
  apiVersion: "cluster.karmada.io/v1alpha1",
  kind: "Cluster",
  metadata: { name },
  spec: { syncMode: "Push" },
  status: {
    conditions: ready ? [cond("Ready", ready)] : [],
    resourceSummary: { allocatable: { cpu: "4", memory: "8Gi", pods: "110" }, allocated: { cpu: "1", memory: "1Gi", pods: "3" } },
  },
});

const binding = (ns: string | undefined, name: string, status: ResourceBinding["status"]): ResourceBinding => ({
  apiVersion: "work.karmada.io/v1alpha2",
  kind: ns ? "ResourceBinding" : "ClusterResourceBinding",
  metadata: { name: `${name}-deployment`, namespace: ns },
  spec: { resource: { apiVersion: "apps/v1", kind: "Deployment", namespace: ns, name } },
  status,
});

const event = (name: string, type: string, time: string): KubeObject => ({ apiVersion: "v1", kind: "Event", metadata: { name, namespace: "default", uid: name }, type, reason: name, lastTimestamp: time });
const policy = (name: string): KubeObject => ({ apiVersion: "policy.karmada.io/v1alpha1", kind: "PropagationPolicy", metadata: { name, namespace: "default" }, spec: {} });

/** A mixed store: healthy and failing bindings in two namespaces plus a cluster-scoped one. */
function fixture() {
  const clusters = [cluster("m2", "True"), cluster("m1", "False"), cluster("m3")];
  const bindings: ResourceBinding[] = [];
  for (let i = 0; i < 30; i++) {
    const ns = i % 2 ? "team-b" : "team-a";
    const status = i % 3 === 0 ? { conditions: [cond("Scheduled", "False", "NoClusterFit", `none fit ${i}`)] } : i % 3 === 1 ? { conditions: [cond("FullyApplied", "True")] } : {};
    bindings.push(binding(ns, `app-${String(i).padStart(2, "0")}`, status));
  }
  bindings.push(binding(undefined, "global", { conditions: [cond("FullyApplied", "False", "Failed", "x")] }));
  const warnings = [event("w1", "Warning", "2025-01-01T00:00:00Z"), event("w2", "Warning", "2025-01-03T00:00:00Z")];
  return { clusters, bindings, warnings };
}

function fill(agg: OverviewAggregate, f: ReturnType<typeof fixture>) {
  agg.reset(KEYS.clusters, f.clusters);
  agg.reset(KEYS.resourceBindings, f.bindings.filter((b) => b.kind === "ResourceBinding"));
  agg.reset(KEYS.clusterResourceBindings, f.bindings.filter((b) => b.kind !== "ResourceBinding"));
  agg.reset(KEYS.events, [...f.warnings, event("n1", "Normal", "2025-01-04T00:00:00Z")]);
  agg.reset(KEYS.propagationPolicies, [policy("p1"), policy("p2")]);
}

const expected = (f: ReturnType<typeof fixture>, counts = { propagationPolicies: 2, clusterPropagationPolicies: 0, overridePolicies: 0, clusterOverridePolicies: 0, works: 0 }) =>
  summarizeOverview({
    clusters: f.clusters,
    // summarizeOverview keeps list order; the store lists namespaced bindings by namespace and name.
    bindings: [...f.bindings].sort((a, b) => (a.kind === b.kind ? `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`) : a.kind === "ResourceBinding" ? -1 : 1)),
    warnings: f.warnings,
    counts,
    now: NOW,
  });

describe("OverviewAggregate", () => {
  it("summarises exactly as the full aggregation does", () => {
    const f = fixture();
    const agg = new OverviewAggregate();
    fill(agg, f);
    const got = agg.summary(NOW);
    expect(got).toEqual(expected(f));
    expect(got.propagation.failing).toBe(11);
    expect(got.propagation.failingItems).toHaveLength(11);
  });

  it("follows changes: modified, deleted and re-typed objects", () => {
    const f = fixture();
    const agg = new OverviewAggregate();
    fill(agg, f);
    const first = agg.summary(NOW);
    expect(agg.summary(NOW)).toBe(first);

    const healed = { ...f.clusters[1], status: { ...f.clusters[1].status, conditions: [cond("Ready", "True")] } } as Cluster;
    agg.apply("MODIFIED", KEYS.clusters, healed);
    agg.apply("DELETED", KEYS.resourceBindings, f.bindings[0]);
    agg.apply("MODIFIED", KEYS.events, event("w2", "Normal", "2025-01-03T00:00:00Z"));
    agg.apply("ADDED", KEYS.works, { apiVersion: "work.karmada.io/v1alpha1", kind: "Work", metadata: { name: "w", namespace: "karmada-es-m1" } });
    agg.apply("ADDED", { group: "apps", resource: "deployments" }, { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "ignored", namespace: "x" } });

    const next = { ...f, clusters: [f.clusters[0], healed, f.clusters[2]], bindings: f.bindings.slice(1), warnings: [f.warnings[0]] };
    expect(agg.summary(NOW)).toEqual(expected(next, { propagationPolicies: 2, clusterPropagationPolicies: 0, overridePolicies: 0, clusterOverridePolicies: 0, works: 1 }));
  });

  it("lists at most 20 failing propagations, first by namespace and name, while counting all", () => {
    const agg = new OverviewAggregate();
    const failing = Array.from({ length: 25 }, (_, i) => binding("ns", `f-${String(24 - i).padStart(2, "0")}`, { conditions: [cond("Scheduled", "False")] }));
    agg.reset(KEYS.resourceBindings, failing);
    const s = agg.summary(NOW);
    expect(s.propagation.failing).toBe(25);
    expect(s.propagation.failingItems.map((i) => i.resource.name)).toEqual(Array.from({ length: 20 }, (_, i) => `f-${String(i).padStart(2, "0")}`));
  });

  it("reset replaces only the listed resource", () => {
    const f = fixture();
    const agg = new OverviewAggregate();
    fill(agg, f);
    agg.reset(KEYS.clusters, [cluster("solo", "True")]);
    const s = agg.summary(NOW);
    expect(s.clusters.total).toBe(1);
    expect(s.counts.resourceBindings).toBe(30);
  });
});

describe("bounded cluster rows", () => {
  it("lists at most 30 clusters, unhealthy first, and the fullest capacity first, while counting all", () => {
    const agg = new OverviewAggregate();
    const many = Array.from({ length: 100 }, (_, i) => {
      const c = cluster(`c${String(i).padStart(3, "0")}`, i % 10 === 0 ? "False" : "True");
      c.status!.resourceSummary = { allocatable: { cpu: "100", memory: "1Gi", pods: "100" }, allocated: { cpu: String(i), memory: "0", pods: "0" } };
      return c;
    });
    agg.reset(KEYS.clusters, many);
    const s = agg.summary(NOW);
    expect(s.clusters.total).toBe(100);
    expect(s.clusters.byHealth).toEqual({ Ready: 90, NotReady: 10, Unknown: 0 });
    expect(s.clusters.items).toHaveLength(30);
    expect(s.clusters.items.slice(0, 10).every((r) => r.health === "NotReady")).toBe(true);
    expect(s.capacity).toHaveLength(30);
    expect(s.capacity[0].name).toBe("c099");
    expect(s.capacity[29].name).toBe("c070");
  });
});
