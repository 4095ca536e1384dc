import { afterEach, describe, expect, it } from "vitest";
import type { KubeObject } from "../../kube/types";
import type { PropagationPolicy, ResourceBinding } from "../../kube/karmada";
import { ResourceRegistry } from "../../kube/resources/registry";
import { controlPlaneDescriptors } from "../../kube/resources";
import { createTestEnv, type TestEnv } from "../runtime/test-env";
import { BINDING_API_VERSION } from "../binding/binding-meta";
import { POLICY_API, type DetectorContext } from "./context";
import { reconcileTemplate } from "./template-reconcile";
import { applyPolicyMessage, preemptionMessage } from "./reasons";
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

describe("detector Events (Karmada's messages)", () => {
  const cpp = { ...policy, kind: "ClusterPropagationPolicy", metadata: { name: "cp", labels: { "clusterpropagationpolicy.karmada.io/permanent-id": "cpp-id" } } } as PropagationPolicy;

  it("ApplyPolicySucceed names a PropagationPolicy as policy(ns/name)", async () => {
    const ctx = await setup([deploy, policy]);
    await run(ctx);
    expect(env.events.events.map((e) => [e.kind, e.type, e.reason, e.message])).toEqual([
      ["Deployment", "Normal", "GetReplicasSucceed", "Get replicas of resource template successfully."],
      ["Deployment", "Normal", "ApplyPolicySucceed", "Apply policy(default/p) succeed"],
    ]);
  });

  it("ApplyPolicySucceed names a ClusterPropagationPolicy as cluster policy(name)", async () => {
    const ctx = await setup([deploy, cpp]);
    await run(ctx);
    expect(env.events.events.map((e) => [e.reason, e.message]).filter((e) => e[0] === "ApplyPolicySucceed")).toEqual([["ApplyPolicySucceed", "Apply cluster policy(cp) succeed"]]);
  });

  it("a preempting PropagationPolicy records PreemptPolicySucceed once its claim is written", async () => {
    const ctx = await setup([deploy, cpp]);
    await run(ctx);
    const preemptor = {
      ...policy,
      metadata: { ...policy.metadata, name: "strong", labels: { "propagationpolicy.karmada.io/permanent-id": "strong-id" } },
      spec: { ...policy.spec, preemption: "Always", resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web" }] },
    } as PropagationPolicy;
    await env.client.create(preemptor);
    await env.settle();
    env.events.events.length = 0;
    await run(ctx);
    expect(env.events.events.map((e) => [e.type, e.reason, e.message])).toEqual([
      ["Normal", "PreemptPolicySucceed", "Propagation policy(default/strong) preempted cluster propagation policy(cp) successfully"],
      ["Normal", "GetReplicasSucceed", "Get replicas of resource template successfully."],
      ["Normal", "ApplyPolicySucceed", "Apply policy(default/strong) succeed"],
    ]);
  });
});

describe("detector message builders", () => {
  const pp = (name: string) => ({ kind: "PropagationPolicy", metadata: { namespace: "ns", name } });
  const cp = (name: string) => ({ kind: "ClusterPropagationPolicy", metadata: { name } });
  it("word every preemption pair as Karmada does", () => {
    expect(preemptionMessage(pp("a"), pp("b"))).toBe("Propagation policy(ns/a) preempted propagation policy(ns/b) successfully");
    expect(preemptionMessage(cp("a"), cp("b"))).toBe("Cluster propagation policy(a) preempted cluster propagation policy(b) successfully");
    expect(preemptionMessage(pp("a"), cp("b"), new Error("conflict"))).toBe("Propagation policy(ns/a) failed to preempt cluster propagation policy(b): conflict");
    expect(preemptionMessage(cp("a"), cp("b"), new Error("x"))).toBe("Cluster propagation policy(a) failed to preempt cluster propagation policy(b): x");
  });
  it("word ApplyPolicy failures as Karmada does", () => {
    expect(applyPolicyMessage(pp("a"), new Error("boom"))).toBe("Apply policy(ns/a) failed: boom");
    expect(applyPolicyMessage(cp("a"), new Error("boom"))).toBe("Apply cluster policy(a) failed: boom");
  });
});
