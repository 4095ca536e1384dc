import type { JSONSchemaProps } from "../../../validation/schema-types";
import { atomicStrList, list, obj, str, strList, strMap } from "./primitives";

/**
 * Selector shapes Karmada borrows from apimachinery and core/v1, with the list/map-type
 * markers those upstream types carry (they decide how server-side apply merges them).
 */

/** metav1.LabelSelectorRequirement / core NodeSelectorRequirement: key, operator, values. */
export const selectorRequirement: JSONSchemaProps = obj({ key: str(), operator: str(), values: atomicStrList }, { required: ["key", "operator"] });

/** metav1.LabelSelector (`+structType=atomic`). */
export const labelSelector: JSONSchemaProps = obj(
  { matchExpressions: list(selectorRequirement, { "x-kubernetes-list-type": "atomic" }), matchLabels: strMap },
  { extra: { "x-kubernetes-map-type": "atomic" } },
);

/** Karmada FieldSelector: node-selector requirements over provider/region/zone (a plain list). */
export const fieldSelector: JSONSchemaProps = obj({ matchExpressions: list(selectorRequirement) });

/** corev1.NodeSelector (ReplicaRequirements.NodeClaim.hardNodeAffinity). */
export const nodeSelector: JSONSchemaProps = obj(
  {
    nodeSelectorTerms: list(
      obj(
        {
          matchExpressions: list(selectorRequirement, { "x-kubernetes-list-type": "atomic" }),
          matchFields: list(selectorRequirement, { "x-kubernetes-list-type": "atomic" }),
        },
        { extra: { "x-kubernetes-map-type": "atomic" } },
      ),
      { "x-kubernetes-list-type": "atomic" },
    ),
  },
  { required: ["nodeSelectorTerms"], extra: { "x-kubernetes-map-type": "atomic" } },
);

/** The fields of Karmada's ClusterAffinity, shared with the inlining affinity terms. */
export const clusterAffinityFields: Record<string, JSONSchemaProps> = {
  labelSelector,
  fieldSelector,
  clusterNames: strList,
  // Go field ExcludeClusters, serialised as "exclude".
  exclude: strList,
};

/** policy/v1alpha1 ClusterAffinity. */
export const clusterAffinity: JSONSchemaProps = obj(clusterAffinityFields);

/** policy/v1alpha1 ResourceSelector: apiVersion and kind are required. */
export const resourceSelector: JSONSchemaProps = obj(
  { apiVersion: str(), kind: str(), namespace: str(), name: str(), labelSelector },
  { required: ["apiVersion", "kind"] },
);

/** corev1.Toleration (cluster tolerations and node-claim tolerations). */
export const toleration: JSONSchemaProps = obj({
  key: str(),
  operator: str(),
  value: str(),
  effect: str(),
  tolerationSeconds: { type: "integer", format: "int64" },
});
