import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kube/types";
import { deepEqual, formatTime, generateName, sameIgnoringManagedTimes, specPart } from "./object-utils";

describe("object utils", () => {
  it.each([
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1 }, { a: 2 }, false],
    [{ a: [1, 2] }, { a: [2, 1] }, false],
    [{ a: undefined }, {}, true],
    [null, {}, false],
    [{}, { a: undefined }, true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [{ a: 1, b: 2 }, { a: 1 }, false],
    [{ a: 1, b: undefined }, { a: 1, c: 2 }, false],
    [[], {}, false],
    [{ 0: "x" }, ["x"], false],
    [[1, [2, { x: null }]], [1, [2, { x: null }]], true],
    [{ x: null }, { x: undefined }, false],
    ["1", 1, false],
    [NaN, NaN, false],
    [[undefined], [], false],
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

  describe("sameIgnoringManagedTimes", () => {
    const obj = (over: { data?: object; labels?: object; time?: string; manager?: string; managedFields?: unknown } = {}): KubeObject =>
      ({
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: {
          name: "a",
          namespace: "d",
          labels: over.labels,
          managedFields:
            "managedFields" in over
              ? over.managedFields
              : [{ manager: over.manager ?? "m", operation: "Apply", apiVersion: "v1", time: over.time ?? "2024-01-01T00:00:00Z", fieldsType: "FieldsV1", fieldsV1: { "f:data": {} } }],
        },
        data: over.data ?? { x: "1" },
      }) as KubeObject;

    it("ignores managedFields times only", () => {
      expect(sameIgnoringManagedTimes(obj(), obj({ time: "2025-05-05T05:05:05Z" }))).toBe(true);
      expect(sameIgnoringManagedTimes(obj(), obj({ manager: "other" }))).toBe(false);
      expect(sameIgnoringManagedTimes(obj(), obj({ data: { x: "2" } }))).toBe(false);
      expect(sameIgnoringManagedTimes(obj(), obj({ labels: { a: "b" } }))).toBe(false);
      expect(sameIgnoringManagedTimes(obj({ managedFields: undefined }), obj({ managedFields: undefined }))).toBe(true);
      expect(sameIgnoringManagedTimes(obj({ managedFields: [] }), obj({ managedFields: undefined }))).toBe(false);
      expect(sameIgnoringManagedTimes(obj(), obj({ managedFields: [] }))).toBe(false);
    });
  });
});
