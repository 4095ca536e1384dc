import type { JSONSchemaProps } from "../../../validation/schema-types";
import { bool, int32, list, obj, oneOf, str, strList } from "./primitives";

/**
 * Failover and suspension: the policy behaviours a PropagationPolicy hands down to its
 * bindings (ResourceBindingSpec reuses FailoverBehavior and extends Suspension).
 */

/** StatePreservationRule list: label aliases for JSONPath values kept across failover. */
export const statePreservation: JSONSchemaProps = obj(
  { rules: list(obj({ aliasLabelName: str(), jsonPath: str() }, { required: ["aliasLabelName", "jsonPath"] })) },
  { required: ["rules"] },
);

/** ApplicationFailoverBehavior: purgeMode defaults to Gracefully, tolerationSeconds to 300. */
export const applicationFailover: JSONSchemaProps = obj(
  {
    decisionConditions: obj({ tolerationSeconds: int32({ default: 300 }) }),
    purgeMode: oneOf(["Directly", "Gracefully", "Never"], { default: "Gracefully" }),
    gracePeriodSeconds: int32(),
    statePreservation,
  },
  { required: ["decisionConditions"] },
);

/** ClusterFailoverBehavior: purgeMode is Directly or Gracefully (default Gracefully). */
export const clusterFailover: JSONSchemaProps = obj({
  purgeMode: oneOf(["Directly", "Gracefully"], { default: "Gracefully" }),
  statePreservation,
});

/** FailoverBehavior. */
export const failover: JSONSchemaProps = obj({ application: applicationFailover, cluster: clusterFailover });

/** The fields of policy/v1alpha1 Suspension (inlined by the binding's Suspension). */
export const suspensionFields: Record<string, JSONSchemaProps> = {
  dispatching: bool,
  dispatchingOnClusters: obj({ clusterNames: strList }),
};

/** policy/v1alpha1 Suspension. */
export const suspension: JSONSchemaProps = obj(suspensionFields);

/** ConflictResolution: Abort (default) or Overwrite. */
export const conflictResolution: JSONSchemaProps = oneOf(["Abort", "Overwrite"], { default: "Abort" });
