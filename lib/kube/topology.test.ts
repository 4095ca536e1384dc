import { describe, expect, it } from "vitest";
import { buildTopology, firstFailure, type TopologyInput, type TopologyNode } from "./topology";
import type { Cluster, OverridePolicy, PropagationPolicy, ResourceBinding, Work } from "./karmada";
import type { Condition, KubeObject } from "./types";

const T = "2025-01-01T00:00:00Z";
const cond = (type: string, status: Condition["status"], reason = "R", message = "m"): Condition => ({ type, status, reason, message, lastTransitionTime: T });

const deployment: KubeObject = { apiVersion: "apps/v1", kind: "Deployment", metadata: { namespace: "default", name: "web" }, spec: { replicas: 2 } };
const resource = { apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "web" };
const pp: PropagationPolicy = {
  apiVersion: "policy.karmada.io/v1alpha1",
  kind: "PropagationPolicy",
  metadata: { namespace: "default", name: "web-pp" },
  spec: { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web" }] },
};

function binding(conditions: Condition[], clusters = ["m1", "m2"]): ResourceBinding {
  return {
    apiVersion: "work.karmada.io/v1alpha2",
    kind: "ResourceBinding",
    metadata: { namespace: "default", name: "web-deployment" },
    spec: { resource, clusters: clusters.map((name) => ({ name, replicas: 1 })) },
    status: { conditions },
  };
}

function work(cluster: string, conditions: Condition[], extra: Partial<Work["status"]> = {}, annotations?: Record<string, string>): Work {
  return {
    apiVersion: "work.karmada.io/v1alpha1",
    kind: "Work",
    metadata: { namespace: `karmada-es-${cluster}`, name: "web-123", annotations },
    spec: { workload: { manifests: [deployment] } },
    status: { conditions, ...extra },
  };
}

function cluster(name: string, ready: Condition["status"], reason = "ClusterReady"): Cluster {
  return { apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name }, spec: { syncMode: "Push" }, status: { conditions: [cond("Ready", ready, reason, `cluster ${reason}`)] } } as Cluster;
}

const healthy = { manifestStatuses: [{ identifier: { ordinal: 0, group: "apps", version: "v1", kind: "Deployment", resource: "deployments", name: "web" }, health: "Healthy" as const }] };
const applied = [cond("Applied", "True", "AppliedSuccessful")];
const scheduledApplied = [cond("Scheduled", "True", "Success"), cond("FullyApplied", "True", "FullyAppliedSuccess")];

const phaseOf = (nodes: TopologyNode[], id: string) => nodes.find((n) => n.id === id)?.state.phase;

describe("buildTopology: the first failing step", () => {
  const cases: { name: string; input: TopologyInput; failure?: { nodeId: string; reason: string } }[] = [
    { name: "template missing → template is the failure", input: { resource }, failure: { nodeId: "template/Deployment/default/web", reason: "NotFound" } },
    { name: "no policy selects it → NoPolicyMatched", input: { resource, template: deployment }, failure: { nodeId: "policy", reason: "NoPolicyMatched" } },
    { name: "binding not created yet → still progressing, no failure", input: { resource, template: deployment, policy: pp } },
    {
      name: "scheduler found no cluster → binding failure with the scheduler's reason",
      input: { resource, template: deployment, policy: pp, binding: binding([cond("Scheduled", "False", "NoClusterFit", "0/3 clusters are available")], []) },
      failure: { nodeId: "binding/ResourceBinding/default/web-deployment", reason: "NoClusterFit" },
    },
    {
      name: "one Work failed to apply → that Work",
      input: { resource, template: deployment, policy: pp, binding: binding([cond("Scheduled", "True", "Success")]), works: [work("m1", applied, healthy), work("m2", [cond("Applied", "False", "AppliedFailed", "quota exceeded")])] },
      failure: { nodeId: "work/m2", reason: "AppliedFailed" },
    },
    {
      name: "cluster NotReady → member step fails with the cluster's reason",
      input: { resource, template: deployment, policy: pp, binding: binding(scheduledApplied), works: [work("m1", applied, healthy), work("m2", applied, healthy)], clusters: [cluster("m1", "True"), cluster("m2", "False", "ClusterNotReachable")] },
      failure: { nodeId: "member/m2", reason: "ClusterNotReachable" },
    },
    { name: "everything applied and healthy → no failure", input: { resource, template: deployment, policy: pp, binding: binding(scheduledApplied), works: [work("m1", applied, healthy), work("m2", applied, healthy)] } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const t = buildTopology(c.input);
      expect(t.firstFailure ? { nodeId: t.firstFailure.nodeId, reason: t.firstFailure.reason } : undefined).toEqual(c.failure);
    });
  }
});

