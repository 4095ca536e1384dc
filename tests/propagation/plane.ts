import type { ObjectClient } from "../../lib/kube/client";
import type { KubeObject } from "../../lib/kube/types";
import type { ResourceBinding } from "../../lib/kube/karmada";
import { startSamplePlane, until, type SamplePlane } from "../samples/harness";

/**
 * Helpers for end-to-end propagation tests on the real control plane with sandbox members:
 * the control plane is driven through its in-process client, members through each sandbox's own
 * API client (the same objects kubectl would show through the member kubeconfig).
 */
export interface E2E {
  sp: SamplePlane;
  cp: ObjectClient;
  member(name: string): ObjectClient;
  /** A member object, or undefined when it does not exist. */
  memberGet<T extends KubeObject = KubeObject>(cluster: string, apiVersion: string, kind: string, namespace: string | undefined, name: string): Promise<T | undefined>;
  binding(name: string, namespace?: string): Promise<ResourceBinding | undefined>;
  /** The Events recorded about one object on the control plane (reason and message). */
  eventsFor(kind: string, name: string, namespace?: string): Promise<{ type: string; reason: string; message: string }[]>;
  destroy(): Promise<void>;
}

export async function startE2E(sandboxes?: string[], env?: Record<string, string>): Promise<E2E> {
  const sp = await startSamplePlane(sandboxes, env);
  const member = (name: string) => {
    const c = sp.sandboxes.cluster(name);
    if (!c) throw new Error(`no sandbox ${name}`);
    return c.client;
  };
  return {
    sp,
    cp: sp.client,
    member,
    memberGet: <T extends KubeObject = KubeObject>(cluster: string, apiVersion: string, kind: string, namespace: string | undefined, name: string): Promise<T | undefined> =>
      member(cluster).get<T>(apiVersion, kind, namespace, name),
    binding: (name, namespace = "default") => sp.client.get<ResourceBinding>("work.karmada.io/v1alpha2", "ResourceBinding", namespace, name).then((o) => o ?? undefined),
    async eventsFor(kind, name, namespace = "default") {
      const list = await sp.client.list<KubeObject & { involvedObject: { kind: string; name: string }; type: string; reason: string; message: string }>("v1", "Event", { namespace });
      return list.items.filter((e) => e.involvedObject.kind === kind && e.involvedObject.name === name).map((e) => ({ type: e.type, reason: e.reason, message: e.message }));
    },
    destroy: () => sp.destroy(),
  };
}

export { until };

export const pp = (name: string, spec: Record<string, unknown>, namespace = "default"): KubeObject => ({ apiVersion: "policy.karmada.io/v1alpha1", kind: "PropagationPolicy", metadata: { name, namespace }, spec });
export const cpp = (name: string, spec: Record<string, unknown>): KubeObject => ({ apiVersion: "policy.karmada.io/v1alpha1", kind: "ClusterPropagationPolicy", metadata: { name }, spec });
export const op = (name: string, spec: Record<string, unknown>, namespace = "default"): KubeObject => ({ apiVersion: "policy.karmada.io/v1alpha1", kind: "OverridePolicy", metadata: { name, namespace }, spec });
export const selectDeployment = (name: string) => [{ apiVersion: "apps/v1", kind: "Deployment", name }];
export const toClusters = (...clusterNames: string[]) => ({ clusterAffinity: { clusterNames } });

export function deployment(name: string, replicas = 1, containers: Record<string, unknown>[] = [{ name: "nginx", image: "nginx" }], meta: Partial<KubeObject["metadata"]> = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "default", ...meta, labels: { app: name, ...(meta.labels ?? {}) } },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers } } },
  };
}

/** Container images and specs of a Deployment, in order. */
export const containersOf = (d: KubeObject) => (d.spec as { template: { spec: { containers: { name: string; image: string; command?: string[]; args?: string[] }[] } } }).template.spec.containers;
