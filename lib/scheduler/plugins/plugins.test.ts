import { describe, expect, it } from "vitest";
import type { Cluster, ClusterAffinity, Placement, Taint, Toleration } from "../../kube/karmada";
import type { ScheduleContext } from "../framework";
import { apiEnablementPlugin } from "./api-enablement";
import { AFFINITY_MISMATCH, clusterAffinityPlugin, clusterMatches } from "./cluster-affinity";
import { clusterEvictionPlugin } from "./cluster-eviction";
import { spreadConstraintPlugin } from "./spread-constraint";
import { findUntoleratedTaint, taintTolerationPlugin, taintToString, toleratesTaint } from "./taint-toleration";

function cluster(name: string, spec: Partial<Cluster["spec"]> = {}, labels?: Record<string, string>, status?: Cluster["status"]): Cluster {
  return { apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name, labels }, spec: { syncMode: "Push", ...spec }, status };
}

function ctx(placement: Placement, extra: Partial<ScheduleContext> = {}): ScheduleContext {
  return {
    resource: { apiVersion: "apps/v1", kind: "Deployment", name: "nginx", namespace: "default" },
    replicas: 1,
    placement,
    targets: new Set(),
    previous: [],
    evicting: new Set(),
    isWorkload: true,
    ...extra,
  };
}

describe("clusterMatches (Karmada util.ClusterMatches)", () => {
  const member = cluster("member1", { provider: "aws", region: "us-east", zones: ["us-east-1a", "us-east-1b"] }, { env: "prod" });
  it.each<[string, ClusterAffinity, boolean]>([
    ["empty affinity", {}, true],
    ["clusterNames hit", { clusterNames: ["member1", "member2"] }, true],
    ["clusterNames miss", { clusterNames: ["member2"] }, false],
    ["exclude wins over names", { clusterNames: ["member1"], exclude: ["member1"] }, false],
    ["matchLabels", { labelSelector: { matchLabels: { env: "prod" } } }, true],
    ["matchLabels miss", { labelSelector: { matchLabels: { env: "dev" } } }, false],
    ["label In with no values is invalid", { labelSelector: { matchExpressions: [{ key: "env", operator: "In", values: [] }] } }, false],
    ["label NotIn on missing key", { labelSelector: { matchExpressions: [{ key: "team", operator: "NotIn", values: ["a"] }] } }, true],
    ["provider In", { fieldSelector: { matchExpressions: [{ key: "provider", operator: "In", values: ["aws"] }] } }, true],
    ["region NotIn", { fieldSelector: { matchExpressions: [{ key: "region", operator: "NotIn", values: ["us-east"] }] } }, false],
    ["zone In overlaps", { fieldSelector: { matchExpressions: [{ key: "zone", operator: "In", values: ["us-east-1b", "x"] }] } }, true],
    ["zone NotIn with overlap", { fieldSelector: { matchExpressions: [{ key: "zone", operator: "NotIn", values: ["us-east-1a"] }] } }, false],
    ["zone Exists", { fieldSelector: { matchExpressions: [{ key: "zone", operator: "Exists" }] } }, true],
    ["zone DoesNotExist", { fieldSelector: { matchExpressions: [{ key: "zone", operator: "DoesNotExist" }] } }, false],
    ["all parts must match", { labelSelector: { matchLabels: { env: "prod" } }, clusterNames: ["member2"] }, false],
  ])("%s", (_n, affinity, want) => {
    expect(clusterMatches(member, affinity)).toBe(want);
  });

  it("ignores the deprecated zone, as util.ClusterMatches does (it is moved into zones on write)", () => {
    const old = cluster("old", { zone: "z1" });
    expect(clusterMatches(old, { fieldSelector: { matchExpressions: [{ key: "zone", operator: "In", values: ["z1"] }] } })).toBe(false);
  });
});

