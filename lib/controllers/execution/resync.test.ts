import { describe, expect, it } from "vitest";
import { jittered } from "./execution-controller";

describe("jittered", () => {
  it("spreads requeues within ±10% of the period", () => {
    const xs = Array.from({ length: 500 }, () => jittered(100_000));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(90_000);
    expect(Math.max(...xs)).toBeLessThanOrEqual(110_000);
    expect(new Set(xs).size).toBeGreaterThan(100);
  });
});
