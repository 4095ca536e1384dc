import { describe, expect, it } from "vitest";
import { formatAge } from "./age";

const NOW = Date.parse("2025-01-01T00:00:00Z");
const ago = (s: number) => new Date(NOW - s * 1000).toISOString();

describe("formatAge (kubectl's HumanDuration)", () => {
  it.each([
    [0, "0s"],
    [45, "45s"],
    [119, "119s"],
    [120, "2m"],
    [150, "2m30s"],
    [600, "10m"],
    [179 * 60, "179m"],
    [3 * 3600, "3h"],
    [3 * 3600 + 20 * 60, "3h20m"],
    [8 * 3600, "8h"],
    [47 * 3600, "47h"],
    [48 * 3600, "2d"],
    [3 * 86400 + 5 * 3600, "3d5h"],
    [10 * 86400, "10d"],
    [800 * 86400, "2y70d"],
  ])("%ss → %s", (s, want) => {
    expect(formatAge(ago(s), NOW)).toBe(want);
  });

  it("marks missing and future timestamps", () => {
    expect(formatAge(undefined, NOW)).toBe("<unknown>");
    expect(formatAge(new Date(NOW + 60_000).toISOString(), NOW)).toBe("<invalid>");
  });
});
