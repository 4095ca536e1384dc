import { afterEach, describe, expect, it } from "vitest";
import type { KubeObject } from "../../kube/types";
import type { PropagationPolicy, ResourceBinding } from "../../kube/karmada";
import { ResourceRegistry } from "../../kube/resources/registry";
import { controlPlaneDescriptors } from "../../kube/resources";
import { createTestEnv, type TestEnv } from "../runtime/test-env";
import { BINDING_API_VERSION } from "../binding/binding-meta";
import { POLICY_API, type DetectorContext } from "./context";
import { reconcileTemplate } from "./template-reconcile";
import { TemplateWatcher } from "./template-watcher";

const deploy: KubeObject = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "default", uid: "u1" }, spec: { replicas: 1, template: { spec: { containers: [{ name: "c", image: "nginx:1" }] } } } };
const policy = {
  apiVersion: POLICY_API,
  kind: "PropagationPolicy",
  metadata: { name: "p", namespace: "default", labels: { "propagationpolicy.karmada.io/permanent-id": "pp-id" } },
  spec: { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment" }], placement: { clusterAffinity: { clusterNames: ["m1"] } } },
} as PropagationPolicy;

let env: TestEnv;
let watcher: TemplateWatcher;
afterEach(async () => {
  watcher?.stop();
  await env?.stop();
});

const ref = { apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "web" };
const template = async () => (await env.client.get<KubeObject>("apps/v1", "Deployment", "default", "web"))!;
const binding = async () => (await env.client.get<ResourceBinding>(BINDING_API_VERSION, "ResourceBinding", "default", "web-deployment"))!;

async function setup(objects: KubeObject[]): Promise<DetectorContext> {
  env = await createTestEnv({
    objects,
    watches: [
      { apiVersion: "apps/v1", kind: "Deployment" },
      { apiVersion: POLICY_API, kind: "PropagationPolicy" },
      { apiVersion: POLICY_API, kind: "ClusterPropagationPolicy" },
      { apiVersion: BINDING_API_VERSION, kind: "ResourceBinding" },
    ],
  });
  watcher = new TemplateWatcher(new ResourceRegistry(controlPlaneDescriptors()), env.informers, () => {});
  watcher.start();
  return { client: env.client, informers: env.informers, events: env.events, templates: watcher, enqueue: () => {}, preemption: true };
}

async function run(ctx: DetectorContext) {
  await reconcileTemplate(ctx, ref);
  await env.settle();
}

describe("reconcileTemplate on a restarted detector", () => {
  it("leaves a binding whose recorded resourceVersion is behind only by status writes, and refreshes it on a spec change", async () => {
    let ctx = await setup([deploy, policy]);
    await run(ctx);
    const created = await binding();
    expect(created.spec.resource.resourceVersion).toBe((await template()).metadata.resourceVersion);

    // Status written back to the template moves its resourceVersion; then the plane restarts.
    const t = await template();
    t.status = { readyReplicas: 1 };
    await env.client.updateStatus(t);
    const objects = [...(await env.client.list<KubeObject>("apps/v1", "Deployment")).items, policy, created];
    watcher.stop();
    await env.stop();
    ctx = await setup(objects);
    env.client.resetWrites();
    await run(ctx);
    expect(env.client.writes).toEqual([]);

    // A spec change after the start is written through.
    const changed = await template();
    (changed.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0].image = "nginx:2";
    await env.client.update(changed);
    await env.settle();
    await run(ctx);
    expect((await binding()).spec.resource.resourceVersion).toBe((await template()).metadata.resourceVersion);
  });

  it("drops the change mark of a template no policy selects (marks must not pile up)", async () => {
    const ctx = await setup([deploy]);
    const t = await template();
    (t.spec as { replicas: number }).replicas = 2;
    await env.client.update(t);
    await env.settle();
    const now = await template();
    expect(watcher.hasChanged(now)).toBe(true);
    await run(ctx);
    expect(watcher.hasChanged(now)).toBe(false);
  });
});
