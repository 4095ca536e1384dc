import { mkdir, readFile, writeFile, chmod } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import path from "node:path";

/**
 * Files Flotilla generates once and keeps in its data dir (admin token and password, the
 * secret key for credentials at rest). Written with mode 0600; never logged.
 */
export async function ensureDataDir(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
}

export async function readOrCreateSecretFile(file: string, generate: () => string): Promise<{ value: string; created: boolean }> {
  try {
    const value = (await readFile(file, "utf8")).trim();
    if (value) return { value, created: false };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  const value = generate();
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, value + "\n", { mode: 0o600 });
  await chmod(file, 0o600);
  return { value, created: true };
}

/** A URL-safe random secret with `bytes` bytes of entropy. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export const dataFiles = (dataDir: string) => ({
  adminToken: path.join(dataDir, "admin-token"),
  adminPassword: path.join(dataDir, "admin-password"),
  secretKey: path.join(dataDir, "secret-key"),
  kubeconfig: path.join(dataDir, "kubeconfig"),
  tlsDir: path.join(dataDir, "tls"),
  sandboxesDir: path.join(dataDir, "sandboxes"),
});
