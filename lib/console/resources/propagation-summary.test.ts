import { describe, expect, it } from "vitest";
import type { ResourceBinding } from "../../kube/karmada";
import type { Condition, KubeObject } from "../../kube/types";
import { summarizePropagation, type PropagationState } from "./propagation-summary";

const c = (type: string, status: Condition["status"], reason = "R", message = "m"): Condition => ({ type, status, reason, message, lastTransitionTime: "2025-01-01T00:00:00Z" });
const template: KubeObject = { apiVersion: "apps/v1", kind: "Deployment", metadata: { namespace: "default", name: "web" } };
const claimed: KubeObject = { ...template, metadata: { ...template.metadata, annotations: { "propagationpolicy.karmada.io/name": "pp", "propagationpolicy.karmada.io/namespace": "default" } } };
const binding = (conditions: Condition[], aggregated: NonNullable<ResourceBinding["status"]>["aggregatedStatus"] = []): ResourceBinding => ({
  apiVersion: "work.karmada.io/v1alpha2",
  kind: "ResourceBinding",
  metadata: { namespace: "default", name: "web-deployment" },
  spec: { resource: { apiVersion: "apps/v1", kind: "Deployment", name: "web" }, clusters: [{ name: "b", replicas: 1 }, { name: "a", replicas: 2 }] },
  status: { conditions, aggregatedStatus: aggregated },
});

describe("summarizePropagation", () => {
  const cases: [string, KubeObject, ResourceBinding | undefined, PropagationState][] = [
    ["no policy, no binding", template, undefined, "NotPropagated"],
    ["claimed, binding not created yet", claimed, undefined, "Pending"],
    ["binding not scheduled yet", claimed, binding([]), "Scheduling"],
    ["scheduler failed", claimed, binding([c("Scheduled", "False", "NoClusterFit")]), "Unschedulable"],
    ["scheduled, Works pending", claimed, binding([c("Scheduled", "True")]), "Applying"],
    ["one cluster failed to apply", claimed, binding([c("Scheduled", "True"), c("FullyApplied", "False")], [{ clusterName: "a", applied: false, appliedMessage: "boom" }]), "Failed"],
    ["fully applied", claimed, binding([c("Scheduled", "True"), c("FullyApplied", "True")]), "Applied"],
    ["template terminating", { ...claimed, metadata: { ...claimed.metadata, deletionTimestamp: "2025-01-01T00:00:00Z" } }, binding([]), "Deleting"],
  ];
  it.each(cases)("%s", (_name, t, b, want) => expect(summarizePropagation(t, b).state).toBe(want));

  it("lists clusters sorted, with applied, health and the failure message", () => {
    const s = summarizePropagation(claimed, binding([c("Scheduled", "True")], [{ clusterName: "a", applied: false, appliedMessage: "quota" }, { clusterName: "b", applied: true, health: "Healthy" }]));
    expect(s.clusters).toEqual([
      { name: "a", replicas: 2, applied: false, health: undefined, message: "quota" },
      { name: "b", replicas: 1, applied: true, health: "Healthy", message: undefined },
    ]);
    expect(s.message).toBe("a: quota");
    expect(s.policy).toEqual({ kind: "PropagationPolicy", namespace: "default", name: "pp" });
  });
});
