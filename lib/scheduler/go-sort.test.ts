import { describe, expect, it } from "vitest";
import { goSort } from "./go-sort";

type Item = { name: string; weight: number };
const desc = (list: Item[]) => goSort(list, (a, b) => a.weight > b.weight);
const names = (list: Item[]) => list.map((i) => i.name);
const items = (weights: number[]) => weights.map((weight, i) => ({ name: `m${String(i).padStart(2, "0")}`, weight }));

describe("goSort (Go's sort.Sort)", () => {
  it("up to 12 elements is an insertion sort: ties keep their order", () => {
    expect(names(desc(items([1, 5, 5, 2, 5, 9, 1, 5, 0, 5, 5, 5])))).toEqual(["m05", "m01", "m02", "m04", "m07", "m09", "m10", "m11", "m03", "m00", "m06", "m08"]);
  });

  it("an already sorted (or all equal) list of any length is left as it is", () => {
    expect(names(desc(items(Array(40).fill(3))))).toEqual(names(items(Array(40).fill(3))));
    const sorted = items([...Array(60).keys()].map((i) => 100 - Math.floor(i / 7)));
    expect(names(desc([...sorted]))).toEqual(names(sorted));
  });

  it("moves ties as pdqsort does beyond 12 elements (hand-traced: 12 fives then a ten)", () => {
    // choosePivot picks index 6 (no swaps: increasing hint), partialInsertionSort gives up on a
    // short slice, partition swaps the pivot to the front and the ten to index 1, then the
    // 11 elements right of the pivot are insertion-sorted.
    expect(names(desc(items([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 10])))).toEqual(["m12", "m06", "m02", "m03", "m04", "m05", "m00", "m07", "m08", "m09", "m10", "m11", "m01"]);
  });

  it("always sorts (random lists, many ties)", () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(rnd() * 200);
      const list = items(Array.from({ length: n }, () => Math.floor(rnd() * (round % 3 === 0 ? 3 : 50))));
      const got = desc([...list]);
      expect(got.length).toBe(n);
      expect(new Set(names(got)).size).toBe(n);
      for (let i = 1; i < n; i++) expect(got[i - 1].weight).toBeGreaterThanOrEqual(got[i].weight);
    }
  });
});
