import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for credentials at rest (member cluster tokens, CA data, kubeconfigs).
 * Format: "v1:" + base64(iv(12) | tag(16) | ciphertext). The key comes from FLOTILLA_SECRET_KEY
 * (any string: hashed to 32 bytes) or a random key generated once in the data dir.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(secret: string) {
    if (!secret) throw new Error("SecretBox needs a non-empty key");
    this.key = createHash("sha256").update(secret, "utf8").digest();
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return "v1:" + Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64");
  }

  open(sealed: string): string {
    if (!sealed.startsWith("v1:")) throw new Error("not a sealed secret");
    const raw = Buffer.from(sealed.slice(3), "base64");
    if (raw.length < 28) throw new Error("sealed secret is truncated");
    const decipher = createDecipheriv("aes-256-gcm", this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  }
}
