import { describe, expect, it } from "vitest";
import { queryString } from "./direct-request";

describe("queryString", () => {
  it.each([
    { query: undefined, want: "" },
    { query: {}, want: "" },
    { query: { limit: undefined }, want: "" },
    { query: { limit: 500, continue: "a b&c" }, want: "?limit=500&continue=a+b%26c" },
    { query: { labelSelector: "app in (a,b)", force: true }, want: "?labelSelector=app+in+%28a%2Cb%29&force=true" },
  ])("$want", ({ query, want }) => {
    expect(queryString(query)).toBe(want);
  });
});
