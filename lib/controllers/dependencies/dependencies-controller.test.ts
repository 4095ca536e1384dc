import { afterEach, describe, expect, it } from "vitest";
import type { KubeObject } from "../../kube/types";
import type { ResourceBinding } from "../../kube/karmada";
import { createTestEnv, type TestEnv } from "../runtime/test-env";
import { noopLogger } from "../runtime/log";
import { BINDING_API_VERSION } from "../binding/binding-meta";
import { attachedByLabelValues, dependedByLabel, dependenciesController } from "./dependencies-controller";

const WATCHES = [{ apiVersion: BINDING_API_VERSION, kind: "ResourceBinding" }];

const configMap: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg", namespace: "default", uid: "cm-uid", resourceVersion: "3" }, data: { a: "1" } };
const deployment = (name: string): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, namespace: "default", uid: `${name}-uid` },
  spec: { replicas: 1, template: { spec: { containers: [{ name: "c", image: "nginx" }], volumes: [{ name: "v", configMap: { name: "cfg" } }] } } },
});
const binding = (name: string, propagateDeps: boolean): ResourceBinding =>
  ({
    apiVersion: BINDING_API_VERSION,
    kind: "ResourceBinding",
    metadata: { name: `${name}-deployment`, namespace: "default", labels: { "resourcebinding.karmada.io/permanent-id": `${name}-id` } },
    spec: { resource: { apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name, uid: `${name}-uid` }, propagateDeps, clusters: [{ name: "m1" }], placement: {} },
  }) as ResourceBinding;

let env: TestEnv;
afterEach(async () => env?.stop());

async function setup(objects: KubeObject[]) {
  env = await createTestEnv({ objects, watches: WATCHES });
  const def = dependenciesController()({ client: env.client, informers: env.informers, events: env.events, log: noopLogger, clock: env.clock });
  return async (name: string) => {
    await def.reconcile({ namespace: "default", name: `${name}-deployment` }, env.ctx());
    await env.settle();
  };
}

const attached = () => env.client.get<ResourceBinding>(BINDING_API_VERSION, "ResourceBinding", "default", "cfg-configmap");

describe("dependencies distributor", () => {
  it("indexes a binding under each depended-by label it carries, and nothing else", () => {
    const label = dependedByLabel("default", "web-deployment");
    expect(attachedByLabelValues({ apiVersion: "v", kind: "K", metadata: { namespace: "default", labels: { [label]: "x", app: "y" } } })).toEqual([`default/${label}`]);
    expect(attachedByLabelValues({ apiVersion: "v", kind: "K", metadata: { namespace: "default", labels: { app: "y" } } })).toEqual([]);
  });

  it("attaches a dependency for each dependant, is idempotent, and detaches when propagateDeps goes", async () => {
    const run = await setup([configMap, deployment("web"), deployment("api"), binding("web", true), binding("api", true)]);
    await run("web");
    await run("api");
    expect((await attached())?.spec.requiredBy?.map((r) => r.name)).toEqual(["api-deployment", "web-deployment"]);
    env.client.resetWrites();
    await run("web");
    expect(env.client.writes).toEqual([]);
    const web = (await env.client.get<ResourceBinding>(BINDING_API_VERSION, "ResourceBinding", "default", "web-deployment"))!;
    web.spec.propagateDeps = false;
    await env.client.update(web);
    await env.settle();
    await run("web");
    const left = await attached();
    expect(left?.spec.requiredBy?.map((r) => r.name)).toEqual(["api-deployment"]);
    expect(left?.metadata.labels?.[dependedByLabel("default", "web-deployment")]).toBeUndefined();
    expect(left?.metadata.labels?.[dependedByLabel("default", "api-deployment")]).toBe("api-id");
  });

  it("records Karmada's Events when a pass attaches something, none on a pass that changes nothing", async () => {
    const run = await setup([configMap, deployment("web"), binding("web", true)]);
    await run("web");
    await run("web");
    expect(env.events.events.map((e) => [e.kind, e.type, e.reason, e.message])).toEqual([
      ["Deployment", "Normal", "GetDependenciesSucceed", "Get dependencies([{APIVersion:v1 Kind:ConfigMap Namespace:default Name:cfg LabelSelector:<nil>}]) succeed."],
      ["ResourceBinding", "Normal", "SyncScheduleResultToDependenciesSucceed", "Sync schedule results to dependencies succeed."],
    ]);
  });

  it("deletes an attached binding nobody requires any more", async () => {
    const run = await setup([configMap, deployment("web"), binding("web", true)]);
    await run("web");
    expect(await attached()).toBeDefined();
    await env.client.delete({ apiVersion: BINDING_API_VERSION, kind: "ResourceBinding", namespace: "default", name: "web-deployment" });
    await env.settle();
    await run("web");
    const left = await attached();
    expect(left === undefined || !!left.metadata.deletionTimestamp).toBe(true);
  });
});
