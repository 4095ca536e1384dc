import { describe, it, expect } from "vitest";
import { hashPassword, verifyPassword, tokenHash, safeEqual } from "./password";

describe("passwords and tokens", () => {
  it("verifies the right password only", async () => {
    const h = await hashPassword("s3cret");
    expect(h).not.toContain("s3cret");
    expect(await verifyPassword("s3cret", h)).toBe(true);
    expect(await verifyPassword("s3cret!", h)).toBe(false);
    expect(await verifyPassword("s3cret", "garbage")).toBe(false);
  });

  it("hashes tokens deterministically and compares safely", () => {
    expect(tokenHash("abc")).toBe(tokenHash("abc"));
    expect(tokenHash("abc")).not.toBe(tokenHash("abd"));
    expect(safeEqual("x", "x")).toBe(true);
    expect(safeEqual("x", "xy")).toBe(false);
  });
});
