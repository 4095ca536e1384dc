import { describe, expect, it } from "vitest";
import type { Cluster, FieldSelectorRequirement } from "../kube/karmada";
import { matchClusterAffinity, matchZones } from "./cluster-affinity";
import { cluster, clusterMatchesCases, clusterMatchesStrictCases, deprecatedZoneCluster } from "./cluster-matches.cases";

describe("matchClusterAffinity", () => {
  it.each(clusterMatchesCases)("%s", (_n, affinity, want) => {
    expect(matchClusterAffinity(affinity, cluster)).toBe(want);
  });
  it.each(clusterMatchesStrictCases)("strict: %s", (_n, affinity, want) => {
    expect(matchClusterAffinity(affinity, cluster)).toBe(want);
  });
  it("reads spec.zones only", () => {
    expect(matchClusterAffinity({ fieldSelector: { matchExpressions: [{ key: "zone", operator: "In", values: ["z1"] }] } }, deprecatedZoneCluster)).toBe(false);
  });
});

// pkg/util/selector_test.go Test_matchZones, with its inputs.
describe("matchZones", () => {
  it.each<[string, FieldSelectorRequirement, string[], boolean]>([
    ["empty zones for In operator", { key: "zone", operator: "In", values: ["foo"] }, [], false],
    ["overlapping zones for In operator", { key: "zone", operator: "In", values: ["foo"] }, ["foo", "bar"], true],
    ["all zones for In operator", { key: "zone", operator: "In", values: ["foo", "bar"] }, ["foo", "bar"], true],
    ["empty zones for NotIn operator", { key: "zone", operator: "NotIn", values: ["foo"] }, [], true],
    ["partial zones for NotIn operator", { key: "zone", operator: "NotIn", values: ["foo"] }, ["foo", "bar"], false],
    ["empty zones for Exists operator", { key: "zone", operator: "Exists" }, [], false],
    ["empty zones for DoesNotExist operator", { key: "zone", operator: "DoesNotExist" }, [], true],
    ["unknown operator", { key: "zone", operator: "Gt" as "In" }, ["foo"], false],
  ])("%s", (_n, e, z, want) => {
    expect(matchZones(e, z)).toBe(want);
  });
});

// pkg/util/selector_test.go Test_extractClusterFields: provider and region are fields only when
// non-empty, read here through Exists requirements.
describe("extractClusterFields", () => {
  const exists = (key: string) => ({ fieldSelector: { matchExpressions: [{ key, operator: "Exists" as const }] } });
  const withSpec = (spec: Partial<Cluster["spec"]>): Cluster => ({ apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name: "c" }, spec: { syncMode: "Push", ...spec } });
  it.each<[string, Partial<Cluster["spec"]>, string[]]>([
    ["empty", {}, []],
    ["empty strings", { provider: "", region: "" }, []],
    ["provider is set", { provider: "foo" }, ["provider"]],
    ["region is set", { region: "foo" }, ["region"]],
    ["all are set", { provider: "foo", region: "bar" }, ["provider", "region"]],
  ])("%s", (_n, spec, fields) => {
    const c = withSpec(spec);
    expect(["provider", "region"].filter((k) => matchClusterAffinity(exists(k), c))).toEqual(fields);
  });
});
