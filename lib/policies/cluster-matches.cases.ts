import type { Cluster, ClusterAffinity, FieldSelectorRequirement } from "../kube/karmada";

/**
 * Karmada's pkg/util/selector_test.go TestClusterMatches table (cluster1, labels foo=bar, zones
 * zone1-3, region1, provider1), plus cases for what its selectors reject (labels.NewRequirement
 * and metav1.LabelSelectorAsSelector errors make ClusterMatches false). Shared by the tests of
 * lib/policies/cluster-affinity.ts and of the scheduler's compiled ClusterAffinity filter, which
 * must agree.
 */
export const cluster: Cluster = {
  apiVersion: "cluster.karmada.io/v1alpha1",
  kind: "Cluster",
  metadata: { name: "cluster1", labels: { foo: "bar" } },
  spec: { syncMode: "Push", zones: ["zone1", "zone2", "zone3"], region: "region1", provider: "provider1" },
};
const zones = cluster.spec.zones!;
const fs = (...e: FieldSelectorRequirement[]) => ({ matchExpressions: e });
const lbl = (v: string) => ({ matchLabels: { foo: v } });

// Karmada's TestClusterMatches table.
export const clusterMatchesCases: [string, ClusterAffinity, boolean][] = [
  ["excluded and names", { exclude: ["cluster1"], clusterNames: ["cluster1"] }, false],
  ["excluded and label selector", { exclude: ["cluster1"], labelSelector: lbl("bar") }, false],
  ["excluded and field selector", { exclude: ["cluster1"], fieldSelector: fs({ key: "zone", operator: "In", values: zones }) }, false],
  ["cluster names", { clusterNames: ["cluster1"] }, true],
  ["cluster names not matched", { clusterNames: ["cluster2"] }, false],
  ["names and label selector", { labelSelector: lbl("bar"), clusterNames: ["cluster1"] }, true],
  ["names and label selector not matched", { labelSelector: lbl("unmatched"), clusterNames: ["cluster1"] }, false],
  ["names and zone & region", { clusterNames: ["cluster1"], fieldSelector: fs({ key: "zone", operator: "In", values: zones }, { key: "region", operator: "In", values: ["region1"] }) }, true],
  ["names and provider", { clusterNames: ["cluster1"], fieldSelector: fs({ key: "provider", operator: "In", values: ["provider1"] }) }, true],
  ["names and region", { clusterNames: ["cluster1"], fieldSelector: fs({ key: "region", operator: "In", values: ["region1"] }) }, true],
  ["names and zone not in", { clusterNames: ["cluster1"], fieldSelector: fs({ key: "zone", operator: "NotIn", values: zones }) }, false],
  ["names and provider not in", { clusterNames: ["cluster1"], fieldSelector: fs({ key: "provider", operator: "NotIn", values: ["provider1"] }) }, false],
  ["names and region not in", { clusterNames: ["cluster1"], fieldSelector: fs({ key: "region", operator: "NotIn", values: ["region1"] }) }, false],
  ["label and zone", { labelSelector: lbl("bar"), fieldSelector: fs({ key: "zone", operator: "In", values: zones }) }, true],
  ["label and provider", { labelSelector: lbl("bar"), fieldSelector: fs({ key: "provider", operator: "In", values: ["provider1"] }) }, true],
  ["label and region", { labelSelector: lbl("bar"), fieldSelector: fs({ key: "region", operator: "In", values: ["region1"] }) }, true],
  ["label and zone not in", { labelSelector: lbl("bar"), fieldSelector: fs({ key: "zone", operator: "NotIn", values: zones }) }, false],
  ["label and provider not in", { labelSelector: lbl("bar"), fieldSelector: fs({ key: "provider", operator: "NotIn", values: ["provider1"] }) }, false],
  ["label and region not in", { labelSelector: lbl("bar"), fieldSelector: fs({ key: "region", operator: "NotIn", values: ["region1"] }) }, false],
  ["label selector", { labelSelector: lbl("bar") }, true],
  ["label selector not matched", { labelSelector: lbl("unmatched") }, false],
  ["empty affinity", {}, true],
  ["label selector error", { labelSelector: { matchLabels: { "": "bar" } } }, false],
  ["field selector error", { fieldSelector: fs({ key: "", operator: "" as "In" }) }, false],
  ["zone matched", { fieldSelector: fs({ key: "zone", operator: "In", values: zones }) }, true],
  ["zone partially matched", { clusterNames: ["cluster1"], fieldSelector: fs({ key: "zone", operator: "NotIn", values: zones }) }, false],
  ["zone overlap", { clusterNames: ["cluster1"], fieldSelector: fs({ key: "zone", operator: "In", values: ["zone2"] }) }, true],
  ["region matched", { fieldSelector: fs({ key: "region", operator: "In", values: ["region1"] }) }, true],
  ["region not in", { clusterNames: ["cluster1"], fieldSelector: fs({ key: "region", operator: "NotIn", values: ["region1"] }) }, false],
  ["region other", { clusterNames: ["cluster1"], fieldSelector: fs({ key: "region", operator: "In", values: ["region2"] }) }, false],
  ["provider matched", { fieldSelector: fs({ key: "provider", operator: "In", values: ["provider1"] }) }, true],
  ["provider not in", { fieldSelector: fs({ key: "provider", operator: "NotIn", values: ["provider1"] }) }, false],
  ["provider other", { fieldSelector: fs({ key: "provider", operator: "In", values: ["provider2"] }) }, false],
  ["other key", { fieldSelector: fs({ key: "metadata.name", operator: "In", values: ["cluster1"] }) }, false],
  ["all three", { fieldSelector: fs({ key: "zone", operator: "In", values: zones }), labelSelector: lbl("bar"), clusterNames: ["cluster1"] }, true],
  ["all three, name off", { fieldSelector: fs({ key: "zone", operator: "In", values: zones }), labelSelector: lbl("bar"), clusterNames: ["cluster2"] }, false],
  ["all three, zone off", { fieldSelector: fs({ key: "zone", operator: "NotIn", values: zones }), labelSelector: lbl("bar"), clusterNames: ["cluster1"] }, false],
  ["all three, label off", { fieldSelector: fs({ key: "zone", operator: "In", values: zones }), labelSelector: lbl("Unmatched"), clusterNames: ["cluster1"] }, false],
];


