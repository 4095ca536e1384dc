import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** What the agent keeps between runs: the credential its bootstrap token was exchanged for. */
export interface AgentState {
  clusterName: string;
  controlPlane: string;
  token: string;
  obtainedAt: string;
}

/** `<stateDir>/flotilla-agent-<cluster>.json`, mode 0600 (it holds a credential). */
export function stateFile(stateDir: string, clusterName: string): string {
  return path.join(stateDir, `flotilla-agent-${clusterName}.json`);
}

/** The saved state for this cluster and control plane, or undefined (none, unreadable or another one's). */
export async function loadAgentState(file: string, clusterName: string, controlPlane: string): Promise<AgentState | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  try {
    const s = JSON.parse(text) as AgentState;
    return s.clusterName === clusterName && s.controlPlane === controlPlane && typeof s.token === "string" ? s : undefined;
  } catch {
    return undefined;
  }
}

/** Writes atomically (temp file + rename), so a crash never leaves half a credential. */
export async function saveAgentState(file: string, state: AgentState): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(state, null, 2) + "\n", { mode: 0o600 });
  await rename(tmp, file);
}
