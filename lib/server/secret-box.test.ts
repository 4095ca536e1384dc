import { describe, it, expect } from "vitest";
import { SecretBox } from "./secret-box";

describe("SecretBox", () => {
  it("round-trips and never repeats ciphertext", () => {
    const box = new SecretBox("k1");
    const a = box.seal("token-123");
    const b = box.seal("token-123");
    expect(a).not.toBe(b);
    expect(a).not.toContain("token-123");
    expect(box.open(a)).toBe("token-123");
  });

  it("refuses a wrong key or tampered data", () => {
    const sealed = new SecretBox("k1").seal("secret");
    expect(() => new SecretBox("k2").open(sealed)).toThrow();
    const raw = Buffer.from(sealed.slice(3), "base64");
    raw[raw.length - 1] ^= 1;
    expect(() => new SecretBox("k1").open("v1:" + raw.toString("base64"))).toThrow();
  });
});
