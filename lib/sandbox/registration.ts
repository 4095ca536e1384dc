import type { ObjectClient } from "../kube/client";
import { ApiError } from "../kube/errors";
import { LABEL_SANDBOX, type Cluster } from "../kube/karmada";
import type { KubeObject } from "../kube/types";
import type { SandboxCluster } from "./sandbox-cluster";

/** Namespace Karmada keeps member credentials in. */
export const CLUSTER_SECRET_NAMESPACE = "karmada-cluster";

/** What registering a sandbox needs, wherever it runs (this process or a sandbox host). */
export interface SandboxMemberFacts {
  name: string;
  labels?: Record<string, string>;
  mode: "Push" | "Pull";
  server: string;
  provider?: string;
  region?: string;
  zone: string;
  token: string;
  caCert: string;
}

/** The member Cluster for a sandbox: Karmada's shape, marked with `flotilla.io/sandbox=true`. */
export function memberClusterObject(f: SandboxMemberFacts): Cluster {
  return {
    apiVersion: "cluster.karmada.io/v1alpha1",
    kind: "Cluster",
    metadata: { name: f.name, labels: { ...f.labels, [LABEL_SANDBOX]: "true" } },
    spec: {
      syncMode: f.mode,
      apiEndpoint: f.server,
      secretRef: { namespace: CLUSTER_SECRET_NAMESPACE, name: f.name },
      provider: f.provider,
      region: f.region,
      zones: [f.zone],
    },
  };
}

/** The credentials Secret Karmada's `karmadactl join` writes (base64 token and caBundle). */
export function memberSecretObject(f: Pick<SandboxMemberFacts, "name" | "token" | "caCert">): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: f.name, namespace: CLUSTER_SECRET_NAMESPACE, labels: { [LABEL_SANDBOX]: "true" } },
    type: "Opaque",
    data: { token: Buffer.from(f.token).toString("base64"), caBundle: Buffer.from(f.caCert).toString("base64") },
  };
}

function factsOf(sandbox: SandboxCluster): SandboxMemberFacts {
  const { spec } = sandbox;
  return { ...spec, server: sandbox.info().server, token: sandbox.token, caCert: sandbox.caCert };
}

export function sandboxClusterObject(sandbox: SandboxCluster): Cluster {
  return memberClusterObject(factsOf(sandbox));
}

export function sandboxSecretObject(sandbox: SandboxCluster): KubeObject {
  return memberSecretObject(factsOf(sandbox));
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
