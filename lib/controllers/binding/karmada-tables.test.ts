import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../kube/types";
import type { Cluster, ResourceBinding } from "../../kube/karmada";
import { clusterOfExecutionNamespace, executionNamespace } from "../../kube/karmada";
import { bindingName, workName } from "../../policies";
import { divideJobCompletions, needReviseJobCompletions } from "../../interpreter";
import { directlyEvictedClusters, mergeTargetClusters, targetClusters } from "./binding-meta";
import { conflictResolution, renderWork } from "./render-work";

/**
 * Karmada's own unit-test tables for the names and the binding controller's Work rendering,
 * run against our functions: pkg/util/names/names_test.go, pkg/controllers/binding/common_test.go
 * and the binding parts of pkg/util/helper/binding_test.go.
 */

// ---- pkg/util/names/names_test.go

describe("names_test.go", () => {
  it.each([["member-cluster-normal", "karmada-es-member-cluster-normal"]])("TestGenerateExecutionSpaceName %s", (cluster, want) => {
    expect(executionNamespace(cluster)).toBe(want);
  });

  it.each([
    ["normal execution space name", "karmada-es-member-cluster-normal", "member-cluster-normal"],
    ["invalid member cluster", "invalid", undefined],
    ["empty execution space name", "", undefined],
  ])("TestGetClusterName: %s", (_n, ns, want) => {
    expect(clusterOfExecutionNamespace(ns)).toBe(want);
  });

  it.each([
    ["uppercase kind", "Pods", "pod", "pod-pods"],
    ["uppercase name", "pods", "Pod", "pod-pods"],
    ["lowercase name", "pods", "Pod", "pod-pods"],
    ["role kind resource", "Role", "system:controller:tom", "system.controller.tom-role"],
    ["clusterRole kind resource", "ClusterRole", "system::tom", "system..tom-clusterrole"],
    ["roleBinding kind resource", "RoleBinding", "system::tt:tom", "system..tt.tom-rolebinding"],
    ["clusterRoleBinding kind resource", "ClusterRoleBinding", "system:tt:tom", "system.tt.tom-clusterrolebinding"],
  ])("TestGenerateBindingName: %s", (_n, kind, name, want) => {
    expect(bindingName(kind, name)).toBe(want);
  });

  // The table states the algorithm (name + "-" + SafeEncodeString(fnv32a(key))); the hashes below
  // were worked out from it and cross-checked against TestGeneratePolicyName's literal
  // "foo-b4978784" (same fnv32a + SafeEncodeString of "ns-foo" + "rand").
  it.each([
    ["empty namespace", "Pod", "pod", "", "pod-6c46fd8b9d"],
    ["non nil namespace", "pods", "Pod", "default", "pod-5fdddc94c5"],
    ["non nil namespace, colon in name", "Pods", "work:pod", "default", "work.pod-85bc474696"],
  ])("TestGenerateWorkName: %s", (_n, kind, name, ns, want) => {
    expect(workName(ns, name, kind)).toBe(want);
  });
});

// ---- pkg/controllers/binding/common_test.go

const ref = { apiVersion: "apps/v1", kind: "Deployment", namespace: "fake-ns", name: "demo-deployment" };
const deployment: KubeObject = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "demo-deployment", namespace: "fake-ns" } };
const namespaceObj: KubeObject = { apiVersion: "v1", kind: "Namespace", metadata: { name: "demo-ns" } };
const cluster = (name: string): Cluster => ({ apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name }, spec: {} }) as Cluster;
const rb = (spec: Partial<ResourceBinding["spec"]> = {}): ResourceBinding => ({
  apiVersion: "work.karmada.io/v1alpha2",
  kind: "ResourceBinding",
  metadata: { name: "fake-bindingName", namespace: "fake-ns", labels: { "resourcebinding.karmada.io/permanent-id": "93162d3c-ee8e-4995-9034-05f4d5d2c2b9" } },
  spec: { resource: ref, ...spec },
});
const crb = (): ResourceBinding => ({
  apiVersion: "work.karmada.io/v1alpha2",
  kind: "ClusterResourceBinding",
  metadata: { name: "fake-bindingName", labels: { "clusterresourcebinding.karmada.io/permanent-id": "93162d3c-ee8e-4995-9034-05f4d5d2c2b9" } },
  spec: { resource: { apiVersion: "v1", kind: "Namespace", name: "demo-ns" } },
});
const render = (binding: ResourceBinding, template: KubeObject, target = { name: "member1", replicas: 0 }) =>
  renderWork({ binding, template, target, cluster: cluster(target.name), overridePolicies: [], clusterOverridePolicies: [], newWorkId: "work-id" }).work!;

