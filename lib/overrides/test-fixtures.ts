import type { KubeObject } from "../kube/types";
import type { Cluster, OverridePolicy, OverrideSpec } from "../kube/karmada";

/** Test fixtures shaped like Karmada's overridemanager test objects. */
export function workload(kind: string, containers: Record<string, unknown>[], extra: Record<string, unknown> = {}): KubeObject {
  const apiVersion = kind === "Pod" ? "v1" : kind === "Job" ? "batch/v1" : "apps/v1";
  const podSpec = { containers };
  const spec = kind === "Pod" ? podSpec : { replicas: 1, template: { metadata: { labels: { app: "nginx" } }, spec: podSpec } };
  return { apiVersion, kind, metadata: { name: "nginx", namespace: "default", labels: { app: "nginx" } }, spec, ...extra };
}

export function cluster(name: string, extra: Partial<Cluster["spec"]> = {}, labels?: Record<string, string>): Cluster {
  return { apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name, labels }, spec: { syncMode: "Push", ...extra } };
}

export function op(name: string, spec: OverrideSpec, namespace = "default"): OverridePolicy {
  return { apiVersion: "policy.karmada.io/v1alpha1", kind: "OverridePolicy", metadata: { name, namespace }, spec };
}

export function cop(name: string, spec: OverrideSpec): OverridePolicy {
  return { apiVersion: "policy.karmada.io/v1alpha1", kind: "ClusterOverridePolicy", metadata: { name }, spec };
}
