import { afterEach, describe, expect, it } from "vitest";
import type { KubeObject } from "../../lib/kube/types";
import type { ResourceBinding, Work } from "../../lib/kube/karmada";
import { deployment, eventually, propagationPolicy, startHarness, type Harness } from "./harness";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const memberGet = (name: string, cluster: string, kind = "Deployment", apiVersion = "apps/v1") => h!.members[cluster].client.get(apiVersion, kind, "default", name);

describe("propagation end to end (in-process members)", () => {
  it("propagates a Deployment to the chosen clusters with overrides, and deletion leaves nothing behind", async () => {
    h = await startHarness(["member1", "member2", "member3"]);
    const c = h.client;
    await c.create(deployment("nginx", 2));
    await c.create(propagationPolicy("nginx-propagation", { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: "nginx" }], placement: { clusterAffinity: { clusterNames: ["member1", "member2"] } } }));
    await c.create({
      apiVersion: "policy.karmada.io/v1alpha1",
      kind: "OverridePolicy",
      metadata: { name: "example", namespace: "default" },
      spec: {
        resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: "nginx" }],
        overrideRules: [{ targetCluster: { clusterNames: ["member1"] }, overriders: { labelsOverrider: [{ operator: "add", value: { env: "skoala-dev" } }], imageOverrider: [{ component: "Registry", operator: "replace", value: "registry.example.io" }] } }],
      },
    });
    const m1 = await eventually(async () => {
      const d = await memberGet("nginx", "member1");
      return d?.metadata.labels?.env === "skoala-dev" ? d : undefined;
    });
    expect((m1.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0].image).toBe("registry.example.io/nginx");
    expect(m1.metadata.labels?.["karmada.io/managed"]).toBe("true");
    expect(m1.metadata.annotations?.["work.karmada.io/conflict-resolution"]).toBe("abort");
    const m2 = await eventually(() => memberGet("nginx", "member2"));
    expect(m2.metadata.labels?.env).toBeUndefined();
    expect(await memberGet("nginx", "member3")).toBeUndefined();
    const rb = await eventually(async () => {
      const b = await c.get<ResourceBinding>("work.karmada.io/v1alpha2", "ResourceBinding", "default", "nginx-deployment");
      return b?.status?.conditions?.some((x) => x.type === "FullyApplied" && x.status === "True") ? b : undefined;
    });
    expect(rb.status?.aggregatedStatus?.map((i) => i.clusterName)).toEqual(["member1", "member2"]);
    const tpl = (await c.get("apps/v1", "Deployment", "default", "nginx"))!;
    expect(tpl.metadata.labels?.["propagationpolicy.karmada.io/permanent-id"]).toBeTruthy();

    await c.delete({ apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "nginx" });
    await eventually(async () => !(await memberGet("nginx", "member1")) && !(await memberGet("nginx", "member2")));
    await eventually(async () => (await c.list<Work>("work.karmada.io/v1alpha1", "Work")).items.length === 0);
    await eventually(async () => !(await c.get("work.karmada.io/v1alpha2", "ResourceBinding", "default", "nginx-deployment")));
  });

  it("conflictResolution: Abort refuses an unmanaged object, Overwrite takes it over", async () => {
    h = await startHarness(["member1"]);
    const c = h.client;
    await h.members.member1.client.create(deployment("web", 1));
    await c.create(deployment("web", 3));
    await c.create(propagationPolicy("web", { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web" }], placement: { clusterAffinity: { clusterNames: ["member1"] } } }));
    const work = await eventually(async () => {
      const ws = (await c.list<Work>("work.karmada.io/v1alpha1", "Work", { namespace: "karmada-es-member1" })).items;
      return ws.find((w) => w.status?.conditions?.some((x) => x.type === "Applied" && x.status === "False"));
    });
    expect(work.status?.conditions?.find((x) => x.type === "Applied")?.message).toContain("Karmada will not manage this resource");
    expect((await memberGet("web", "member1"))!.metadata.labels?.["karmada.io/managed"]).toBeUndefined();
    const pp = (await c.get<KubeObject>("policy.karmada.io/v1alpha1", "PropagationPolicy", "default", "web"))!;
    (pp.spec as Record<string, unknown>).conflictResolution = "Overwrite";
    await c.update(pp);
    const taken = await eventually(async () => {
      const d = await memberGet("web", "member1");
      return d?.metadata.labels?.["karmada.io/managed"] === "true" ? d : undefined;
    });
    expect((taken.spec as { replicas: number }).replicas).toBe(3);
  });

  it("corrects drift and recreates deleted member objects; a member down and back converges", async () => {
    h = await startHarness(["member1"]);
    const c = h.client;
    await c.create(deployment("drift", 2));
    await c.create(propagationPolicy("drift", { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment" }], placement: { clusterAffinity: { clusterNames: ["member1"] } } }));
    const live = await eventually(() => memberGet("drift", "member1"));
    (live.spec as { replicas: number }).replicas = 7;
    await h.members.member1.client.update(live);
    await eventually(async () => ((await memberGet("drift", "member1"))?.spec as { replicas: number }).replicas === 2);
    await h.members.member1.client.delete({ apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "drift" });
    await eventually(() => memberGet("drift", "member1"));

    h.down.add("member1");
    await h.setReady("member1", false);
    const tpl = (await c.get("apps/v1", "Deployment", "default", "drift"))!;
    (tpl.spec as { replicas: number }).replicas = 4;
    await c.update(tpl);
    await new Promise((r) => setTimeout(r, 500));
    h.down.delete("member1");
    await h.setReady("member1", true);
    await eventually(async () => ((await memberGet("drift", "member1"))?.spec as { replicas: number }).replicas === 4, 20_000);
  });

  it("policy deletion keeps member objects and removes the claim", async () => {
    h = await startHarness(["member1"]);
    const c = h.client;
    await c.create(deployment("keep", 1));
    await c.create(propagationPolicy("keep", { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: "keep" }], placement: { clusterAffinity: { clusterNames: ["member1"] } } }));
    await eventually(() => memberGet("keep", "member1"));
    await c.delete({ apiVersion: "policy.karmada.io/v1alpha1", kind: "PropagationPolicy", namespace: "default", name: "keep" });
    await eventually(async () => !(await c.get("apps/v1", "Deployment", "default", "keep"))?.metadata.labels?.["propagationpolicy.karmada.io/permanent-id"]);
    await eventually(async () => !(await c.get("policy.karmada.io/v1alpha1", "PropagationPolicy", "default", "keep")));
    expect(await memberGet("keep", "member1")).toBeDefined();
  });

  it("propagateDeps sends the referenced ConfigMap with the Deployment", async () => {
    h = await startHarness(["member1"]);
    const c = h.client;
    await c.create({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "app-config", namespace: "default" }, data: { a: "b" } });
    const d = deployment("withdeps", 1);
    (d.spec as { template: { spec: { volumes?: unknown[] } } }).template.spec.volumes = [{ name: "cfg", configMap: { name: "app-config" } }];
    await c.create(d);
    await c.create(propagationPolicy("withdeps", { propagateDeps: true, resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: "withdeps" }], placement: { clusterAffinity: { clusterNames: ["member1"] } } }));
    await eventually(() => memberGet("withdeps", "member1"));
    const cm = await eventually(() => memberGet("app-config", "member1", "ConfigMap", "v1"));
    expect(cm.metadata.labels?.["karmada.io/managed"]).toBe("true");
  });
});
