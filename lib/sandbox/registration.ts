import type { ObjectClient } from "../kube/client";
import { ApiError } from "../kube/errors";
import { LABEL_SANDBOX, type Cluster } from "../kube/karmada";
import type { KubeObject } from "../kube/types";
import type { SandboxCluster } from "./sandbox-cluster";

/** Namespace Karmada keeps member credentials in. */
export const CLUSTER_SECRET_NAMESPACE = "karmada-cluster";

/** The member Cluster for a sandbox: Karmada's shape, marked with `flotilla.io/sandbox=true`. */
export function sandboxClusterObject(sandbox: SandboxCluster): Cluster {
  const { spec } = sandbox;
  return {
    apiVersion: "cluster.karmada.io/v1alpha1",
    kind: "Cluster",
    metadata: { name: spec.name, labels: { ...spec.labels, [LABEL_SANDBOX]: "true" } },
    spec: {
      syncMode: spec.mode,
      apiEndpoint: sandbox.info().server,
      secretRef: { namespace: CLUSTER_SECRET_NAMESPACE, name: spec.name },
      provider: spec.provider,
      region: spec.region,
      zones: [spec.zone],
    },
  };
}

/** The credentials Secret Karmada's `karmadactl join` writes (token and caBundle). */
export function sandboxSecretObject(sandbox: SandboxCluster): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: sandbox.name, namespace: CLUSTER_SECRET_NAMESPACE, labels: { [LABEL_SANDBOX]: "true" } },
    type: "Opaque",
    data: { token: Buffer.from(sandbox.token).toString("base64"), caBundle: Buffer.from(sandbox.caCert).toString("base64") },
  };
}

/**
 * A default `onCreated`: creates the credentials Secret and the Cluster in the control plane
 * (idempotent: existing objects are left as they are). The control plane may replace it with
 * its own registration once propagation lands.
 */
export async function registerSandbox(client: ObjectClient, sandbox: SandboxCluster): Promise<void> {
  await createIfMissing(client, { apiVersion: "v1", kind: "Namespace", metadata: { name: CLUSTER_SECRET_NAMESPACE } });
  await createIfMissing(client, sandboxSecretObject(sandbox));
  await createIfMissing(client, sandboxClusterObject(sandbox));
}

/** A default `onDeleted`: removes the Cluster and its Secret. */
export async function unregisterSandbox(client: ObjectClient, name: string): Promise<void> {
  await client.delete({ apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", name });
  await client.delete({ apiVersion: "v1", kind: "Secret", namespace: CLUSTER_SECRET_NAMESPACE, name });
}

async function createIfMissing(client: ObjectClient, obj: KubeObject): Promise<void> {
  try {
    await client.create(obj);
  } catch (e) {
    if (!ApiError.is(e, "AlreadyExists")) throw e;
  }
}
