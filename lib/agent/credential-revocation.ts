import type { ObjectClient } from "../kube/client";
import { CLUSTER_API_VERSION, type Cluster } from "../kube/karmada";
import { Informer } from "../controllers/runtime/informer";
import { noopLogger, type Logger } from "../controllers/runtime/log";
import type { PullTokenService } from "../clusters/pull-tokens";

export interface ClusterRemovalRevokerOptions {
  client: ObjectClient;
  tokens: PullTokenService;
  log?: Logger;
  /**
   * An Active agent credential whose Cluster does not exist is an orphan once it is this old
   * (its Cluster was deleted while nobody watched). Younger ones may belong to an agent that has
   * exchanged its bootstrap token and is about to register. Default 10 minutes.
   */
  orphanAfterMs?: number;
  now?: () => number;
}

/**
 * Revokes a Pull cluster's agent credentials once its Cluster object is gone, so a deleted
 * cluster's agent is refused (401) and stops with its message instead of keeping access.
 * Deliberately not at deletionTimestamp: while the Cluster is terminating, its agent still has
 * to delete the manifests of the Works being removed and drop their finalizers. After every
 * (re)list, Active credentials of clusters that no longer exist (older than `orphanAfterMs`)
 * are revoked too, which covers deletions made while the control plane was down.
 * Idempotent: revoking twice changes nothing, so every replica may run one.
 */
export class ClusterRemovalRevoker {
  private readonly informer: Informer<Cluster>;
  private readonly log: Logger;
  private sweeping: Promise<void> = Promise.resolve();

  constructor(private readonly opts: ClusterRemovalRevokerOptions) {
    this.log = (opts.log ?? noopLogger).child({ component: "agent-credentials" });
    this.informer = new Informer<Cluster>({ client: opts.client, apiVersion: CLUSTER_API_VERSION, kind: "Cluster", log: this.log });
    this.informer.addHandlers({ onDelete: (c) => void this.revoke(c.metadata.name ?? "") });
  }

  /** Starts watching; resolves once the first list is in and the orphan sweep has run. */
  async start(): Promise<void> {
    this.informer.start();
    await this.informer.waitForSync();
    await this.sweep();
  }

  async stop(): Promise<void> {
    await this.informer.stop();
    await this.sweeping;
  }

  /** Revokes the agent credentials of clusters absent from the cache, past the orphan age. */
  sweep(): Promise<void> {
    this.sweeping = this.sweeping.then(async () => {
      const now = (this.opts.now ?? Date.now)();
      const maxAge = this.opts.orphanAfterMs ?? 10 * 60_000;
      const orphans = new Set<string>();
      for (const t of await this.opts.tokens.list()) {
        if (t.kind !== "agent" || t.state !== "Active" || this.informer.get(undefined, t.clusterName)) continue;
        if (now - Date.parse(t.createdAt) >= maxAge) orphans.add(t.clusterName);
      }
      for (const name of orphans) await this.revoke(name);
    }).catch((err) => this.log.warn("agent credential sweep failed", { error: err }));
    return this.sweeping;
  }

  private async revoke(clusterName: string): Promise<void> {
    if (!clusterName) return;
    try {
      await this.opts.tokens.revokeAgentsOf(clusterName);
      this.log.info("cluster removed: its agent credentials are revoked", { cluster: clusterName });
    } catch (err) {
      this.log.error("cannot revoke the agent credentials of a removed cluster", { cluster: clusterName, error: err });
    }
  }
}
