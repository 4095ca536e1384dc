import { describe, expect, it } from "vitest";
import { FieldSet } from "./field-set";
import { keyedList, setList, struct } from "./patch-meta-types";
import { mergeApplied, removeItems } from "./ssa-merge";

const meta = struct({ items: keyedList("name", ["name"]), tags: setList(), atomic: { list: "atomic" } });
const names = (v: unknown) => ((v as { items: { name: string }[] }).items ?? []).map((i) => i.name);

describe("mergeApplied", () => {
  it.each([
    ["appends new items after live ones", ["a", "b"], ["c"], ["a", "b", "c"]],
    ["keeps live-only items in place", ["a", "b", "c"], ["b"], ["a", "b", "c"]],
    ["follows the configuration's order for shared items", ["a", "b"], ["b", "a"], ["b", "a"]],
    ["places new items where the configuration puts them", ["a", "c"], ["a", "b", "c"], ["a", "b", "c"]],
  ])("keyed lists: %s", (_n, live, config, want) => {
    const out = mergeApplied({ items: live.map((name) => ({ name })) }, { items: config.map((name) => ({ name })) }, meta);
    expect(names(out)).toEqual(want);
  });

  it("merges item fields and keeps unmentioned ones", () => {
    const out = mergeApplied({ items: [{ name: "a", x: 1, y: 2 }] }, { items: [{ name: "a", x: 3 }] }, meta);
    expect(out).toEqual({ items: [{ name: "a", x: 3, y: 2 }] });
  });

  it("unions set lists and replaces atomic ones", () => {
    const out = mergeApplied({ tags: ["a"], atomic: [1, 2] }, { tags: ["b"], atomic: [3] }, meta);
    expect(out).toEqual({ tags: ["a", "b"], atomic: [3] });
  });

  it("a null in the configuration removes the field", () => {
    expect(mergeApplied({ a: 1, b: 2 }, { a: null }, meta)).toEqual({ b: 2 });
  });
});

describe("removeItems", () => {
  it("removes members and containers left empty", () => {
    const set = new FieldSet().insert(["f:spec", "f:a"]).insert(["f:items", 'k:{"name":"x"}']);
    const out = removeItems({ spec: { a: 1 }, items: [{ name: "x" }, { name: "y" }], keep: true }, set, meta);
    expect(out).toEqual({ items: [{ name: "y" }], keep: true });
  });

  it("leaves untouched empty containers alone", () => {
    const set = new FieldSet().insert(["f:spec", "f:a"]);
    expect(removeItems({ spec: { a: 1, b: 2 }, empty: {} }, set, meta)).toEqual({ spec: { b: 2 }, empty: {} });
  });
});
