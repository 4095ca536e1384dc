import { LABEL_SANDBOX, type Cluster } from "../../kube/karmada";
import type { KubeObject } from "../../kube/types";
import { CLUSTER_SECRET_NAMESPACE } from "../registration";
import type { HostedSandbox } from "./protocol";

/**
 * The objects that register a sandbox of another process with a control plane, the same shapes
 * `registerSandbox` (lib/sandbox/registration.ts) writes for in-process sandboxes: the namespace
 * Karmada keeps credentials in, the credentials Secret `karmadactl join` writes (token and
 * caBundle) and the member Cluster, marked `flotilla.io/sandbox=true`. Create them in this order.
 */
export function hostedSandboxObjects(s: HostedSandbox): [KubeObject, KubeObject, Cluster] {
  return [{ apiVersion: "v1", kind: "Namespace", metadata: { name: CLUSTER_SECRET_NAMESPACE } }, hostedSecretObject(s), hostedClusterObject(s)];
}

/** The member Cluster of a hosted sandbox. */
export function hostedClusterObject(s: HostedSandbox): Cluster {
  return {
    apiVersion: "cluster.karmada.io/v1alpha1",
    kind: "Cluster",
    metadata: { name: s.name, labels: { ...s.labels, [LABEL_SANDBOX]: "true" } },
    spec: {
      syncMode: s.mode,
      apiEndpoint: s.server,
      secretRef: { namespace: CLUSTER_SECRET_NAMESPACE, name: s.name },
      provider: s.provider,
      region: s.region,
      zones: [s.zone],
    },
  };
}

/** The credentials Secret of a hosted sandbox (base64 token and CA, as Karmada stores them). */
export function hostedSecretObject(s: HostedSandbox): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: s.name, namespace: CLUSTER_SECRET_NAMESPACE, labels: { [LABEL_SANDBOX]: "true" } },
    type: "Opaque",
    data: { token: Buffer.from(s.token).toString("base64"), caBundle: Buffer.from(s.caCert).toString("base64") },
  };
}
