import type { ObjectClient } from "../kube/client";
import { CLUSTER_API_VERSION, CLUSTER_LEASE_NAMESPACE, type Cluster } from "../kube/karmada";
import type { KubeObject } from "../kube/types";

/** fieldManager of everything the agent writes on the control plane. */
export const AGENT_FIELD_MANAGER = "flotilla-agent";
export const LEASE_API_VERSION = "coordination.k8s.io/v1";

/**
 * Registers (or updates) the agent's Cluster with `syncMode: Pull` by a forced server-side
 * apply on clusters/<name>: it creates the object when missing, owns only the fields set here
 * (taints, finalizers and status stay the controllers'), and takes syncMode over from whoever
 * set it before. `id` is the member's kube-system UID, as Karmada's agent reports it.
 */
export async function registerCluster(cp: ObjectClient, o: { clusterName: string; apiEndpoint: string; id?: string }): Promise<Cluster> {
  const spec: Cluster["spec"] = { syncMode: "Pull", apiEndpoint: o.apiEndpoint };
  if (o.id) spec.id = o.id;
  const body: Cluster = { apiVersion: CLUSTER_API_VERSION, kind: "Cluster", metadata: { name: o.clusterName }, spec };
  return cp.patch<Cluster>({ apiVersion: CLUSTER_API_VERSION, kind: "Cluster", name: o.clusterName }, "application/apply-patch+yaml", body, { fieldManager: AGENT_FIELD_MANAGER, force: true });
}

/** metav1.MicroTime as Kubernetes writes it (RFC 3339 with microseconds). */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}

/**
 * Renews the heartbeat Lease `karmada-cluster/<cluster>` (Karmada's cluster lease: holder the
 * cluster, duration --cluster-lease-duration) by server-side apply, creating it on first use.
 * It is owned by the Cluster so that deleting the Cluster collects it.
 */
export async function renewLease(cp: ObjectClient, o: { clusterName: string; durationSeconds: number; now: number; owner?: Cluster }): Promise<KubeObject> {
  const metadata: KubeObject["metadata"] = { name: o.clusterName, namespace: CLUSTER_LEASE_NAMESPACE };
  if (o.owner?.metadata.uid) metadata.ownerReferences = [{ apiVersion: CLUSTER_API_VERSION, kind: "Cluster", name: o.clusterName, uid: o.owner.metadata.uid }];
  const body = { apiVersion: LEASE_API_VERSION, kind: "Lease", metadata, spec: { holderIdentity: o.clusterName, leaseDurationSeconds: o.durationSeconds, renewTime: microTime(o.now) } };
  return cp.patch({ apiVersion: LEASE_API_VERSION, kind: "Lease", namespace: CLUSTER_LEASE_NAMESPACE, name: o.clusterName }, "application/apply-patch+yaml", body, { fieldManager: AGENT_FIELD_MANAGER, force: true });
}
