import type { Cluster } from "../../kube/karmada";
import type { KubeObject } from "../../kube/types";
import { CLUSTER_SECRET_NAMESPACE, memberClusterObject, memberSecretObject } from "../registration";
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
  return memberClusterObject(s);
}

/** The credentials Secret of a hosted sandbox (base64 token and CA, as Karmada stores them). */
export function hostedSecretObject(s: HostedSandbox): KubeObject {
  return memberSecretObject(s);
}
