import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../types";
import { clusterResourceBindingDescriptor, resourceBindingDescriptor, workDescriptor } from "./binding";
import { LABEL_RB_PERMANENT_ID, LABEL_WORK_PERMANENT_ID } from "../../karmada";

const ts = "2024-01-01T00:00:00Z";

describe("ResourceBinding / ClusterResourceBinding / Work", () => {
  it("prints SCHEDULED and FULLYAPPLIED from conditions", () => {
    const rb: KubeObject = {
      apiVersion: "work.karmada.io/v1alpha2",
      kind: "ResourceBinding",
      metadata: { name: "nginx-deployment", namespace: "default", creationTimestamp: ts },
      spec: { resource: { apiVersion: "apps/v1", kind: "Deployment", name: "nginx" } },
      status: { conditions: [{ type: "FullyApplied", status: "False" }, { type: "Scheduled", status: "True" }] },
    };
    const d = resourceBindingDescriptor();
    expect(d.columns!.map((c) => [c.name, c.cell(rb)])).toEqual([["SCHEDULED", "True"], ["FULLYAPPLIED", "False"], ["AGE", ts]]);
    expect(clusterResourceBindingDescriptor().namespaced).toBe(false);
  });

  it("stamps a permanent id and validates spec.resource", () => {
    const d = resourceBindingDescriptor();
    const rb: KubeObject = { apiVersion: "work.karmada.io/v1alpha2", kind: "ResourceBinding", metadata: { name: "x", namespace: "default" }, spec: { resource: { kind: "Deployment" } } };
    d.applyDefaults!(rb);
    expect(rb.metadata.labels?.[LABEL_RB_PERMANENT_ID]).toBeTruthy();
    expect(d.validate!(rb).map((c) => c.field)).toEqual(expect.arrayContaining(["spec.resource.apiVersion", "spec.resource.name"]));
  });

  it("Work prints the first manifest kind and APPLIED; manifests keep unknown fields", () => {
    const d = workDescriptor();
    const manifest = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "n" }, spec: { replicas: 2, anything: { x: 1 } } };
    const work: KubeObject = {
      apiVersion: "work.karmada.io/v1alpha1",
      kind: "Work",
      metadata: { name: "n-1", namespace: "karmada-es-m1", creationTimestamp: ts },
      spec: { workload: { manifests: [manifest, { kind: "Service" }] } },
      status: { conditions: [{ type: "Applied", status: "True", reason: "AppliedSuccessful", message: "ok", lastTransitionTime: ts }] },
    };
    d.applyDefaults!(work);
    expect(work.metadata.labels?.[LABEL_WORK_PERMANENT_ID]).toBeTruthy();
    expect((work.spec as { workload: { manifests: unknown[] } }).workload.manifests[0]).toEqual(manifest);
    expect(d.columns!.map((c) => c.cell(work))).toEqual(["Deployment", "True", ts]);
    expect(d.validate!(work)).toEqual([]);
  });
});
