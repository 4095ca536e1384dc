import { afterEach, describe, expect, it } from "vitest";
import type { KubeObject } from "../../kube/types";
import type { ResourceBinding, Work } from "../../kube/karmada";
import { CLUSTER_API_VERSION, POLICY_API_VERSION, WORK_V1ALPHA1 } from "../../kube/karmada";
import { createTestEnv, type TestEnv } from "../runtime/test-env";
import { noopLogger } from "../runtime/log";
import { bindingController } from "./binding-controller";
import { BINDING_API_VERSION, FINALIZER_BINDING } from "./binding-meta";

const WATCHES = [
  { apiVersion: BINDING_API_VERSION, kind: "ResourceBinding" },
  { apiVersion: WORK_V1ALPHA1, kind: "Work" },
  { apiVersion: POLICY_API_VERSION, kind: "OverridePolicy" },
  { apiVersion: POLICY_API_VERSION, kind: "ClusterOverridePolicy" },
  { apiVersion: CLUSTER_API_VERSION, kind: "Cluster" },
];

const template: KubeObject = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "default", uid: "tpl-uid", generation: 1 },
  spec: { replicas: 4, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx" }] } } },
};

function binding(clusters: { name: string; replicas: number }[], extra: Partial<ResourceBinding["metadata"]> = {}): ResourceBinding {
  return {
    apiVersion: BINDING_API_VERSION,
    kind: "ResourceBinding",
    metadata: { name: "web-deployment", namespace: "default", labels: { "resourcebinding.karmada.io/permanent-id": "rb-id" }, finalizers: [FINALIZER_BINDING], ...extra },
    spec: { resource: { apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "web", uid: "tpl-uid" }, replicas: 4, clusters, placement: { replicaScheduling: { replicaSchedulingType: "Divided" } } },
  } as ResourceBinding;
}

const overridePolicy: KubeObject = {
  apiVersion: POLICY_API_VERSION,
  kind: "OverridePolicy",
  metadata: { name: "op", namespace: "default" },
  spec: { overrideRules: [{ targetCluster: { clusterNames: ["m2"] }, overriders: { labelsOverrider: [{ operator: "add", value: { env: "m2" } }] } }] },
} as KubeObject;

let env: TestEnv;
afterEach(async () => env?.stop());

const clusterObj = (name: string): KubeObject => ({ apiVersion: CLUSTER_API_VERSION, kind: "Cluster", metadata: { name }, spec: {} }) as KubeObject;

async function reconcile(objects: KubeObject[], clusterNames = ["m1", "m2"]) {
  env = await createTestEnv({ objects: [...objects, ...clusterNames.map(clusterObj)], watches: WATCHES });
  const def = bindingController("ResourceBinding")({ client: env.client, informers: env.informers, events: env.events, log: noopLogger, clock: env.clock });
  const run = async () => {
    let err: unknown;
    await def.reconcile({ namespace: "default", name: "web-deployment" }, env.ctx()).catch((e) => (err = e));
    await env.settle();
    return err;
  };
  return run;
}

const works = async () => (await env.client.list<Work>(WORK_V1ALPHA1, "Work")).items.sort((a, b) => (a.metadata.namespace ?? "").localeCompare(b.metadata.namespace ?? ""));
const replicasIn = (w: Work) => (w.spec.workload!.manifests![0].spec as { replicas: number }).replicas;