describe("buildTopology: nodes and edges", () => {
  it("emits one Work and one member per target cluster, sorted, with edges labelled by cluster", () => {
    const t = buildTopology({ resource, template: deployment, policy: pp, binding: binding([cond("Scheduled", "True", "Success")], ["m2", "m1"]), works: [work("m1", applied, healthy)] });
    expect(t.nodes.filter((n) => n.type === "Work").map((n) => n.id)).toEqual(["work/m1", "work/m2"]);
    expect(phaseOf(t.nodes, "work/m1")).toBe("Ready");
    expect(phaseOf(t.nodes, "work/m2")).toBe("Progressing");
    expect(phaseOf(t.nodes, "member/m1")).toBe("Ready");
    expect(phaseOf(t.nodes, "member/m2")).toBe("Unknown");
    const bindingId = "binding/ResourceBinding/default/web-deployment";
    expect(t.edges.filter((e) => e.source === bindingId).map((e) => e.label)).toEqual(["m1", "m2"]);
    expect(t.edges.find((e) => e.target === bindingId)?.label).toBe("propagates (web-pp)");
  });

  it("keeps a Work on a cluster the binding no longer targets (it is being removed)", () => {
    const t = buildTopology({ resource, template: deployment, policy: pp, binding: binding(scheduledApplied, ["m1"]), works: [work("m1", applied, healthy), work("old", applied, healthy)] });
    expect(t.nodes.filter((n) => n.type === "Work").map((n) => n.id)).toEqual(["work/m1", "work/old"]);
  });

  it("links an override policy only to the Works whose applied-overrides name it", () => {
    const op: OverridePolicy = { apiVersion: "policy.karmada.io/v1alpha1", kind: "OverridePolicy", metadata: { namespace: "default", name: "img" }, spec: { overrideRules: [{ overriders: {} }] } };
    const overridden = work("m2", applied, healthy, { "policy.karmada.io/applied-overrides": JSON.stringify([{ policyName: "img", overriders: {} }]) });
    const t = buildTopology({ resource, template: deployment, policy: pp, overridePolicies: [op], binding: binding(scheduledApplied), works: [work("m1", applied, healthy), overridden] });
    const fromOverride = t.edges.filter((e) => e.source === "override/OverridePolicy/default/img").map((e) => e.target);
    expect(fromOverride).toEqual(["work/m2"]);
  });

  it("ignores a malformed applied-overrides annotation", () => {
    const op: OverridePolicy = { apiVersion: "policy.karmada.io/v1alpha1", kind: "OverridePolicy", metadata: { namespace: "default", name: "img" }, spec: {} };
    const t = buildTopology({ resource, template: deployment, policy: pp, overridePolicies: [op], binding: binding(scheduledApplied, ["m1"]), works: [work("m1", applied, healthy, { "policy.karmada.io/applied-overrides": "{not json" })] });
    expect(t.edges.some((e) => e.source.startsWith("override/"))).toBe(false);
  });

  it("reports unhealthy members as failed and unknown health as progressing", () => {
    const unhealthy = { manifestStatuses: [{ ...healthy.manifestStatuses[0], health: "Unhealthy" as const }] };
    const t = buildTopology({ resource, template: deployment, policy: pp, binding: binding(scheduledApplied), works: [work("m1", applied, unhealthy), work("m2", applied)] });
    expect(phaseOf(t.nodes, "member/m1")).toBe("Failed");
    expect(phaseOf(t.nodes, "member/m2")).toBe("Progressing");
    expect(t.firstFailure?.nodeId).toBe("member/m1");
  });

  it("marks a terminating template and a suspended policy as progressing, not failed", () => {
    const deleting = { ...deployment, metadata: { ...deployment.metadata, deletionTimestamp: T } };
    const suspended = { ...pp, spec: { ...pp.spec, suspension: { dispatching: true } } };
    const t = buildTopology({ resource, template: deleting, policy: suspended });
    expect(t.nodes.slice(0, 2).map((n) => n.state.label)).toEqual(["Deleting", "Dispatching suspended"]);
    expect(t.firstFailure).toBeUndefined();
  });

  it("is deterministic", () => {
    const input: TopologyInput = { resource, template: deployment, policy: pp, binding: binding(scheduledApplied), works: [work("m2", applied, healthy), work("m1", applied, healthy)] };
    expect(buildTopology(input)).toEqual(buildTopology(structuredClone(input)));
  });
});

describe("firstFailure", () => {
  it("follows chain order, not array order", () => {
    const nodes: TopologyNode[] = [
      { id: "member/a", type: "MemberWorkload", cluster: "a", conditions: [], state: { phase: "Failed", label: "x", reason: "Late" } },
      { id: "binding", type: "ResourceBinding", clusters: [], conditions: [], state: { phase: "Failed", label: "y", reason: "Early" } },
    ];
    expect(firstFailure(nodes)?.reason).toBe("Early");
  });
});
