import { describe, it, expect } from "vitest";
import { parseLabelSelector, matchesSelector, matchesLabelSelector, parseFieldSelector, matchesFields } from "./selectors";
import { ApiError } from "./errors";

describe("label selectors", () => {
  const labels = { app: "web", tier: "front", env: "prod" };
  it.each([
    ["app=web", true],
    ["app==web", true],
    ["app!=web", false],
    ["missing!=x", true],
    ["app in (web,api)", true],
    ["app notin (web)", false],
    ["missing notin (web)", true],
    ["tier", true],
    ["!tier", false],
    ["!missing", true],
    ["app=web,tier=back", false],
    ["app in (web, api),env=prod,!missing", true],
    ["", true],
  ])("%s → %s", (sel, expected) => {
    expect(matchesSelector(parseLabelSelector(sel), labels)).toBe(expected);
  });

  it("rejects bad syntax with a 400 Status", () => {
    for (const bad of ["app=web,", "a b", "=x", "app in web"]) {
      try {
        parseLabelSelector(bad);
        throw new Error(`accepted ${bad}`);
      } catch (e) {
        expect(e).toBeInstanceOf(ApiError);
        expect((e as ApiError).code).toBe(400);
      }
    }
  });

  it("matches metav1.LabelSelector objects", () => {
    expect(matchesLabelSelector({ matchLabels: { app: "web" }, matchExpressions: [{ key: "env", operator: "In", values: ["prod"] }] }, labels)).toBe(true);
    expect(matchesLabelSelector({ matchExpressions: [{ key: "env", operator: "DoesNotExist" }] }, labels)).toBe(false);
    expect(matchesLabelSelector({}, labels)).toBe(true);
  });
});

describe("field selectors", () => {
  it("parses and matches = == !=", () => {
    const reqs = parseFieldSelector("metadata.name=a,metadata.namespace!=b");
    expect(matchesFields(reqs, (f) => ({ "metadata.name": "a", "metadata.namespace": "c" })[f])).toBe(true);
    expect(matchesFields(reqs, (f) => ({ "metadata.name": "a", "metadata.namespace": "b" })[f])).toBe(false);
  });
});
