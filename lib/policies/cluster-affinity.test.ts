import { describe, expect, it } from "vitest";
import type { FieldSelectorRequirement } from "../kube/karmada";
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
