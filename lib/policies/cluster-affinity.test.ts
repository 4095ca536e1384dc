import { describe, expect, it } from "vitest";
import type { Cluster, ClusterAffinity, FieldSelectorRequirement } from "../kube/karmada";
import { matchClusterAffinity, matchZones } from "./cluster-affinity";

const cluster: Cluster = {
  apiVersion: "cluster.karmada.io/v1alpha1",
  kind: "Cluster",
  metadata: { name: "cluster1", labels: { foo: "bar" } },
  spec: { syncMode: "Push", zones: ["zone1", "zone2", "zone3"], region: "region1", provider: "provider1" },
};
const zones = cluster.spec.zones!;
const fs = (...e: FieldSelectorRequirement[]) => ({ matchExpressions: e });
const lbl = (v: string) => ({ matchLabels: { foo: v } });

// Karmada's TestClusterMatches table.
const cases: [string, ClusterAffinity, boolean][] = [
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

describe("matchClusterAffinity", () => {
  it.each(cases)("%s", (_n, affinity, want) => {
    expect(matchClusterAffinity(affinity, cluster)).toBe(want);
  });
});

// Karmada's Test_matchZones table.
describe("matchZones", () => {
  it.each<[string, FieldSelectorRequirement, string[], boolean]>([
    ["empty zones for In", { key: "zone", operator: "In", values: ["z1"] }, [], false],
    ["overlap for In", { key: "zone", operator: "In", values: ["z1", "z2"] }, ["z2", "z3"], true],
    ["all for In", { key: "zone", operator: "In", values: ["z1", "z2"] }, ["z1", "z2"], true],
    ["empty zones for NotIn", { key: "zone", operator: "NotIn", values: ["z1"] }, [], true],
    ["partial for NotIn", { key: "zone", operator: "NotIn", values: ["z1"] }, ["z1", "z2"], false],
    ["empty zones for Exists", { key: "zone", operator: "Exists" }, [], false],
    ["empty zones for DoesNotExist", { key: "zone", operator: "DoesNotExist" }, [], true],
    ["unknown operator", { key: "zone", operator: "Gt" as "In", values: ["1"] }, ["z1"], false],
  ])("%s", (_n, e, z, want) => {
    expect(matchZones(e, z)).toBe(want);
  });
});
