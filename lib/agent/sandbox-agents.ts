import { access } from "node:fs/promises";
import path from "node:path";
import type { SandboxCluster } from "../sandbox/sandbox-cluster";
import type { PullTokenService } from "../clusters/pull-tokens";
import type { AgentSupervisor } from "./supervisor";
import { stateFile } from "./state";

export interface PullSandboxAgentsOptions {
  supervisor: AgentSupervisor;
  tokens: PullTokenService;
  /** Console base URL over plain HTTP (e.g. http://127.0.0.1:3000): sandbox agents use nothing else. */
  controlPlane: string;
  /** The hooks for Push sandboxes (lib/sandbox's registerSandbox / unregisterSandbox). */
  push: { onCreated(sandbox: SandboxCluster): Promise<void>; onDeleted(name: string): Promise<void> };
  /** Extra agent environment (short intervals in tests). */
  env?: Record<string, string>;
}

/**
 * SandboxManager hooks that give every Pull sandbox its agent: the control plane issues a
 * bootstrap token (10 minutes) and the supervisor starts `flotilla agent` as a child process
 * against the sandbox's kubeconfig; the agent registers the Cluster itself. Push sandboxes go
 * to the `push` hooks. `resume` restarts the agents of sandboxes loaded from the data dir
 * (SandboxManager.load does not call onCreated), reusing their saved credentials.
 */
export function pullSandboxAgents(opts: PullSandboxAgentsOptions) {
  async function startAgent(sandbox: SandboxCluster): Promise<void> {
    const kubeconfig = sandbox.paths.kubeconfig;
    const stateDir = path.dirname(kubeconfig);
    const saved = await access(stateFile(stateDir, sandbox.name)).then(() => true, () => false);
    const token = saved ? undefined : (await opts.tokens.issue({ clusterName: sandbox.name, ttlSeconds: 600 })).token;
    await opts.supervisor.start({ clusterName: sandbox.name, controlPlane: opts.controlPlane, kubeconfig, stateDir, token, env: opts.env });
  }
  return {
    async onCreated(sandbox: SandboxCluster): Promise<void> {
      if (sandbox.spec.mode !== "Pull") return opts.push.onCreated(sandbox);
      await startAgent(sandbox);
    },
    async onDeleted(name: string): Promise<void> {
      await opts.supervisor.stop(name);
      await opts.push.onDeleted(name);
    },
    /** Starts the agents of the Pull sandboxes among `sandboxes` (after SandboxManager.load()). */
    async resume(sandboxes: Iterable<SandboxCluster | undefined>): Promise<void> {
      for (const s of sandboxes) if (s && s.spec.mode === "Pull" && !opts.supervisor.status(s.name)) await startAgent(s);
    },
  };
}
