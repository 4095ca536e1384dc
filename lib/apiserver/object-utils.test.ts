import { describe, expect, it } from "vitest";
import { deepEqual, formatTime, generateName, specPart } from "./object-utils";

describe("object utils", () => {
  it.each([
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1 }, { a: 2 }, false],
    [{ a: [1, 2] }, { a: [2, 1] }, false],
    [{ a: undefined }, {}, true],
    [null, {}, false],
  ])("deepEqual(%j, %j) = %s", (a, b, want) => {
    expect(deepEqual(a, b)).toBe(want);
  });

  it("specPart drops metadata, status and type meta", () => {
    expect(specPart({ apiVersion: "v1", kind: "X", metadata: { name: "a" }, status: { x: 1 }, spec: { y: 2 }, data: {} })).toEqual({ spec: { y: 2 }, data: {} });
  });

  it("generateName appends 5 characters from the kube alphabet", () => {
    const n = generateName("web-");
    expect(n).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it("formatTime drops milliseconds", () => {
    expect(formatTime(new Date("2024-01-02T03:04:05.678Z"))).toBe("2024-01-02T03:04:05Z");
    // Same second (remembered), then the next and an earlier one.
    expect(formatTime(new Date("2024-01-02T03:04:05.001Z"))).toBe("2024-01-02T03:04:05Z");
    expect(formatTime(new Date("2024-01-02T03:04:06.000Z"))).toBe("2024-01-02T03:04:06Z");
    expect(formatTime(new Date("1999-12-31T23:59:59.999Z"))).toBe("1999-12-31T23:59:59Z");
    expect(() => formatTime(new Date(NaN))).toThrow(RangeError);
  });
});
