import type { ResourceSelector } from "../../lib/kube/karmada";
import type { KubeObject } from "../../lib/kube/types";

/**
 * The manifest a preview schedules when the policy does not name a real object: a minimal
 * object of the first selector's kind with the chosen replica count, so "where would 6
 * replicas of a Deployment go" can be answered before the Deployment exists.
 */
export function syntheticResource(selector: ResourceSelector | undefined, namespace: string | undefined, replicas: number): KubeObject {
  const apiVersion = selector?.apiVersion || "apps/v1";
  const kind = selector?.kind || "Deployment";
  const labels = selector?.labelSelector?.matchLabels;
  return {
    apiVersion,
    kind,
    metadata: { name: selector?.name || "preview", namespace: selector?.namespace || namespace || "default", ...(labels ? { labels } : {}) },
    spec: { replicas, template: { metadata: { labels: labels ?? {} }, spec: { containers: [{ name: "main", image: "preview" }] } } },
  };
}
