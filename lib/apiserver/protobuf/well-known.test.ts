import { describe, expect, it } from "vitest";
import { INT_OR_STRING, MICRO_TIME, QUANTITY, TIME, rfc3339, wellKnownFromJson, wellKnownToJson } from "./well-known";

describe("wellKnownToJson", () => {
  it.each<[string, string, Record<string, unknown>, unknown]>([
    ["Time drops nanos (apimachinery keeps seconds)", TIME, { seconds: 1714557600, nanos: 999_000_000 }, "2024-05-01T10:00:00Z"],
    ["Time at the epoch is a real time", TIME, { seconds: 0 }, "1970-01-01T00:00:00Z"],
    ["empty Time is Go's zero time: omitted", TIME, {}, undefined],
    ["MicroTime keeps microseconds", MICRO_TIME, { seconds: 1714557600, nanos: 123_456_789 }, "2024-05-01T10:00:00.123456Z"],
    ["Quantity is its string", QUANTITY, { string: "1500m" }, "1500m"],
    ["IntOrString int", INT_OR_STRING, { type: 0, intVal: 8080 }, 8080],
    ["IntOrString default is int 0", INT_OR_STRING, {}, 0],
    ["IntOrString string", INT_OR_STRING, { type: 1, strVal: "http" }, "http"],
    ["other types are not well-known", ".k8s.io.api.core.v1.Pod", {}, null],
  ])("%s", (_n, type, msg, want) => {
    expect(wellKnownToJson(type, msg)).toEqual(want);
  });
});

describe("wellKnownFromJson", () => {
  it.each<[string, unknown, unknown]>([
    [TIME, "2024-05-01T10:00:00Z", { seconds: 1714557600 }],
    [MICRO_TIME, "2024-05-01T10:00:00.250Z", { seconds: 1714557600, nanos: 250_000_000 }],
    [QUANTITY, "2Gi", { string: "2Gi" }],
    [INT_OR_STRING, 80, { type: 0, intVal: 80 }],
    [INT_OR_STRING, "25%", { type: 1, strVal: "25%" }],
  ])("%s %j", (type, value, want) => {
    expect(wellKnownFromJson(type, value)).toEqual(want);
  });

  it("rejects an unparsable time", () => {
    expect(() => wellKnownFromJson(TIME, "yesterday")).toThrow(/invalid time/);
  });
});

describe("rfc3339", () => {
  it("pads fractions to the requested digits", () => {
    expect(rfc3339(0, 5_000, 6)).toBe("1970-01-01T00:00:00.000005Z");
  });
});
