import type { JSONSchemaProps } from "../../../validation/schema-types";
import { REASON_PATTERN, resourceHealth } from "./conditions";
import { nodeSelector, toleration } from "./selectors";
import { bool, dateTime, int32, list, obj, oneOf, rawObject, resourceList, str, strList, strMap } from "./primitives";

/** work/v1alpha2 ObjectReference: the resource template a binding tracks. */
export const objectReference: JSONSchemaProps = obj(
  { apiVersion: str(), kind: str(), namespace: str(), name: str(), uid: str(), resourceVersion: str() },
  { required: ["apiVersion", "kind", "name"] },
);

/** NodeClaim: node constraints a replica needs in a member cluster. */
export const nodeClaim: JSONSchemaProps = obj({ hardNodeAffinity: nodeSelector, nodeSelector: strMap, tolerations: list(toleration) });

/** ReplicaRequirements of a single-component workload. */
export const replicaRequirements: JSONSchemaProps = obj({
  nodeClaim,
  resourceRequest: resourceList,
  namespace: str(),
  priorityClassName: str(),
});

/** Component of a multi-component workload (name up to 32 characters). */
export const component: JSONSchemaProps = obj(
  {
    name: str({ maxLength: 32 }),
    replicas: int32(),
    replicaRequirements: obj({ nodeClaim, resourceRequest: resourceList, priorityClassName: str() }),
  },
  { required: ["name", "replicas"] },
);

/** TargetCluster: a scheduling result (cluster name, replicas, per-component replicas). */
export const targetCluster: JSONSchemaProps = obj(
  { name: str(), replicas: int32(), components: list(obj({ name: str(), replicas: int32() }, { required: ["name", "replicas"] })) },
  { required: ["name"] },
);

/** GracefulEvictionTask: a cluster being evicted from, kept until the replacement is healthy. */
export const gracefulEvictionTask: JSONSchemaProps = obj(
  {
    fromCluster: str(),
    purgeMode: oneOf(["Directly", "Gracefully", "Never"]),
    replicas: int32(),
    reason: str({ maxLength: 32, minLength: 1, pattern: REASON_PATTERN }),
    message: str({ maxLength: 1024 }),
    producer: str(),
    gracePeriodSeconds: int32(),
    suppressDeletion: bool,
    preservedLabelState: strMap,
    creationTimestamp: dateTime,
    clustersBeforeFailover: strList,
  },
  { required: ["fromCluster", "reason", "producer"] },
);

/** BindingSnapshot: a binding that depends on this one (requiredBy). */
export const bindingSnapshot: JSONSchemaProps = obj(
  { namespace: str(), name: str(), clusters: list(targetCluster) },
  { required: ["name"] },
);

/** AggregatedStatusItem: one member cluster's collected status of the resource. */
export const aggregatedStatusItem: JSONSchemaProps = obj(
  { clusterName: str(), status: rawObject, applied: bool, appliedMessage: str(), health: resourceHealth },
  { required: ["clusterName"] },
);
