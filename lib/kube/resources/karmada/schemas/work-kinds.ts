import type { JSONSchemaProps } from "../../../validation/schema-types";
import {
  aggregatedStatusItem,
  bindingSnapshot,
  component,
  gracefulEvictionTask,
  objectReference,
  replicaRequirements,
  targetCluster,
} from "./binding-parts";
import { conditions, resourceHealth } from "./conditions";
import { placement } from "./placement";
import { conflictResolution, failover, suspensionFields } from "./policy-behaviour";
import { bool, dateTime, int, int32, int64, kindRoot, list, obj, rawObject, str } from "./primitives";

/** work/v1alpha2 ResourceBindingSpec (ResourceBinding and ClusterResourceBinding). */
export const resourceBindingSpec: JSONSchemaProps = obj(
  {
    resource: objectReference,
    propagateDeps: bool,
    replicaRequirements,
    replicas: int32(),
    components: list(component),
    clusters: list(targetCluster),
    placement,
    gracefulEvictionTasks: list(gracefulEvictionTask),
    requiredBy: list(bindingSnapshot),
    schedulerName: str(),
    failover,
    conflictResolution,
    rescheduleTriggeredAt: dateTime,
    // The binding's Suspension inlines the policy's and adds scheduling.
    suspension: obj({ ...suspensionFields, scheduling: bool }),
    preserveResourcesOnDeletion: bool,
    schedulePriority: obj({ priority: int32({ default: 0 }) }),
    workloadAffinityGroups: obj({ affinityGroup: str(), antiAffinityGroup: str() }),
  },
  { required: ["resource"] },
);

/** work/v1alpha2 ResourceBindingStatus. */
export const resourceBindingStatus: JSONSchemaProps = obj({
  schedulerObservedGeneration: int64(),
  // Go field SchedulerObservedAffinityName, serialised under this name.
  schedulerObservingAffinityName: str(),
  lastScheduledTime: dateTime,
  conditions,
  aggregatedStatus: list(aggregatedStatusItem),
});

/** work/v1alpha1 ResourceIdentifier: which manifest of a Work a status entry describes. */
export const resourceIdentifier: JSONSchemaProps = obj(
  { ordinal: int, group: str(), version: str(), kind: str(), resource: str(), namespace: str(), name: str() },
  { required: ["ordinal", "version", "kind", "resource", "name"] },
);

/** work/v1alpha1 WorkSpec: manifests are whole objects, kept as given. */
export const workSpec: JSONSchemaProps = obj({
  workload: obj({ manifests: list(rawObject) }),
  suspendDispatching: bool,
  preserveResourcesOnDeletion: bool,
});

/** work/v1alpha1 WorkStatus. */
export const workStatus: JSONSchemaProps = obj({
  conditions,
  manifestStatuses: list(obj({ identifier: resourceIdentifier, status: rawObject, health: resourceHealth }, { required: ["identifier"] })),
});

/** Root schema of ResourceBinding / ClusterResourceBinding. */
export const resourceBindingSchema: JSONSchemaProps = kindRoot({ spec: resourceBindingSpec, status: resourceBindingStatus }, ["spec"]);
/** Root schema of Work. */
export const workSchema: JSONSchemaProps = kindRoot({ spec: workSpec, status: workStatus }, ["spec"]);
