import { describe, expect, it } from "vitest";
import { hashPassword, randomToken, sha256Hex, verifyPassword } from "./secrets";

describe("secrets", () => {
  it("password hashes verify the right password only, and are salted", async () => {
    const h1 = await hashPassword("correct horse");
    const h2 = await hashPassword("correct horse");
    expect(h1).not.toBe(h2);
    expect(h1).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword("correct horse", h1)).toBe(true);
    expect(await verifyPassword("correct horse!", h1)).toBe(false);
    expect(await verifyPassword("correct horse", "garbage")).toBe(false);
    expect(await verifyPassword("correct horse", "scrypt$x$8$1$AA==$AA==")).toBe(false);
  });

  it("sha256Hex matches the known digest and tokens are unique", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(randomToken()).not.toBe(randomToken());
    expect(randomToken("fla")).toMatch(/^fla_[A-Za-z0-9_-]{43}$/);
  });
});
