import { afterEach, describe, expect, it } from "vitest";
import type { KubeObject } from "../../kube/types";
import type { ResourceBinding, Work } from "../../kube/karmada";
import { WORK_V1ALPHA1 } from "../../kube/karmada";
import { createTestEnv, type TestEnv } from "../runtime/test-env";
import { noopLogger } from "../runtime/log";
import { BINDING_API_VERSION } from "../binding/binding-meta";
import { bindingAggregatedMessage, bindingStatusController } from "./binding-status-controller";

const template: KubeObject = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "default", uid: "tpl", generation: 1 }, spec: { replicas: 4 } };
const binding: ResourceBinding = {
  apiVersion: BINDING_API_VERSION,
  kind: "ResourceBinding",
  metadata: { name: "web-deployment", namespace: "default", labels: { "resourcebinding.karmada.io/permanent-id": "rb" }, generation: 2 },
  spec: { resource: { apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "web", uid: "tpl" }, replicas: 4, clusters: [{ name: "m1", replicas: 2 }, { name: "m2", replicas: 2 }] },
} as ResourceBinding;

function work(cluster: string, applied: boolean | undefined, ready: number): Work {
  return {
    apiVersion: WORK_V1ALPHA1,
    kind: "Work",
    metadata: { name: "web-abc", namespace: `karmada-es-${cluster}`, labels: { "resourcebinding.karmada.io/permanent-id": "rb" }, annotations: { "resourcebinding.karmada.io/name": "web-deployment", "resourcebinding.karmada.io/namespace": "default" } },
    spec: { workload: { manifests: [{ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "default" } }] } },
    status: {
      ...(applied === undefined ? {} : { conditions: [{ type: "Applied", status: applied ? "True" : "False", reason: applied ? "AppliedSuccessful" : "AppliedFailed", message: "", lastTransitionTime: "2025-01-01T00:00:00Z" }] }),
      manifestStatuses: [{ identifier: { ordinal: 0, group: "apps", version: "v1", kind: "Deployment", resource: "deployments", namespace: "default", name: "web" }, status: { replicas: 2, readyReplicas: ready, availableReplicas: ready, updatedReplicas: 2, observedGeneration: 1 }, health: ready === 2 ? "Healthy" : "Unhealthy" }],
    },
  } as Work;
}

let env: TestEnv;
afterEach(async () => env?.stop());

async function setup(objects: KubeObject[]) {
  env = await createTestEnv({ objects, watches: [{ apiVersion: BINDING_API_VERSION, kind: "ResourceBinding" }, { apiVersion: WORK_V1ALPHA1, kind: "Work" }] });
  const def = bindingStatusController("ResourceBinding")({ client: env.client, informers: env.informers, events: env.events, log: noopLogger, clock: env.clock });
  return async () => {
    await def.reconcile({ namespace: "default", name: "web-deployment" }, env.ctx());
    await env.settle();
  };
}

