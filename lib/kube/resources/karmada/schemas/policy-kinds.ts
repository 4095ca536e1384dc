import type { JSONSchemaProps } from "../../../validation/schema-types";
import { overrideRule, overriders } from "./overriders";
import { placement } from "./placement";
import { conflictResolution, failover, suspension } from "./policy-behaviour";
import { clusterAffinity, resourceSelector } from "./selectors";
import { bool, int32, kindRoot, list, obj, oneOf, str, strList } from "./primitives";

/** PropagationSpec (PropagationPolicy and ClusterPropagationPolicy share it). */
export const propagationSpec: JSONSchemaProps = obj(
  {
    resourceSelectors: list(resourceSelector, { minItems: 1 }),
    association: bool,
    propagateDeps: bool,
    placement,
    priority: int32({ default: 0 }),
    preemption: oneOf(["Always", "Never"], { default: "Never" }),
    dependentOverrides: strList,
    schedulerName: str({ default: "default-scheduler" }),
    failover,
    conflictResolution,
    activationPreference: oneOf(["Lazy"]),
    suspension,
    preserveResourcesOnDeletion: bool,
    // Only KubePriorityClass is accepted by the enum, although the Go type names two more sources.
    schedulePriority: obj(
      { priorityClassSource: oneOf(["KubePriorityClass"]), priorityClassName: str() },
      { required: ["priorityClassSource", "priorityClassName"] },
    ),
  },
  { required: ["resourceSelectors"] },
);

/** OverrideSpec (OverridePolicy and ClusterOverridePolicy): nothing is required. */
export const overrideSpec: JSONSchemaProps = obj({
  resourceSelectors: list(resourceSelector),
  overrideRules: list(overrideRule),
  // Deprecated pair kept by Karmada for compatibility; the webhook forbids mixing them with overrideRules.
  targetCluster: clusterAffinity,
  overriders,
});

/** MatchCondition of a ClusterTaintPolicy: operator and status values are free strings in the schema. */
const matchCondition = obj(
  { conditionType: str(), operator: str(), statusValues: strList },
  { required: ["conditionType", "operator", "statusValues"] },
);

/** ClusterTaintPolicy's Taint: key and effect required, effect not enumerated (the webhook checks it). */
const policyTaint = obj({ key: str(), effect: str(), value: str() }, { required: ["key", "effect"] });

/** ClusterTaintPolicySpec: at least one taint. */
export const clusterTaintPolicySpec: JSONSchemaProps = obj(
  {
    targetClusters: clusterAffinity,
    addOnConditions: list(matchCondition),
    removeOnConditions: list(matchCondition),
    taints: list(policyTaint, { minItems: 1 }),
  },
  { required: ["taints"] },
);

/** Root schema of PropagationPolicy / ClusterPropagationPolicy (no status). */
export const propagationPolicySchema: JSONSchemaProps = kindRoot({ spec: propagationSpec }, ["spec"]);
/** Root schema of OverridePolicy / ClusterOverridePolicy (no status). */
export const overridePolicySchema: JSONSchemaProps = kindRoot({ spec: overrideSpec }, ["spec"]);
/** Root schema of ClusterTaintPolicy (no status). */
export const clusterTaintPolicySchema: JSONSchemaProps = kindRoot({ spec: clusterTaintPolicySpec }, ["spec"]);
