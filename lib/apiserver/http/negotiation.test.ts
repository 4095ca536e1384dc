import { describe, expect, it } from "vitest";
import { contentTypeOf, wantsAggregatedDiscovery, wantsTable } from "./negotiation";

describe("negotiation", () => {
  it.each([
    ["application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json", "v1"],
    ["application/json;as=Table;v=v1beta1;g=meta.k8s.io", "v1beta1"],
    ["application/json", undefined],
    [null, undefined],
  ])("wantsTable(%s)", (accept, want) => {
    expect(wantsTable(accept)).toBe(want);
  });

  it.each([
    ["application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json", "v2"],
    ["application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList", "v2beta1"],
    ["application/json, */*", undefined],
  ])("wantsAggregatedDiscovery(%s)", (accept, want) => {
    expect(wantsAggregatedDiscovery(accept)).toBe(want);
  });

  it("reads the bare content type", () => {
    expect(contentTypeOf("application/merge-patch+json; charset=utf-8")).toBe("application/merge-patch+json");
    expect(contentTypeOf(null)).toBe("");
  });
});
