import { describe, expect, it } from "vitest";
import { formatLabelSelector, formatLabels, humanDuration } from "./format";

describe("humanDuration (apimachinery HumanDuration)", () => {
  it.each([
    [-5000, "<invalid>"],
    [0, "0s"],
    [119_000, "119s"],
    [125_000, "2m5s"],
    [600_000, "10m"],
    [3 * 3600_000 + 60_000, "3h1m"],
    [10 * 3600_000, "10h"],
    [50 * 3600_000, "2d2h"],
    [30 * 86400_000, "30d"],
    [3 * 365 * 86400_000 + 86400_000 * 4, "3y4d"],
    [9 * 365 * 86400_000, "9y"],
  ])("%d ms -> %s", (ms, out) => {
    expect(humanDuration(ms)).toBe(out);
  });
});

describe("label formatting", () => {
  it("formats labels and selectors sorted by key", () => {
    expect(formatLabels({ b: "2", a: "1" })).toBe("a=1,b=2");
    expect(formatLabels({})).toBe("<none>");
    expect(formatLabelSelector({ matchLabels: { z: "1" }, matchExpressions: [{ key: "a", operator: "In", values: ["y", "x"] }, { key: "m", operator: "DoesNotExist" }] })).toBe("a in (x,y),!m,z=1");
  });
});