describe("common_test.go", () => {
  it.each([
    { name: "the same cluster", clusters: [{ name: "foo", replicas: 1 }], requiredBy: [{ name: "x", clusters: [{ name: "foo", replicas: 1 }] }], want: [{ name: "foo", replicas: 1 }] },
    { name: "different clusters", clusters: [{ name: "foo", replicas: 1 }], requiredBy: [{ name: "x", clusters: [{ name: "bar", replicas: 1 }] }], want: [{ name: "foo", replicas: 1 }, { name: "bar", replicas: 1 }] },
  ])("Test_mergeTargetClusters: $name", ({ clusters, requiredBy, want }) => {
    expect(mergeTargetClusters(rb({ clusters, requiredBy }))).toEqual(want);
  });

  it("Test_mergeTargetClusters: a requiredBy cluster's Work carries the snapshot's replicas", () => {
    const template: KubeObject = { ...deployment, spec: { replicas: 9 } };
    const b = rb({ replicas: 3, clusters: [{ name: "foo", replicas: 3 }], requiredBy: [{ name: "x", clusters: [{ name: "bar", replicas: 2 }] }] });
    const [, bar] = mergeTargetClusters(b);
    expect(render(b, template, { name: bar.name, replicas: bar.replicas ?? 0 }).spec.workload!.manifests![0].spec).toEqual({ replicas: 2 });
  });

  // Test_mergeLabel: the binding's permanent id on the Work (and its manifest), by binding scope.
  it.each([
    { name: "NamespaceScoped", binding: rb(), template: deployment, want: { "resourcebinding.karmada.io/permanent-id": "93162d3c-ee8e-4995-9034-05f4d5d2c2b9" } },
    { name: "ClusterScoped", binding: crb(), template: namespaceObj, want: { "clusterresourcebinding.karmada.io/permanent-id": "93162d3c-ee8e-4995-9034-05f4d5d2c2b9" } },
  ])("Test_mergeLabel: $name", ({ binding, template, want }) => {
    const w = render(binding, template);
    expect(w.metadata.labels).toMatchObject(want);
    expect(w.spec.workload!.manifests![0].metadata.labels).toMatchObject(want);
  });

  // Test_mergeAnnotations: exactly these on the Work, plus the conflict-resolution annotation
  // mergeConflictResolution adds (no override applied, so no applied-overrides annotation).
  it.each([
    { name: "NamespaceScoped", binding: rb(), template: deployment, want: { "resourcebinding.karmada.io/namespace": "fake-ns", "resourcebinding.karmada.io/name": "fake-bindingName" } },
    { name: "ClusterScoped", binding: crb(), template: namespaceObj, want: { "clusterresourcebinding.karmada.io/name": "fake-bindingName" } },
  ])("Test_mergeAnnotations: $name", ({ binding, template, want }) => {
    expect(render(binding, template).metadata.annotations).toEqual({ ...want, "work.karmada.io/conflict-resolution": "abort" });
  });

  it.each([
    ["EmptyInRT_OverwriteInRB", undefined, "Overwrite", "overwrite"],
    ["EmptyInRT_AbortInRB", undefined, "Abort", "abort"],
    ["OverwriteInRT_AbortInPP", "overwrite", "Abort", "overwrite"],
    ["AbortInRT_OverwriteInPP", "abort", "Overwrite", "abort"],
    ["InvalidInRT_OverwriteInPP", "unknown", "Overwrite", "overwrite"],
  ] as const)("Test_mergeConflictResolution: %s", (_n, inRT, inRB, want) => {
    const t: KubeObject = { ...deployment, metadata: { ...deployment.metadata, ...(inRT ? { annotations: { "work.karmada.io/conflict-resolution": inRT } } : {}) } };
    const b = rb({ conflictResolution: inRB });
    expect(conflictResolution(t, b)).toBe(want);
    const w = render(b, t);
    expect(w.metadata.annotations?.["work.karmada.io/conflict-resolution"]).toBe(want);
    expect(w.spec.workload!.manifests![0].metadata.annotations?.["work.karmada.io/conflict-resolution"]).toBe(want);
  });

  it.each([
    { name: "false for nil suspension", suspension: undefined, target: "", want: false },
    { name: "false for nil dispatching", suspension: {}, target: "", want: false },
    { name: "false for not suspension", suspension: { dispatching: false }, target: "", want: false },
    { name: "true for suspension", suspension: { dispatching: true }, target: "", want: true },
    { name: "true for matching cluster", suspension: { dispatchingOnClusters: { clusterNames: ["clusterA"] } }, target: "clusterA", want: true },
    { name: "false for mismatched cluster", suspension: { dispatchingOnClusters: { clusterNames: ["clusterB"] } }, target: "clusterA", want: false },
  ])("Test_shouldSuspendDispatching: $name", ({ suspension, target, want }) => {
    const w = render(rb({ suspension }), deployment, { name: target || "member1", replicas: 0 });
    expect(w.spec.suspendDispatching === true).toBe(want);
  });

  it.each([
    ["replicas is zero", 0, { replicaScheduling: { replicaSchedulingType: "Divided" } }, false],
    ["placement is nil", 1, undefined, false],
    ["replica scheduling type is not divided", 1, { replicaScheduling: { replicaSchedulingType: "Duplicated" } }, false],
    ["replica scheduling type is divided", 1, { replicaScheduling: { replicaSchedulingType: "Divided" } }, true],
  ] as const)("Test_needReviseJobCompletions: %s", (_n, replicas, placement, want) => {
    expect(needReviseJobCompletions(replicas, placement as never)).toBe(want);
  });

  it("Test_divideReplicasByJobCompletions: completions found", () => {
    const job: KubeObject = { apiVersion: "batch/v1", kind: "Job", metadata: { name: "j" }, spec: { completions: 10 } };
    const got = divideJobCompletions(job, [{ name: "cluster1", replicas: 5 }, { name: "cluster2", replicas: 5 }])!;
    expect([...got].sort((a, b) => a.name.localeCompare(b.name))).toEqual([{ name: "cluster1", replicas: 5 }, { name: "cluster2", replicas: 5 }]);
  });
  // "error in NestedInt64" (spec is a string): templates here are typed objects; not reachable.

  // TestApplyJobCompletions through renderWork: each cluster's Job gets its share of completions.
  it("TestApplyJobCompletions: the Job's completions are divided over the target clusters", () => {
    const job: KubeObject = { apiVersion: "batch/v1", kind: "Job", metadata: { name: "test-job", namespace: "fake-ns", uid: "u" }, spec: { completions: 10, parallelism: 2 } };
    const b = rb({ resource: { apiVersion: "batch/v1", kind: "Job", namespace: "fake-ns", name: "test-job" }, replicas: 10, clusters: [{ name: "cluster-a", replicas: 6 }, { name: "cluster-b", replicas: 4 }], placement: { replicaScheduling: { replicaSchedulingType: "Divided" } } });
    expect((render(b, job, { name: "cluster-a", replicas: 6 }).spec.workload!.manifests![0].spec as { completions: number }).completions).toBe(6);
    expect((render(b, job, { name: "cluster-b", replicas: 4 }).spec.workload!.manifests![0].spec as { completions: number }).completions).toBe(4);
  });

  it("ensureWork: the replica revision follows IsWorkload (replicas, or replicaRequirements) and the Work, manifest labels and annotations are Karmada's", () => {
    const template: KubeObject = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "demo-deployment", namespace: "fake-ns", uid: "tpl-uid", generation: 2, labels: { app: "demo" } }, spec: { replicas: 5 } };
    // replicas 0 but replicaRequirements set: still a workload, the cluster's replicas are written.
    const w = render(rb({ replicas: 0, replicaRequirements: { resourceRequest: { cpu: "1" } }, clusters: [{ name: "member1", replicas: 3 }] }), template, { name: "member1", replicas: 3 });
    const m = w.spec.workload!.manifests![0];
    expect(m.spec).toEqual({ replicas: 3 });
    expect(w.metadata).toEqual({
      name: workName("fake-ns", "demo-deployment", "Deployment"),
      namespace: "karmada-es-member1",
      finalizers: ["karmada.io/execution-controller"],
      labels: { "resourcebinding.karmada.io/permanent-id": "93162d3c-ee8e-4995-9034-05f4d5d2c2b9", "work.karmada.io/permanent-id": "work-id" },
      annotations: { "resourcebinding.karmada.io/namespace": "fake-ns", "resourcebinding.karmada.io/name": "fake-bindingName", "work.karmada.io/conflict-resolution": "abort" },
    });
    expect(m.metadata.labels).toEqual({ app: "demo", "resourcebinding.karmada.io/permanent-id": "93162d3c-ee8e-4995-9034-05f4d5d2c2b9", "karmada.io/managed": "true", "work.karmada.io/permanent-id": "work-id" });
    expect(m.metadata.annotations).toEqual({
      "resourcetemplate.karmada.io/generation": "2",
      "resourcebinding.karmada.io/namespace": "fake-ns",
      "resourcebinding.karmada.io/name": "fake-bindingName",
      "resourcetemplate.karmada.io/uid": "tpl-uid",
      "work.karmada.io/name": workName("fake-ns", "demo-deployment", "Deployment"),
      "work.karmada.io/namespace": "karmada-es-member1",
      "work.karmada.io/conflict-resolution": "abort",
      "resourcetemplate.karmada.io/managed-annotations":
        "resourcebinding.karmada.io/name,resourcebinding.karmada.io/namespace,resourcetemplate.karmada.io/generation,resourcetemplate.karmada.io/managed-annotations,resourcetemplate.karmada.io/managed-labels,resourcetemplate.karmada.io/uid,work.karmada.io/conflict-resolution,work.karmada.io/name,work.karmada.io/namespace",
      "resourcetemplate.karmada.io/managed-labels": "app,karmada.io/managed,resourcebinding.karmada.io/permanent-id,work.karmada.io/permanent-id",
    });
    // Not a workload (no replicas, no requirements): the template's replicas stay.
    expect(render(rb({ clusters: [{ name: "member1", replicas: 3 }] }), template, { name: "member1", replicas: 3 }).spec.workload!.manifests![0].spec).toEqual({ replicas: 5 });
  });
});

