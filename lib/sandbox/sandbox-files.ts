import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** Where one sandbox keeps its state under the data dir. */
export interface SandboxPaths {
  /** `<dataDir>/sandboxes/<name>/` */
  dir: string;
  /** Token, port and creation time, written once and kept. */
  stateFile: string;
  /** The MemoryStorage snapshot (every object). */
  snapshotFile: string;
  /** CA and serving certificate. */
  tlsDir: string;
  /** `<dataDir>/sandboxes/<name>.kubeconfig` */
  kubeconfig: string;
}

export function sandboxesDir(dataDir: string): string {
  return path.join(dataDir, "sandboxes");
}

export function sandboxPaths(dataDir: string, name: string): SandboxPaths {
  const root = sandboxesDir(dataDir);
  const dir = path.join(root, name);
  return {
    dir,
    stateFile: path.join(dir, "state.json"),
    snapshotFile: path.join(dir, "objects.json"),
    tlsDir: path.join(dir, "tls"),
    kubeconfig: path.join(root, `${name}.kubeconfig`),
  };
}

/** What a sandbox must keep across restarts so kubeconfigs handed out stay valid. */
export interface SandboxState {
  token: string;
  port: number;
  createdAt: string;
}

/** Reads the state file, creating it (fresh token) on first start. */
export async function loadOrCreateState(file: string, now: () => Date): Promise<SandboxState> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as SandboxState;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  const state: SandboxState = { token: randomBytes(32).toString("base64url"), port: 0, createdAt: now().toISOString() };
  await writeJson(file, state);
  return state;
}

/** Atomic JSON write (temp file + rename) with owner-only permissions: these files hold tokens. */
export async function writeJson(file: string, data: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(tmp, JSON.stringify(data, null, 2), { mode: 0o600 });
  await rename(tmp, file);
}

/** Removes everything a sandbox stored. */
export async function removeSandboxFiles(p: SandboxPaths): Promise<void> {
  await rm(p.dir, { recursive: true, force: true });
  await rm(p.kubeconfig, { force: true });
}
