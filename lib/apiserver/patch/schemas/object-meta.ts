import { atomicList, keyedList, mapOf, setList, struct } from "../patch-meta-types";

/** metav1.ObjectMeta: labels/annotations are maps, finalizers a merged set, ownerReferences keyed by uid. */
export const objectMetaMeta = struct({
  labels: mapOf(),
  annotations: mapOf(),
  finalizers: setList(),
  ownerReferences: keyedList("uid", ["uid"]),
  managedFields: atomicList(),
});

/** metav1.LabelSelector is `+structType=atomic`: SSA owns a selector as a whole. */
export const labelSelectorMeta = struct({ matchLabels: mapOf(), matchExpressions: atomicList() }, { atomic: true });

/** `status.conditions` of most kinds: keyed by type for both SMP and SSA. */
export const conditionsMeta = keyedList("type", ["type"]);
