import { describe, expect, it } from "vitest";
import { WritePacer } from "./write-pacer";

describe("WritePacer", () => {
  it("holds a key until the interval after its last in-progress write", () => {
    const p = new WritePacer(2000);
    expect(p.waitMs("a", 0)).toBe(0);
    p.wrote("a", 1000, true);
    expect(p.waitMs("a", 1500)).toBe(1500);
    expect(p.waitMs("a", 3000)).toBe(0);
    expect(p.waitMs("b", 1500)).toBe(0);
  });
  it("forgets a key whose write was no longer in progress", () => {
    const p = new WritePacer(2000);
    p.wrote("a", 1000, true);
    p.wrote("a", 1200, false);
    expect(p.waitMs("a", 1300)).toBe(0);
    expect(p.size).toBe(0);
  });
  it("keeps at most maxEntries keys, dropping the oldest", () => {
    const p = new WritePacer(2000, 2);
    p.wrote("a", 0, true);
    p.wrote("b", 0, true);
    p.wrote("c", 0, true);
    expect(p.size).toBe(2);
    expect(p.waitMs("a", 0)).toBe(0);
    expect(p.waitMs("c", 0)).toBe(2000);
  });
});