describe("binding controller reconcile", () => {
  it.each([
    { name: "one Work per target cluster with its replica share", clusters: [{ name: "m1", replicas: 1 }, { name: "m2", replicas: 3 }], ops: [], want: [["karmada-es-m1", 1, undefined], ["karmada-es-m2", 3, undefined]] },
    { name: "overrides apply only to the targeted cluster", clusters: [{ name: "m1", replicas: 2 }, { name: "m2", replicas: 2 }], ops: [overridePolicy], want: [["karmada-es-m1", 2, undefined], ["karmada-es-m2", 2, "m2"]] },
    { name: "no target clusters, no Works", clusters: [], ops: [], want: [] },
  ])("$name", async ({ clusters, ops, want }) => {
    const run = await reconcile([template, binding(clusters), ...ops]);
    expect(await run()).toBeUndefined();
    const got = (await works()).map((w) => [w.metadata.namespace, replicasIn(w), w.spec.workload!.manifests![0].metadata.labels?.env]);
    expect(got).toEqual(want);
    for (const w of await works()) expect(w.metadata.labels?.["resourcebinding.karmada.io/permanent-id"]).toBe("rb-id");
    if (want.length) expect(env.events.events.map((e) => e.reason)).toContain("SyncWorkSucceed");
  });

  it("records Karmada's Events: override applied per cluster on the template, Work sync on binding and template", async () => {
    const run = await reconcile([template, binding([{ name: "m1", replicas: 2 }, { name: "m2", replicas: 2 }]), overridePolicy]);
    await run();
    expect(env.events.events.map((e) => [e.kind, e.type, e.reason, e.message])).toEqual([
      ["Deployment", "Normal", "ApplyOverridePolicySucceed", "Apply override policy(default/op) for cluster(m2) succeed."],
      ["ResourceBinding", "Normal", "SyncWorkSucceed", "Sync work of ResourceBinding(default/web-deployment) successful."],
      ["Deployment", "Normal", "SyncWorkSucceed", "Sync work of ResourceBinding(default/web-deployment) successful."],
    ]);
  });

  it("is idempotent: a second reconcile writes nothing", async () => {
    const run = await reconcile([template, binding([{ name: "m1", replicas: 2 }, { name: "m2", replicas: 2 }]), overridePolicy]);
    await run();
    env.client.resetWrites();
    await run();
    expect(env.client.writes).toEqual([]);
  });

  it("removes the Work of a cluster that left the placement", async () => {
    const run = await reconcile([template, binding([{ name: "m1", replicas: 2 }, { name: "m2", replicas: 2 }])]);
    await run();
    const b = (await env.client.get<ResourceBinding>(BINDING_API_VERSION, "ResourceBinding", "default", "web-deployment"))!;
    b.spec.clusters = [{ name: "m1", replicas: 4 }];
    await env.client.update(b);
    await env.settle();
    await run();
    const left = await works();
    expect(left.filter((w) => !w.metadata.deletionTimestamp).map((w) => [w.metadata.namespace, replicasIn(w)])).toEqual([["karmada-es-m1", 4]]);
  });

  it("a rule that cannot apply: condition False, Warning Events, error returned for retry, no Work for that cluster", async () => {
    const bad = structuredClone(overridePolicy);
    (bad as unknown as { spec: { overrideRules: unknown[] } }).spec.overrideRules = [{ targetCluster: { clusterNames: ["m2"] }, overriders: { plaintext: [{ path: "/spec/missing/deep", operator: "replace", value: 1 }] } }];
    const run = await reconcile([template, binding([{ name: "m1", replicas: 2 }, { name: "m2", replicas: 2 }]), bad]);
    expect(await run()).toBeInstanceOf(Error);
    expect((await works()).map((w) => w.metadata.namespace)).toEqual(["karmada-es-m1"]);
    const b = (await env.client.get<ResourceBinding>(BINDING_API_VERSION, "ResourceBinding", "default", "web-deployment"))!;
    expect(b.status?.conditions?.find((c) => c.type === "OverridesApplied")).toMatchObject({ status: "False", reason: "ApplyOverridePolicyFailed" });
    // As Karmada: the failed policy on the template, then SyncWorkFailed (not Succeed) on binding and template.
    const evs = env.events.events.map((e) => [e.kind, e.type, e.reason, e.message]);
    expect(evs.filter((e) => e[2] === "ApplyOverridePolicyFailed")).toEqual([["Deployment", "Warning", "ApplyOverridePolicyFailed", "Apply override policy(default/op) for cluster(m2) failed."]]);
    expect(evs.filter((e) => e[2] === "SyncWorkFailed").map((e) => e.slice(0, 3))).toEqual([["ResourceBinding", "Warning", "SyncWorkFailed"], ["Deployment", "Warning", "SyncWorkFailed"]]);
    expect(evs.filter((e) => e[2] === "SyncWorkSucceed")).toEqual([]);
  });

  it("a binding being deleted: its Works are deleted and the finalizer removed", async () => {
    const run = await reconcile([template, binding([{ name: "m1", replicas: 4 }])]);
    await run();
    await env.client.delete({ apiVersion: BINDING_API_VERSION, kind: "ResourceBinding", namespace: "default", name: "web-deployment" });
    await env.settle();
    await run();
    expect(await env.client.get(BINDING_API_VERSION, "ResourceBinding", "default", "web-deployment")).toBeUndefined();
    expect((await works()).every((w) => w.metadata.deletionTimestamp)).toBe(true);
    // Karmada records nothing for the Works it deletes with the binding.
    expect(env.events.events.filter((e) => e.reason.startsWith("Cleanup"))).toEqual([]);
  });

  // Karmada binding_controller.go syncBinding / ensureWork (binding_controller_test.go covers the paths).
  it("a Work left in a cluster evicted with purgeMode Directly: orphan deleted, nothing synced, look again in 5 s", async () => {
    const run = await reconcile([template, binding([{ name: "m1", replicas: 2 }, { name: "m2", replicas: 2 }])]);
    await run();
    const b = (await env.client.get<ResourceBinding>(BINDING_API_VERSION, "ResourceBinding", "default", "web-deployment"))!;
    b.spec.clusters = [{ name: "m1", replicas: 4 }];
    b.spec.gracefulEvictionTasks = [{ fromCluster: "m2", purgeMode: "Directly", reason: "r", producer: "p" }];
    await env.client.update(b);
    await env.settle();
    env.client.resetWrites();
    const def = bindingController("ResourceBinding")({ client: env.client, informers: env.informers, events: env.events, log: noopLogger, clock: env.clock });
    const res = await def.reconcile({ namespace: "default", name: "web-deployment" }, env.ctx());
    expect(res).toEqual({ requeueAfterMs: 5000 });
    // Only the orphan's deletion; the Work in m1 still has its old 2 replicas.
    expect(env.client.writes.map((w) => w.verb)).toEqual(["delete"]);
    expect((await works()).find((w) => w.metadata.namespace === "karmada-es-m1")!.spec.workload!.manifests![0].spec).toMatchObject({ replicas: 2 });
  });

  it("a cluster kept by a graceful eviction task keeps its Work as it was (not re-rendered)", async () => {
    const run = await reconcile([template, binding([{ name: "m1", replicas: 2 }, { name: "m2", replicas: 2 }])]);
    await run();
    const b = (await env.client.get<ResourceBinding>(BINDING_API_VERSION, "ResourceBinding", "default", "web-deployment"))!;
    b.spec.clusters = [{ name: "m1", replicas: 4 }];
    b.spec.gracefulEvictionTasks = [{ fromCluster: "m2", reason: "r", producer: "p", replicas: 1 }];
    await env.client.update(b);
    await env.settle();
    await run();
    expect((await works()).map((w) => [w.metadata.namespace, replicasIn(w), !!w.metadata.deletionTimestamp])).toEqual([["karmada-es-m1", 4, false], ["karmada-es-m2", 2, false]]);
  });

  // Karmada ctrlutil/work_test.go TestCreateOrUpdateWork "error when work is being deleted".
  it("a Work being deleted in a target cluster is not updated: error 'work ns/name is being deleted', retried", async () => {
    const run = await reconcile([template, binding([{ name: "m1", replicas: 4 }])]);
    await run();
    const w = (await works())[0];
    await env.client.delete({ apiVersion: WORK_V1ALPHA1, kind: "Work", namespace: w.metadata.namespace, name: w.metadata.name ?? "" });
    const b = (await env.client.get<ResourceBinding>(BINDING_API_VERSION, "ResourceBinding", "default", "web-deployment"))!;
    b.spec.clusters = [{ name: "m1", replicas: 3 }];
    await env.client.update(b);
    await env.settle();
    const err = await run();
    expect(String(err)).toContain(`work karmada-es-m1/${w.metadata.name} is being deleted`);
    expect(replicasIn((await works())[0])).toBe(4);
  });

  it("a target cluster without a Cluster object gets no Work: error, the other clusters still synced (ApplyOverridePolicies reads the Cluster first)", async () => {
    const run = await reconcile([template, binding([{ name: "m1", replicas: 2 }, { name: "gone", replicas: 2 }])]);
    expect(String(await run())).toContain('clusters.cluster.karmada.io "gone" not found');
    expect((await works()).map((w) => w.metadata.namespace)).toEqual(["karmada-es-m1"]);
    expect(env.events.events.filter((e) => e.reason === "SyncWorkFailed").map((e) => e.message)).toEqual(['clusters.cluster.karmada.io "gone" not found', 'clusters.cluster.karmada.io "gone" not found']);
  });
});
