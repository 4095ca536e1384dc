import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kube/types";
import { interpretHealth } from "./health";

const o = (apiVersion: string, kind: string, spec: unknown, status: unknown, generation = 1): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name: "x", generation },
  spec,
  status,
});

// Karmada's healthy_test tables (condensed to the decisive fields).
describe("interpretHealth", () => {
  it.each<[string, KubeObject, string]>([
    ["deployment healthy", o("apps/v1", "Deployment", { replicas: 3 }, { observedGeneration: 1, updatedReplicas: 3, availableReplicas: 3 }), "Healthy"],
    ["deployment generation not observed", o("apps/v1", "Deployment", { replicas: 3 }, { observedGeneration: 0, updatedReplicas: 3, availableReplicas: 3 }), "Unhealthy"],
    ["deployment not updated", o("apps/v1", "Deployment", { replicas: 3 }, { observedGeneration: 1, updatedReplicas: 2, availableReplicas: 3 }), "Unhealthy"],
    ["deployment not available", o("apps/v1", "Deployment", { replicas: 3 }, { observedGeneration: 1, updatedReplicas: 3, availableReplicas: 2 }), "Unhealthy"],
    ["statefulset healthy", o("apps/v1", "StatefulSet", { replicas: 1 }, { observedGeneration: 1, updatedReplicas: 1, availableReplicas: 1 }), "Healthy"],
    ["replicaset short", o("apps/v1", "ReplicaSet", { replicas: 2 }, { observedGeneration: 1, availableReplicas: 1 }), "Unhealthy"],
    ["replicaset healthy", o("apps/v1", "ReplicaSet", { replicas: 2 }, { observedGeneration: 1, availableReplicas: 2 }), "Healthy"],
    ["daemonset healthy", o("apps/v1", "DaemonSet", {}, { observedGeneration: 1, desiredNumberScheduled: 2, updatedNumberScheduled: 2, numberAvailable: 2 }), "Healthy"],
    ["daemonset not updated", o("apps/v1", "DaemonSet", {}, { observedGeneration: 1, desiredNumberScheduled: 2, updatedNumberScheduled: 1, numberAvailable: 2 }), "Unhealthy"],
    ["ClusterIP service", o("v1", "Service", { type: "ClusterIP" }, {}), "Healthy"],
    ["LoadBalancer without ingress", o("v1", "Service", { type: "LoadBalancer" }, { loadBalancer: {} }), "Unhealthy"],
    ["LoadBalancer with ip", o("v1", "Service", { type: "LoadBalancer" }, { loadBalancer: { ingress: [{ ip: "1.2.3.4" }] } }), "Healthy"],
    ["ingress with hostname", o("networking.k8s.io/v1", "Ingress", {}, { loadBalancer: { ingress: [{ hostname: "a.b" }] } }), "Healthy"],
    ["ingress without", o("networking.k8s.io/v1", "Ingress", {}, {}), "Unhealthy"],
    ["pvc bound", o("v1", "PersistentVolumeClaim", {}, { phase: "Bound" }), "Healthy"],
    ["pvc pending", o("v1", "PersistentVolumeClaim", {}, { phase: "Pending" }), "Unhealthy"],
    ["pod succeeded", o("v1", "Pod", {}, { phase: "Succeeded" }), "Healthy"],
    ["pod running ready", o("v1", "Pod", {}, { phase: "Running", conditions: [{ type: "Ready", status: "True" }] }), "Healthy"],
    ["pod running not ready", o("v1", "Pod", {}, { phase: "Running", conditions: [{ type: "Ready", status: "False" }] }), "Unhealthy"],
    ["pdb healthy", o("policy/v1", "PodDisruptionBudget", {}, { currentHealthy: 2, desiredHealthy: 2 }), "Healthy"],
    ["pdb short", o("policy/v1", "PodDisruptionBudget", {}, { currentHealthy: 1, desiredHealthy: 2 }), "Unhealthy"],
    ["kind without rule", o("v1", "ConfigMap", undefined, undefined), "Healthy"],
  ])("%s", (_n, obj, want) => {
    expect(interpretHealth(obj)).toBe(want);
  });
});