describe("binding status controller reconcile", () => {
  it.each([
    { name: "all applied and ready", works: [work("m1", true, 2), work("m2", true, 2)], fully: "True", ready: 4 },
    { name: "one Work not applied", works: [work("m1", true, 2), work("m2", false, 0)], fully: "False", ready: 2 },
    { name: "one Work missing", works: [work("m1", true, 1)], fully: "False", ready: 1 },
  ])("$name", async ({ works, fully, ready }) => {
    const run = await setup([template, binding, ...works]);
    await run();
    const b = (await env.client.get<ResourceBinding>(BINDING_API_VERSION, "ResourceBinding", "default", "web-deployment"))!;
    expect(b.status?.conditions?.find((c) => c.type === "FullyApplied")?.status).toBe(fully);
    expect(b.status?.aggregatedStatus?.map((i) => i.clusterName)).toEqual(works.map((w) => w.metadata.namespace!.replace("karmada-es-", "")));
    const t = (await env.client.get("apps/v1", "Deployment", "default", "web"))!;
    expect((t.status as { readyReplicas?: number }).readyReplicas).toBe(ready);
  });

  it("records Karmada's AggregateStatusSucceed on the binding and the template when their status is written", async () => {
    const run = await setup([template, binding, work("m1", true, 2), work("m2", true, 2)]);
    await run();
    await run();
    expect(env.events.events.map((e) => [e.kind, e.type, e.reason, e.message])).toEqual([
      ["ResourceBinding", "Normal", "AggregateStatusSucceed", "Update ResourceBinding(default/web-deployment) with AggregatedStatus successfully."],
      ["Deployment", "Normal", "AggregateStatusSucceed", "Update Resource with AggregatedStatus successfully."],
    ]);
  });

  it("is idempotent: a second reconcile writes nothing", async () => {
    const run = await setup([template, binding, work("m1", true, 2), work("m2", true, 1)]);
    await run();
    env.client.resetWrites();
    await run();
    expect(env.client.writes).toEqual([]);
  });

  it("paces rollout progress per binding; all Healthy goes out at once", async () => {
    env = await createTestEnv({ objects: [template, binding, work("m1", true, 0), work("m2", true, 0)], watches: [{ apiVersion: BINDING_API_VERSION, kind: "ResourceBinding" }, { apiVersion: WORK_V1ALPHA1, kind: "Work" }] });
    const def = bindingStatusController("ResourceBinding", 2000)({ client: env.client, informers: env.informers, events: env.events, log: noopLogger, clock: env.clock });
    const run = async () => {
      const r = await def.reconcile({ namespace: "default", name: "web-deployment" }, env.ctx());
      await env.settle();
      return r;
    };
    const ready = async (cluster: string, n: number) => {
      await env.client.updateStatus(work(cluster, true, n));
      await env.settle();
    };
    const bindingWrites = () => env.client.writes.filter((w) => w.kind === "ResourceBinding").length;
    const readyIn = async () => (await env.client.get<ResourceBinding>(BINDING_API_VERSION, "ResourceBinding", "default", "web-deployment"))!.status?.aggregatedStatus?.map((i) => (i.status as { readyReplicas: number }).readyReplicas);
    await run();
    expect(await readyIn()).toEqual([0, 0]);
    // Progress within the interval: held (requeued for the rest of it), nothing written.
    await ready("m1", 1);
    await env.clock.advance(500);
    env.client.resetWrites();
    expect(await run()).toEqual({ requeueAfterMs: 1500 });
    expect(env.client.writes).toEqual([]);
    // Once the interval passed, the state of that moment goes out.
    await ready("m1", 2);
    await env.clock.advance(1500);
    expect(await run()).toBeUndefined();
    expect(bindingWrites()).toBe(1);
    expect(await readyIn()).toEqual([2, 0]);
    // Everything Healthy is written at once, inside the interval.
    await ready("m2", 2);
    await env.clock.advance(100);
    expect(await run()).toBeUndefined();
    expect(bindingWrites()).toBe(2);
    expect(await readyIn()).toEqual([2, 2]);
  });

  it("writes a regression (Healthy turning Unhealthy) at once", async () => {
    env = await createTestEnv({ objects: [template, binding, work("m1", true, 2), work("m2", true, 0)], watches: [{ apiVersion: BINDING_API_VERSION, kind: "ResourceBinding" }, { apiVersion: WORK_V1ALPHA1, kind: "Work" }] });
    const def = bindingStatusController("ResourceBinding", 2000)({ client: env.client, informers: env.informers, events: env.events, log: noopLogger, clock: env.clock });
    await def.reconcile({ namespace: "default", name: "web-deployment" }, env.ctx());
    await env.settle();
    await env.client.updateStatus(work("m1", true, 1));
    await env.settle();
    env.client.resetWrites();
    expect(await def.reconcile({ namespace: "default", name: "web-deployment" }, env.ctx())).toBeUndefined();
    expect(env.client.writes.filter((w) => w.kind === "ResourceBinding")).toHaveLength(1);
  });
});

describe("bindingAggregatedMessage", () => {
  it("names the binding as Karmada does for each kind", () => {
    expect(bindingAggregatedMessage(binding)).toBe("Update ResourceBinding(default/web-deployment) with AggregatedStatus successfully.");
    const crb = { ...binding, kind: "ClusterResourceBinding", metadata: { name: "web-clusterrole" } } as ResourceBinding;
    expect(bindingAggregatedMessage(crb)).toBe("Update ClusterResourceBinding(web-clusterrole) with AggregatedStatus successfully.");
  });
});
