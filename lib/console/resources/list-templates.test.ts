import { describe, expect, it } from "vitest";
import { MemoryStorage } from "../../store/memory-storage";
import { ResourceRegistry } from "../../kube/resources/registry";
import { controlPlaneDescriptors } from "../../kube/resources";
import type { KubeObject } from "../../kube/types";
import type { ObjectClient } from "../../kube/client";
import { listTemplates } from "./list-templates";

const deployment = (ns: string, name: string, annotations?: Record<string, string>): KubeObject => ({ apiVersion: "apps/v1", kind: "Deployment", metadata: { namespace: ns, name, annotations }, spec: {} });

async function seed() {
  const storage = new MemoryStorage();
  const key = { group: "apps", resource: "deployments" };
  for (let i = 0; i < 7; i++) await storage.create(key, deployment("default", `web-${i}`));
  await storage.create(key, deployment("other", "api", { "propagationpolicy.karmada.io/name": "pp", "propagationpolicy.karmada.io/namespace": "other" }));
  await storage.create(key, deployment("karmada-es-m1", "hidden"));
  await storage.create({ group: "work.karmada.io", resource: "resourcebindings" }, {
    apiVersion: "work.karmada.io/v1alpha2",
    kind: "ResourceBinding",
    metadata: { namespace: "other", name: "api-deployment" },
    spec: { resource: { apiVersion: "apps/v1", kind: "Deployment", name: "api", namespace: "other" }, clusters: [{ name: "m1", replicas: 1 }] },
    status: { conditions: [{ type: "Scheduled", status: "True", reason: "Success", message: "", lastTransitionTime: "2025-01-01T00:00:00Z" }], aggregatedStatus: [{ clusterName: "m1", applied: true, health: "Healthy" }] },
  });
  return { storage, registry: new ResourceRegistry(controlPlaneDescriptors()), client: {} as ObjectClient };
}

describe("listTemplates", () => {
  it("pages through one namespace with continue tokens", async () => {
    const deps = await seed();
    const first = await listTemplates(deps, { kind: "deployments.apps", namespace: "default", limit: 5 });
    expect(first.items.map((r) => r.name)).toHaveLength(5);
    expect(first.continue).toBeTruthy();
    const second = await listTemplates(deps, { kind: "Deployment", namespace: "default", limit: 5, page: first.continue });
    expect(second.items).toHaveLength(2);
    expect(new Set([...first.items, ...second.items].map((r) => r.name)).size).toBe(7);
  });

  it("filters by name and skips reserved namespaces", async () => {
    const deps = await seed();
    const all = await listTemplates(deps, { kind: "Deployment", limit: 100 });
    expect(all.items.map((r) => r.name)).not.toContain("hidden");
    const found = await listTemplates(deps, { kind: "Deployment", search: "API" });
    expect(found.items.map((r) => `${r.namespace}/${r.name}`)).toEqual(["other/api"]);
  });

  it("joins each template with its binding", async () => {
    const deps = await seed();
    const page = await listTemplates(deps, { kind: "Deployment", namespace: "other" });
    expect(page.items[0].propagation).toMatchObject({ state: "Applying", bindingName: "api-deployment", policy: { name: "pp" }, clusters: [{ name: "m1", applied: true, health: "Healthy" }] });
    const plain = await listTemplates(deps, { kind: "Deployment", namespace: "default", limit: 1 });
    expect(plain.items[0].propagation.state).toBe("NotPropagated");
  });

  it("rejects unknown kinds with 400", async () => {
    const deps = await seed();
    await expect(listTemplates(deps, { kind: "Widget" })).rejects.toMatchObject({ status: { code: 400 } });
  });
});
