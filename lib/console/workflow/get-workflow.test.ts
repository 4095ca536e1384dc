import { describe, expect, it } from "vitest";
import { MemoryStorage } from "../../store/memory-storage";
import { ResourceRegistry } from "../../kube/resources/registry";
import { controlPlaneDescriptors } from "../../kube/resources";
import type { ObjectClient } from "../../kube/client";
import { workName } from "../../policies";
import { getWorkflow } from "./get-workflow";

const T = "2025-01-01T00:00:00Z";

async function seed(withWorks: boolean) {
  const storage = new MemoryStorage();
  await storage.create({ group: "apps", resource: "deployments" }, {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { namespace: "default", name: "web", annotations: { "propagationpolicy.karmada.io/name": "pp", "propagationpolicy.karmada.io/namespace": "default" } },
    spec: {},
  });
  await storage.create({ group: "policy.karmada.io", resource: "propagationpolicies" }, { apiVersion: "policy.karmada.io/v1alpha1", kind: "PropagationPolicy", metadata: { namespace: "default", name: "pp" }, spec: { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment" }] } });
  await storage.create({ group: "policy.karmada.io", resource: "overridepolicies" }, { apiVersion: "policy.karmada.io/v1alpha1", kind: "OverridePolicy", metadata: { namespace: "default", name: "op" }, spec: { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web" }] } });
  await storage.create({ group: "policy.karmada.io", resource: "overridepolicies" }, { apiVersion: "policy.karmada.io/v1alpha1", kind: "OverridePolicy", metadata: { namespace: "default", name: "other" }, spec: { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: "api" }] } });
  for (const c of ["m1", "m2"]) {
    await storage.create({ group: "cluster.karmada.io", resource: "clusters" }, { apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name: c }, spec: { syncMode: "Push" }, status: { conditions: [{ type: "Ready", status: c === "m2" ? "False" : "True", reason: c === "m2" ? "ClusterNotReachable" : "ClusterReady", message: "", lastTransitionTime: T }] } });
  }
  await storage.create({ group: "work.karmada.io", resource: "resourcebindings" }, {
    apiVersion: "work.karmada.io/v1alpha2",
    kind: "ResourceBinding",
    metadata: { namespace: "default", name: "web-deployment" },
    spec: { resource: { apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "web" }, clusters: [{ name: "m1", replicas: 1 }, { name: "m2", replicas: 1 }] },
    status: { conditions: [{ type: "Scheduled", status: "True", reason: "Success", message: "", lastTransitionTime: T }] },
  });
  if (withWorks) {
    for (const c of ["m1", "m2"]) {
      await storage.create({ group: "work.karmada.io", resource: "works" }, {
        apiVersion: "work.karmada.io/v1alpha1",
        kind: "Work",
        metadata: { namespace: `karmada-es-${c}`, name: workName("default", "web", "Deployment") },
        spec: { workload: { manifests: [{ apiVersion: "apps/v1", kind: "Deployment", metadata: { namespace: "default", name: "web" } }] } },
        status: { conditions: [{ type: "Applied", status: "True", reason: "AppliedSuccessful", message: "", lastTransitionTime: T }] },
      });
    }
  }
  await storage.create({ group: "", resource: "events" }, { apiVersion: "v1", kind: "Event", metadata: { namespace: "default", name: "e1", uid: "e1" }, involvedObject: { kind: "ResourceBinding", namespace: "default", name: "web-deployment" }, reason: "ScheduleBindingSucceed", type: "Normal", lastTimestamp: T });
  await storage.create({ group: "", resource: "events" }, { apiVersion: "v1", kind: "Event", metadata: { namespace: "default", name: "e2", uid: "e2" }, involvedObject: { kind: "Deployment", namespace: "default", name: "unrelated" }, reason: "Nope", lastTimestamp: T });
  return { storage, registry: new ResourceRegistry(controlPlaneDescriptors()), client: {} as ObjectClient };
}

describe("getWorkflow", () => {
  it("gathers the chain, matching overrides, Works by name and the events", async () => {
    const view = await getWorkflow(await seed(true), { namespace: "default", kind: "deployments.apps", name: "web" });
    const ids = view.topology.nodes.map((n) => n.id);
    expect(ids).toContain("policy/PropagationPolicy/default/pp");
    expect(ids).toContain("override/OverridePolicy/default/op");
    expect(ids).not.toContain("override/OverridePolicy/default/other");
    expect(ids).toEqual(expect.arrayContaining(["work/m1", "work/m2", "member/m1", "member/m2"]));
    expect(view.topology.firstFailure).toMatchObject({ nodeId: "member/m2", reason: "ClusterNotReachable" });
    expect(view.objects["work/m1"]?.kind).toBe("Work");
    expect(view.objects["member/m1"]?.kind).toBe("Deployment");
    expect(view.timeline.map((e) => [e.reason, e.nodeId])).toEqual([["ScheduleBindingSucceed", "binding/ResourceBinding/default/web-deployment"]]);
  });

  it("shows Works not created yet as progressing", async () => {
    const view = await getWorkflow(await seed(false), { namespace: "default", kind: "Deployment", name: "web" });
    expect(view.topology.nodes.find((n) => n.id === "work/m1")?.state.phase).toBe("Progressing");
  });

  it("reports a missing template as the first failure, and rejects a namespaced kind without namespace", async () => {
    const deps = await seed(false);
    expect((await getWorkflow(deps, { namespace: "default", kind: "Deployment", name: "nope" })).topology.firstFailure?.reason).toBe("NotFound");
    await expect(getWorkflow(deps, { kind: "Deployment", name: "web" })).rejects.toMatchObject({ status: { code: 400 } });
  });
});
