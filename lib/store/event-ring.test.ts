import { describe, expect, it } from "vitest";
import type { StorageEvent } from "../apiserver/storage";
import { EventRing } from "./event-ring";

const ev = (rv: number): StorageEvent => ({
  type: "ADDED",
  key: { group: "", resource: "nodes" },
  namespace: "",
  name: `n${rv}`,
  object: { apiVersion: "v1", kind: "Node", metadata: { name: `n${rv}` } },
  resourceVersion: String(rv),
});

describe("EventRing", () => {
  it("keeps the newest events and remembers what it evicted", () => {
    const r = new EventRing(3, 1);
    for (const rv of [2, 3, 4, 5, 6]) r.push(ev(rv), rv);
    expect(r.size).toBe(3);
    expect(r.compactedThrough).toBe(3);
    expect(r.covers(3)).toBe(true);
    expect(r.covers(2)).toBe(false);
    expect(r.after(3).map((e) => e.resourceVersion)).toEqual(["4", "5", "6"]);
    expect(r.after(5).map((e) => e.resourceVersion)).toEqual(["6"]);
    expect(r.after(6)).toEqual([]);
  });

  it.each([
    { name: "gaps in versions", rvs: [10, 20, 30], from: 15, want: ["20", "30"] },
    { name: "from before the first", rvs: [10, 20], from: 0, want: ["10", "20"] },
    { name: "wrapped ring", rvs: [1, 2, 3, 4, 5, 6, 7], from: 5, want: ["6", "7"] },
  ])("after(): $name", ({ rvs, from, want }) => {
    const r = new EventRing(4, 0);
    for (const rv of rvs) r.push(ev(rv), rv);
    expect(r.after(from).map((e) => e.resourceVersion)).toEqual(want);
  });

  it("raiseFloor and reset move the 410 boundary", () => {
    const r = new EventRing(10, 1);
    for (const rv of [2, 3, 4]) r.push(ev(rv), rv);
    r.raiseFloor(3);
    expect(r.covers(2)).toBe(false);
    r.raiseFloor(1);
    expect(r.compactedThrough).toBe(3);
    r.reset(9);
    expect(r.size).toBe(0);
    expect(r.covers(8)).toBe(false);
    expect(r.after(0)).toEqual([]);
  });
});
