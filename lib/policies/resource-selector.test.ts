import { describe, expect, it } from "vitest";
import type { ResourceSelector } from "../kube/karmada";
import { ImplicitPriority, compareBytes, matchesAnyResourceSelector, matchesResourceSelector, selectorPriority, selectorsPriority } from "./resource-selector";

const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "test", namespace: "default", labels: { foo: "bar" } } };
const sel = (s: Partial<ResourceSelector>): ResourceSelector => ({ apiVersion: "v1", kind: "Pod", ...s });

// Karmada's TestResourceSelectorPriority table.
describe("selectorPriority", () => {
  it.each<[string, ResourceSelector, number]>([
    ["APIVersion not matched", sel({ apiVersion: "unmatched", name: "foo", namespace: "default" }), ImplicitPriority.MisMatch],
    ["Kind not matched", sel({ kind: "Unmatched", name: "foo", namespace: "default" }), ImplicitPriority.MisMatch],
    ["namespace not matched", sel({ name: "foo", namespace: "Unmatched" }), ImplicitPriority.MisMatch],
    ["namespace unset and name matched", sel({ name: "test" }), ImplicitPriority.MatchName],
    ["[case 1] name not matched", sel({ name: "unmatched", labelSelector: { matchLabels: { foo: "bar" } } }), ImplicitPriority.MisMatch],
    ["[case 1] name matched, labels ignored", sel({ name: "test", labelSelector: { matchLabels: { foo: "unmatched" } } }), ImplicitPriority.MatchName],
    ["[case 2] name not matched", sel({ name: "unmatched" }), ImplicitPriority.MisMatch],
    ["[case 2] name matched", sel({ name: "test" }), ImplicitPriority.MatchName],
    ["[case 3] labels not matched", sel({ labelSelector: { matchLabels: { foo: "unmatched" } } }), ImplicitPriority.MisMatch],
    ["[case 3] labels matched", sel({ labelSelector: { matchLabels: { foo: "bar" } } }), ImplicitPriority.MatchLabelSelector],
    ["[case 4] match all", sel({}), ImplicitPriority.MatchAll],
    ["[case 4] labels error", sel({ labelSelector: { matchLabels: { "": "bar" } } }), ImplicitPriority.MisMatch],
    ["In without values is an error", sel({ labelSelector: { matchExpressions: [{ key: "foo", operator: "NotIn", values: [] }] } }), ImplicitPriority.MisMatch],
    ["empty labelSelector matches", sel({ labelSelector: {} }), ImplicitPriority.MatchLabelSelector],
  ])("%s", (_n, s, want) => {
    expect(selectorPriority(s, pod)).toBe(want);
  });
});

// Karmada's TestResourceMatchSelectors / TestResourceMatchSelectorsPriority.
describe("selector lists", () => {
  const kindOnly = sel({});
  const miss = sel({ name: "other" });
  const named = sel({ name: "test" });
  it.each<[string, ResourceSelector[], boolean, number]>([
    ["empty", [], false, 0],
    ["[matched, unmatched]", [kindOnly, miss], true, 1],
    ["[unmatched, matched]", [miss, kindOnly], true, 1],
    ["[unmatched, unmatched]", [miss, miss], false, 0],
    ["[1, 3]", [kindOnly, named], true, 3],
    ["[3, 1]", [named, kindOnly], true, 3],
  ])("%s", (_n, list, matches, prio) => {
    expect(matchesAnyResourceSelector(list, pod)).toBe(matches);
    expect(selectorsPriority(list, pod)).toBe(prio);
  });
});

describe("compareBytes", () => {
  it.each([
    ["A", "B", -1],
    ["B", "a", -1],
    ["ab", "abc", -1],
    ["b", "a", 1],
    ["x", "x", 0],
    ["\uffff", "\u{10000}", -1],
  ])("%j vs %j", (a, b, want) => {
    expect(Math.sign(compareBytes(a, b))).toBe(want);
  });
});

// pkg/util/selector_test.go TestResourceMatches, TestResourceMatchSelectors and
// TestResourceMatchSelectorsPriority with Karmada's own selectors.
describe("ResourceMatches / ResourceMatchSelectors(Priority) (karmada selector_test)", () => {
  const misMatch = sel({ name: "unmatched" });
  const matchAll = sel({});
  const matchLabels = sel({ labelSelector: { matchLabels: { foo: "bar" } } });
  const matchName = sel({ name: "test" });
  it.each<[string, ResourceSelector, number, boolean]>([
    ["miss match", misMatch, ImplicitPriority.MisMatch, false],
    ["match all", matchAll, ImplicitPriority.MatchAll, true],
    ["match labels", matchLabels, ImplicitPriority.MatchLabelSelector, true],
    ["match name", matchName, ImplicitPriority.MatchName, true],
  ])("%s", (_n, s, prio, matches) => {
    expect(selectorPriority(s, pod)).toBe(prio);
    expect(matchesResourceSelector(s, pod)).toBe(matches);
  });

  const matched = sel({});
  const unmatched = sel({ kind: "Unmatched" });
  it.each<[string, ResourceSelector[] | undefined, boolean]>([
    ["empty", undefined, false],
    ["selectors are [matched, unmatched]", [matched, unmatched], true],
    ["selectors are [unmatched, matched]", [unmatched, matched], true],
    ["selectors are [unmatched, unmatched]", [unmatched, unmatched], false],
    ["selectors are [matched, matched]", [matched, matched], true],
  ])("ResourceMatchSelectors %s", (_n, list, want) => {
    expect(matchesAnyResourceSelector(list, pod)).toBe(want);
  });

  const p1 = sel({});
  const p3 = sel({ name: "test" });
  it.each<[string, ResourceSelector[] | undefined, number]>([
    ["empty", undefined, 0],
    ["priority of selectors are [1, 1]", [p1, p1], 1],
    ["priority of selectors are [1, 3]", [p1, p3], 3],
    ["priority of selectors are [3, 1]", [p3, p1], 3],
  ])("ResourceMatchSelectorsPriority %s", (_n, list, want) => {
    expect(selectorsPriority(list, pod)).toBe(want);
  });
});
