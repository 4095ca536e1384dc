import { describe, expect, it } from "vitest";
import { hrefWithNamespace, namespaceOf, searchOf, searchTarget, searchesInPlace, withParam } from "./console-filters";

describe("console filters in the URL", () => {
  it.each([
    ["", undefined],
    ["ns=", undefined],
    ["ns=%20", undefined],
    ["ns=prod", "prod"],
    ["q=x&ns=team-a", "team-a"],
  ])("namespaceOf(%j) = %j", (qs, want) => {
    expect(namespaceOf(new URLSearchParams(qs))).toBe(want);
  });

  it("reads the search text, empty when absent", () => {
    expect(searchOf(new URLSearchParams("q=web"))).toBe("web");
    expect(searchOf(new URLSearchParams(""))).toBe("");
  });

  it.each([
    ["q=a", "ns", "prod", "?q=a&ns=prod"],
    ["ns=prod&q=a", "ns", undefined, "?q=a"],
    ["ns=prod", "ns", "", ""],
    ["ns=a&page=3", "ns", "b", "?ns=b"],
    ["", "q", "web app", "?q=web+app"],
  ])("withParam(%j, %s, %j) = %j", (qs, name, value, want) => {
    expect(withParam(qs, name, value)).toBe(want);
  });

  it("keeps the namespace on navigation links, and only the namespace", () => {
    expect(hrefWithNamespace("/resources", "prod")).toBe("/resources?ns=prod");
    expect(hrefWithNamespace("/resources?kind=Deployment", "prod")).toBe("/resources?kind=Deployment&ns=prod");
    expect(hrefWithNamespace("/clusters", undefined)).toBe("/clusters");
  });

  it("searches list pages in place and sends other pages to /resources", () => {
    expect(searchesInPlace("/clusters")).toBe(true);
    expect(searchesInPlace("/clusters/member1")).toBe(false);
    expect(searchTarget("/clusters", "ns=prod&page=2", "eu")).toBe("/clusters?ns=prod&q=eu");
    expect(searchTarget("/policies", "q=old", "  ")).toBe("/policies");
    expect(searchTarget("/", "ns=prod", "web")).toBe("/resources?ns=prod&q=web");
    expect(searchTarget("/workflow/default/Deployment/web", "", "")).toBe("/resources");
  });
});