/** Beyond Karmada's table: inputs its selector conversion rejects or accepts, with the answer util.ClusterMatches gives. */
export const clusterMatchesStrictCases: [string, ClusterAffinity, boolean][] = [
  ["matchLabels key not a qualified name", { labelSelector: { matchLabels: { "foo bar": "x" } } }, false],
  ["matchLabels value not a label value", { labelSelector: { matchLabels: { foo: "bar!" } } }, false],
  ["matchLabels value not a label value, key absent", { labelSelector: { matchLabels: { other: "-x" } } }, false],
  ["label NotIn with an invalid value", { labelSelector: { matchExpressions: [{ key: "other", operator: "NotIn", values: ["a b"] }] } }, false],
  ["label NotIn on an absent key", { labelSelector: { matchExpressions: [{ key: "other", operator: "NotIn", values: ["a"] }] } }, true],
  ["label Exists with values", { labelSelector: { matchExpressions: [{ key: "foo", operator: "Exists", values: ["bar"] }] } }, false],
  ["label Gt is not a label selector operator", { labelSelector: { matchExpressions: [{ key: "foo", operator: "Gt" as "In", values: ["1"] }] } }, false],
  ["empty label selector", { labelSelector: {} }, true],
  ["prefixed key", { labelSelector: { matchExpressions: [{ key: "example.com/tier", operator: "DoesNotExist" }] } }, true],
  ["bad key prefix", { labelSelector: { matchExpressions: [{ key: "Example.com/tier", operator: "DoesNotExist" }] } }, false],
  ["field key not a qualified name", { fieldSelector: fs({ key: "prov ider", operator: "NotIn", values: ["x"] }) }, false],
  ["field NotIn with an invalid value", { fieldSelector: fs({ key: "provider", operator: "NotIn", values: ["x y"] }) }, false],
  ["field In with no values", { fieldSelector: fs({ key: "region", operator: "In", values: [] }) }, false],
  ["field Exists", { fieldSelector: fs({ key: "region", operator: "Exists" }) }, true],
  ["field DoesNotExist on an unknown key", { fieldSelector: fs({ key: "metadata.name", operator: "DoesNotExist" }) }, true],
  ["field Exists with values", { fieldSelector: fs({ key: "region", operator: "Exists", values: ["region1"] }) }, false],
  ["field Gt with a negative bound (not a label value)", { fieldSelector: fs({ key: "region", operator: "Gt" as "In", values: ["-1"] }) }, false],
  ["field Gt on a non-numeric field", { fieldSelector: fs({ key: "region", operator: "Gt" as "In", values: ["1"] }) }, false],
  ["field Gt with two values", { fieldSelector: fs({ key: "region", operator: "Gt" as "In", values: ["1", "2"] }) }, false],
  ["field Gt beyond int64", { fieldSelector: fs({ key: "region", operator: "Gt" as "In", values: ["9223372036854775808"] }) }, false],
  ["zone requirement values are not validated", { fieldSelector: fs({ key: "zone", operator: "NotIn", values: ["not a label value!"] }) }, true],
  ["zone In with no values", { fieldSelector: fs({ key: "zone", operator: "In", values: [] }) }, false],
  ["zone Gt", { fieldSelector: fs({ key: "zone", operator: "Gt" as "In", values: ["1"] }) }, false],
  ["only zone checked when the other requirement is invalid", { fieldSelector: fs({ key: "zone", operator: "In", values: ["zone1"] }, { key: "", operator: "In" }) }, false],
  ["empty field selector", { fieldSelector: { matchExpressions: [] } }, true],
  ["exclude only", { exclude: ["cluster2"] }, true],
];

/** A cluster with only the deprecated zone: util.ClusterMatches reads spec.zones alone. */
export const deprecatedZoneCluster: Cluster = { apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name: "old" }, spec: { syncMode: "Push", zone: "z1" } };
