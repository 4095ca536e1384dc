import type { ObjectClient } from "../kube/client";
import type { Logger } from "../controllers/runtime/log";
import type { SandboxCluster } from "../sandbox/sandbox-cluster";
import { registerSandbox, unregisterSandbox } from "../sandbox/registration";
import { pullTokenServiceOf } from "./pull-token-rest";
import { pullSandboxAgents } from "./sandbox-agents";
import { AgentSupervisor } from "./supervisor";
import { ClusterRemovalRevoker } from "./credential-revocation";

export interface PullAgentsWiring {
  /** SandboxManager hooks: Pull sandboxes get an agent process, Push ones are registered as before. */
  onCreated(sandbox: SandboxCluster): Promise<void>;
  onDeleted(name: string): Promise<void>;
  /** Starts the agents of Pull sandboxes loaded from the data dir. */
  resume(sandboxes: Iterable<SandboxCluster | undefined>): Promise<void>;
  supervisor: AgentSupervisor;
  stop(): Promise<void>;
}

/**
 * What the control plane's boot needs for Pull mode, in one call: an AgentSupervisor
 * (published as `services.agents`), sandbox hooks whose agents call home over plain HTTP to
 * the console at `consoleUrl` (e.g. http://127.0.0.1:<PORT>), as a remote agent would, and the
 * watcher that revokes a cluster's agent credentials once its Cluster is deleted.
 */
export function setupPullAgents(o: { services: Record<string, unknown>; client: ObjectClient; consoleUrl: string; log: Logger }): PullAgentsWiring {
  const supervisor = new AgentSupervisor({ log: o.log.child({ component: "agents" }) });
  o.services.agents = supervisor;
  const tokens = pullTokenServiceOf({ services: o.services });
  const revoker = new ClusterRemovalRevoker({ client: o.client, tokens, log: o.log });
  void revoker.start().catch((err) => o.log.error("agent credential revocation failed to start", { error: err }));
  const hooks = pullSandboxAgents({
    supervisor,
    tokens,
    controlPlane: o.consoleUrl,
    push: { onCreated: (s) => registerSandbox(o.client, s), onDeleted: (name) => unregisterSandbox(o.client, name) },
  });
  return {
    ...hooks,
    supervisor,
    async stop() {
      await revoker.stop();
      await supervisor.stopAll();
    },
  };
}
