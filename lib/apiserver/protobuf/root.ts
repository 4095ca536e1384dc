import protobuf from "protobufjs";
import { CORE_V1_PROTO } from "./schema-core";
import { INTSTR_PROTO, META_PROTO, META_V1_PROTO, RESOURCE_PROTO } from "./schema-meta";
import { POD_V1_PROTO } from "./schema-pod";
import { AUTHENTICATION_PROTO, AUTHORIZATION_PROTO, DISRUPTION_PROTO, POLICY_PROTO, QUOTA_PROTO, SCHEDULING_PROTO } from "./schema-policy";
import { APPS_V1_PROTO, BATCH_V1_PROTO, NETWORKING_V1_PROTO } from "./schema-workloads";

/** Fully qualified message names of the kinds the protobuf decoder understands, by "apiVersion/Kind". */
export const PROTOBUF_KINDS: Readonly<Record<string, string>> = {
  "v1/Namespace": "k8s.io.api.core.v1.Namespace",
  "v1/ConfigMap": "k8s.io.api.core.v1.ConfigMap",
  "v1/Secret": "k8s.io.api.core.v1.Secret",
  "v1/ServiceAccount": "k8s.io.api.core.v1.ServiceAccount",
  "v1/Service": "k8s.io.api.core.v1.Service",
  "apps/v1/Deployment": "k8s.io.api.apps.v1.Deployment",
  "batch/v1/Job": "k8s.io.api.batch.v1.Job",
  "batch/v1/CronJob": "k8s.io.api.batch.v1.CronJob",
  "networking.k8s.io/v1/Ingress": "k8s.io.api.networking.v1.Ingress",
  "v1/ResourceQuota": "k8s.io.api.core.v1.ResourceQuota",
  "rbac.authorization.k8s.io/v1/Role": "k8s.io.api.rbac.v1.Role",
  "rbac.authorization.k8s.io/v1/ClusterRole": "k8s.io.api.rbac.v1.ClusterRole",
  "rbac.authorization.k8s.io/v1/RoleBinding": "k8s.io.api.rbac.v1.RoleBinding",
  "rbac.authorization.k8s.io/v1/ClusterRoleBinding": "k8s.io.api.rbac.v1.ClusterRoleBinding",
  "policy/v1/PodDisruptionBudget": "k8s.io.api.policy.v1.PodDisruptionBudget",
  "scheduling.k8s.io/v1/PriorityClass": "k8s.io.api.scheduling.v1.PriorityClass",
  "authorization.k8s.io/v1/SelfSubjectAccessReview": "k8s.io.api.authorization.v1.SelfSubjectAccessReview",
  "authentication.k8s.io/v1/TokenRequest": "k8s.io.api.authentication.v1.TokenRequest",
  "authentication.k8s.io/v1/SelfSubjectReview": "k8s.io.api.authentication.v1.SelfSubjectReview",
};

export const UNKNOWN_TYPE = "k8s.io.apimachinery.pkg.runtime.Unknown";

let cached: protobuf.Root | undefined;

/** The schema root, parsed once on first use (never at import: no module-level work). */
export function protoRoot(): protobuf.Root {
  if (cached) return cached;
  const root = new protobuf.Root();
  const texts = [
    META_PROTO, META_V1_PROTO, RESOURCE_PROTO, INTSTR_PROTO,
    CORE_V1_PROTO, POD_V1_PROTO, QUOTA_PROTO, APPS_V1_PROTO, BATCH_V1_PROTO, NETWORKING_V1_PROTO,
    POLICY_PROTO, DISRUPTION_PROTO, SCHEDULING_PROTO, AUTHORIZATION_PROTO, AUTHENTICATION_PROTO,
  ];
  for (const text of texts) {
    protobuf.parse(text, root, { keepCase: true });
  }
  root.resolveAll();
  cached = root;
  return root;
}

/** The message type of a kind, or undefined when the decoder does not know it. */
export function kindType(apiVersion: string, kind: string): protobuf.Type | undefined {
  const name = PROTOBUF_KINDS[`${apiVersion}/${kind}`];
  return name ? protoRoot().lookupType(name) : undefined;
}
