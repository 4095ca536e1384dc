import { describe, expect, it } from "vitest";
import { aggregateMessage } from "./aggregate-error";

describe("aggregateMessage", () => {
  it("formats like apimachinery's aggregate error", () => {
    expect(aggregateMessage([])).toBe("");
    expect(aggregateMessage(["boom"])).toBe("boom");
    expect(aggregateMessage(["a", "b"])).toBe("[a, b]");
    expect(aggregateMessage(["a", "a"])).toBe("a");
    expect(aggregateMessage(["a", "b", "a"])).toBe("[a, b]");
  });
});
