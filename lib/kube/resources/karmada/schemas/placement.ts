import type { JSONSchemaProps } from "../../../validation/schema-types";
import { clusterAffinity, clusterAffinityFields, toleration } from "./selectors";
import { int, int64, list, obj, oneOf, str } from "./primitives";

/** An affinity name: 1 to 32 characters (ClusterAffinityTerm and OverflowClusterAffinity). */
const affinityName = str({ maxLength: 32, minLength: 1 });

/** OverflowClusterAffinity: a named ClusterAffinity (inlined fields). */
export const overflowAffinity: JSONSchemaProps = obj({ affinityName, ...clusterAffinityFields }, { required: ["affinityName"] });

/** ClusterAffinityTerm: a named ClusterAffinity plus its overflow affinities. */
export const clusterAffinityTerm: JSONSchemaProps = obj(
  { affinityName, ...clusterAffinityFields, overflowAffinities: list(overflowAffinity) },
  { required: ["affinityName"] },
);

/** SpreadConstraint: spreadByField is one of the four cluster topology fields. */
export const spreadConstraint: JSONSchemaProps = obj({
  spreadByField: oneOf(["cluster", "region", "zone", "provider"]),
  spreadByLabel: str(),
  maxGroups: int,
  minGroups: int,
});

/** StaticClusterWeight: a weight of at least 1 for the clusters an affinity selects. */
export const staticClusterWeight: JSONSchemaProps = obj(
  { targetCluster: clusterAffinity, weight: int64({ minimum: 1 }) },
  { required: ["targetCluster", "weight"] },
);

/** ReplicaSchedulingStrategy: type defaults to Divided (the webhook then picks a preference). */
export const replicaScheduling: JSONSchemaProps = obj({
  replicaSchedulingType: oneOf(["Duplicated", "Divided"], { default: "Divided" }),
  replicaDivisionPreference: oneOf(["Aggregated", "Weighted"]),
  weightPreference: obj({
    staticWeightList: list(staticClusterWeight),
    dynamicWeight: oneOf(["AvailableReplicas"]),
  }),
});

const workloadAffinityTerm = obj({ groupByLabelKey: str() }, { required: ["groupByLabelKey"] });

/** WorkloadAffinity: co-location / anti-affinity groups keyed by a workload label. */
export const workloadAffinity: JSONSchemaProps = obj({ affinity: workloadAffinityTerm, antiAffinity: workloadAffinityTerm });

/** policy/v1alpha1 Placement (PropagationSpec.placement, ResourceBindingSpec.placement). */
export const placement: JSONSchemaProps = obj({
  clusterAffinity,
  clusterAffinities: list(clusterAffinityTerm),
  clusterTolerations: list(toleration),
  spreadConstraints: list(spreadConstraint),
  replicaScheduling,
  workloadAffinity,
});