// ---- pkg/util/helper/binding_test.go (the clusters a binding keeps Works in)

describe("binding_test.go", () => {
  const spec = (s: Partial<ResourceBinding["spec"]>) => rb(s);
  it.each([
    {
      name: "unique cluster name without GracefulEvictionTasks field",
      s: { clusters: [{ name: "member1", replicas: 2 }, { name: "member2", replicas: 3 }], requiredBy: [{ name: "x", clusters: [{ name: "member3", replicas: 2 }] }] },
      want: ["member1", "member2", "member3"],
    },
    {
      name: "all spec fields do not contain duplicate cluster names",
      s: { clusters: [{ name: "member1", replicas: 2 }, { name: "member2", replicas: 3 }], requiredBy: [{ name: "x", clusters: [{ name: "member3", replicas: 2 }] }], gracefulEvictionTasks: [{ fromCluster: "member4", reason: "", producer: "" }] },
      want: ["member1", "member2", "member3", "member4"],
    },
    {
      name: "duplicate cluster name",
      s: { clusters: [{ name: "member1", replicas: 2 }, { name: "member2", replicas: 3 }], requiredBy: [{ name: "x", clusters: [{ name: "member3", replicas: 2 }] }], gracefulEvictionTasks: [{ fromCluster: "member3", reason: "", producer: "" }] },
      want: ["member1", "member2", "member3"],
    },
    {
      name: "unique cluster names with GracefulEvictionTasks with PurgeMode Directly",
      s: {
        clusters: [{ name: "member1", replicas: 2 }, { name: "member2", replicas: 3 }],
        gracefulEvictionTasks: [
          { fromCluster: "member3", purgeMode: "Directly", reason: "", producer: "" },
          { fromCluster: "member4", purgeMode: "Gracefully", reason: "", producer: "" },
          { fromCluster: "member5", purgeMode: "Never", reason: "", producer: "" },
        ],
      },
      want: ["member1", "member2", "member4", "member5"],
    },
  ] as { name: string; s: Partial<ResourceBinding["spec"]>; want: string[] }[])("TestObtainBindingSpecExistingClusters: $name", ({ s, want }) => {
    expect(targetClusters(spec(s)).map((t) => t.name).sort()).toEqual(want);
  });

  it.each([
    {
      name: "Multiple clusters with different PurgeModes",
      tasks: [
        { fromCluster: "cluster1", purgeMode: "Directly" },
        { fromCluster: "cluster2", purgeMode: "Directly" },
        { fromCluster: "cluster3", purgeMode: "Gracefully" },
      ],
      want: ["cluster1", "cluster2"],
    },
    { name: "Empty GracefulEvictionTasks", tasks: [], want: [] },
  ] as { name: string; tasks: { fromCluster: string; purgeMode: string }[]; want: string[] }[])("TestObtainClustersWithPurgeModeDirectly: $name", ({ tasks, want }) => {
    expect(directlyEvictedClusters(spec({ gracefulEvictionTasks: tasks.map((t) => ({ ...t, reason: "", producer: "" })) as never }))).toEqual(want);
  });

  it("eviction-task clusters keep their Work but get none rendered (ensureWork renders mergeTargetClusters only)", () => {
    const b = spec({ clusters: [{ name: "member1", replicas: 2 }], gracefulEvictionTasks: [{ fromCluster: "member4", reason: "", producer: "", replicas: 1 }] });
    expect(mergeTargetClusters(b).map((t) => t.name)).toEqual(["member1"]);
    expect(targetClusters(b).map((t) => t.name)).toEqual(["member1", "member4"]);
  });
});
