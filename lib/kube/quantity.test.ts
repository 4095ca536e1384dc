import { describe, expect, it } from "vitest";
import {
  addResourceLists,
  formatQuantity,
  parseQuantity,
  parseQuantityExact,
  quantityMilliValue,
  quantityValue,
  resourceAmount,
  subtractResourceLists,
} from "./quantity";

describe("parseQuantity", () => {
  it.each([
    ["100m", 0.1],
    ["1", 1],
    ["1.5", 1.5],
    ["2Gi", 2 * 1024 ** 3],
    ["500Mi", 500 * 1024 ** 2],
    ["1e3", 1000],
    ["1E3", 1000],
    ["1k", 1000],
    ["1M", 1e6],
    ["1Ki", 1024],
    ["-2", -2],
    [".5", 0.5],
    ["250u", 0.00025],
    ["3n", 3e-9],
    [4, 4],
  ] as const)("%s → %d", (input, want) => {
    expect(parseQuantity(input)).toBeCloseTo(want, 12);
  });

  it.each(["", "abc", "1 Gi", "1KB", "1.2.3", "Gi"])("rejects %j", (input) => {
    expect(() => parseQuantity(input)).toThrow(/quantities must match/);
  });
});

describe("milli and whole values round up like Go", () => {
  it.each([
    ["100m", 100, 1],
    ["1", 1000, 1],
    ["1.5", 1500, 2],
    ["1.1", 1100, 2],
    ["0.0001", 1, 1],
    ["2Gi", 2 * 1024 ** 3 * 1000, 2 * 1024 ** 3],
  ] as const)("%s → milli %d, value %d", (input, milli, value) => {
    expect(quantityMilliValue(input)).toBe(milli);
    expect(quantityValue(input)).toBe(value);
  });

  it("resourceAmount uses millicores for cpu only", () => {
    expect(resourceAmount("cpu", "2")).toBe(2000);
    expect(resourceAmount("memory", "1Ki")).toBe(1024);
    expect(resourceAmount("pods", "110")).toBe(110);
  });
});

describe("formatQuantity", () => {
  it.each([
    [0.1, "DecimalSI", "100m"],
    [1.5, "DecimalSI", "1500m"],
    [2000, "DecimalSI", "2k"],
    [1, "DecimalSI", "1"],
    [0, "DecimalSI", "0"],
    [2 * 1024 ** 3, "BinarySI", "2Gi"],
    [1.5 * 1024 ** 3, "BinarySI", "1536Mi"],
    [1000, "BinarySI", "1k"],
    [1500, "BinarySI", "1500"],
    [-1024, "BinarySI", "-1Ki"],
  ] as const)("%d as %s → %s", (value, format, want) => {
    expect(formatQuantity(value, format)).toBe(want);
  });

  it("round-trips parsed quantities in their own notation", () => {
    for (const q of ["100m", "2Gi", "3k", "7"]) {
      const p = parseQuantityExact(q);
      expect(formatQuantity(p, p.format)).toBe(q);
    }
  });
});

describe("resource list arithmetic", () => {
  it("adds exactly and keeps the left notation", () => {
    expect(addResourceLists({ cpu: "100m", memory: "1Gi" }, { cpu: "900m", memory: "1Gi", pods: "3" })).toEqual({
      cpu: "1",
      memory: "2Gi",
      pods: "3",
    });
  });

  it("subtracts and may go negative", () => {
    expect(subtractResourceLists({ cpu: "1", memory: "4Gi" }, { cpu: "1500m", memory: "1Gi" })).toEqual({
      cpu: "-500m",
      memory: "3Gi",
    });
    expect(subtractResourceLists(undefined, { pods: "2" })).toEqual({ pods: "-2" });
  });
});