describe("ClusterAffinity filter", () => {
  const member1 = cluster("member1");
  it("passes without affinity and fails with a mismatching one", () => {
    expect(clusterAffinityPlugin.prepare(ctx({}))(member1)).toBeUndefined();
    expect(clusterAffinityPlugin.prepare(ctx({ clusterAffinity: { clusterNames: ["member2"] } }))(member1)).toBe(AFFINITY_MISMATCH);
  });

  it("uses the observed clusterAffinities term and its overflow affinities for workloads only", () => {
    const placement: Placement = { clusterAffinities: [{ affinityName: "primary", clusterNames: ["member2"], overflowAffinities: [{ affinityName: "spill", clusterNames: ["member1"] }] }] };
    expect(clusterAffinityPlugin.prepare(ctx(placement, { observedAffinityName: "primary" }))(member1)).toBeUndefined();
    expect(clusterAffinityPlugin.prepare(ctx(placement, { observedAffinityName: "primary", isWorkload: false }))(member1)).toBe(AFFINITY_MISMATCH);
    expect(clusterAffinityPlugin.prepare(ctx(placement, { observedAffinityName: "other" }))(member1)).toBeUndefined();
  });
});

describe("TaintToleration", () => {
  const t = (key: string, effect: Taint["effect"], value?: string): Taint => ({ key, effect, value });
  it.each<[string, Toleration, Taint, boolean]>([
    ["Exists with empty key tolerates all", { operator: "Exists" }, t("a", "NoSchedule"), true],
    ["Equal with value", { key: "a", operator: "Equal", value: "1" }, t("a", "NoSchedule", "1"), true],
    ["Equal value mismatch", { key: "a", value: "2" }, t("a", "NoSchedule", "1"), false],
    ["effect mismatch", { key: "a", operator: "Exists", effect: "NoExecute" }, t("a", "NoSchedule"), false],
    ["key mismatch", { key: "b", operator: "Exists" }, t("a", "NoSchedule"), false],
  ])("%s", (_n, toleration, taint, want) => {
    expect(toleratesTaint(toleration, taint)).toBe(want);
  });

  it("ignores PreferNoSchedule and formats the first untolerated taint", () => {
    expect(findUntoleratedTaint([t("soft", "PreferNoSchedule")], [])).toBeUndefined();
    expect(taintToString(t("k", "NoSchedule", "v"))).toBe("k=v:NoSchedule");
    expect(taintToString(t("k", "NoExecute"))).toBe("k:NoExecute");
    const member = cluster("m", { taints: [t("cluster.karmada.io/not-ready", "NoSchedule")] });
    expect(taintTolerationPlugin.prepare(ctx({}))(member)).toBe("cluster(s) had untolerated taint {cluster.karmada.io/not-ready:NoSchedule}");
  });

  it("passes a cluster already in spec.clusters", () => {
    const member = cluster("m", { taints: [t("x", "NoExecute")] });
    expect(taintTolerationPlugin.prepare(ctx({}, { targets: new Set(["m"]) }))(member)).toBeUndefined();
  });
});

describe("APIEnablement", () => {
  const enabled = { apiEnablements: [{ groupVersion: "apps/v1", resources: [{ name: "deployments", kind: "Deployment" }] }] };
  it.each<[string, Cluster["status"], string[], boolean]>([
    ["API present", enabled, [], true],
    ["API missing", { apiEnablements: [{ groupVersion: "v1", resources: [{ name: "pods", kind: "Pod" }] }] }, [], false],
    ["no status", undefined, [], false],
    ["missing but already a target", undefined, ["m"], true],
  ])("%s", (_n, status, targets, pass) => {
    const result = apiEnablementPlugin.prepare(ctx({}, { targets: new Set(targets) }))(cluster("m", {}, undefined, status));
    expect(result === undefined).toBe(pass);
    if (!pass) expect(result).toBe("cluster(s) did not have the API resource");
  });
});

describe("SpreadConstraint and ClusterEviction", () => {
  it.each([
    ["provider", {}, "cluster(s) did not have provider property"],
    ["region", { provider: "aws" }, "cluster(s) did not have region property"],
    ["zone", { region: "r" }, "cluster(s) did not have zones property"],
    ["cluster", {}, undefined],
  ] as const)("spread by %s", (field, spec, want) => {
    expect(spreadConstraintPlugin.prepare(ctx({ spreadConstraints: [{ spreadByField: field }] }))(cluster("m", spec))).toBe(want);
  });

  it("rejects clusters under graceful eviction", () => {
    const check = clusterEvictionPlugin.prepare(ctx({}, { evicting: new Set(["m"]) }));
    expect(check(cluster("m"))).toBe("cluster(s) is in the process of eviction");
    expect(check(cluster("n"))).toBeUndefined();
  });
});
