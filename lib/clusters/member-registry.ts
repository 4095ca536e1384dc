import type { ObjectClient } from "../kube/client";
import { ApiError, errors } from "../kube/errors";
import { CLUSTER_API_VERSION, type Cluster } from "../kube/karmada";
import { createMemberClient, type MemberClient, type MemberClientOptions } from "../members/member-client";
import { realClock, type Clock } from "../controllers/runtime/clock";
import type { ClusterCredentialStore } from "./credential-store";
import { credentialSource, resolveClusterKubeconfig, type ResolvedMember } from "./credentials";

export interface MemberRegistryOptions {
  /** The control plane's client: reads Clusters and secretRef Secrets. */
  client: ObjectClient;
  store: ClusterCredentialStore;
  /** How long a cached client is trusted before its credentials are re-read. Default 5 s. */
  revalidateMs?: number;
  /** Per-request deadline of member clients. Default 10 s. */
  timeoutMs?: number;
  /** A replaced client is closed this long after, so in-flight calls finish. Default 30 s. */
  retireAfterMs?: number;
  clock?: Clock;
  /** Injectable for tests; default createMemberClient. */
  createClient?: (opts: MemberClientOptions) => MemberClient;
  /** Injectable for tests; default resolveClusterKubeconfig. */
  resolve?: (cluster: Cluster) => Promise<ResolvedMember>;
  /** Change marker of what `resolve` reads (equal marker, equal result); default credentialSource with the default resolve, none with an injected one. */
  sourceOf?: (cluster: Cluster) => Promise<string>;
}

interface Entry {
  client: MemberClient;
  fingerprint: string;
  /** sourceOf's marker when the client was built or last confirmed. */
  source?: string;
  checkedAt: number;
  stale: boolean;
}

/**
 * Cluster name → member client, for every controller that talks to Push members (execution,
 * work status, cluster status). One client (one keep-alive connection pool) per member,
 * cached; credentials are re-read at most every `revalidateMs` (or at once after
 * `invalidate`) and a client is rebuilt only when what it is built from changed. A cluster that
 * no longer exists is dropped and its pool closed. Concurrent `get`s of one cluster share a
 * single resolution.
 */
export class MemberRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<MemberClient>>();
  private readonly listeners = new Set<(cluster: string, removed: boolean) => void>();
  private readonly clock: Clock;
  private closed = false;

  constructor(private readonly opts: MemberRegistryOptions) {
    this.clock = opts.clock ?? realClock;
  }

  /**
   * The member client of `clusterName`. Rejects with 404 NotFound when the Cluster does not
   * exist and with a 400 BadRequest when it has no usable credentials.
   */
  get(clusterName: string): Promise<MemberClient> {
    if (this.closed) return Promise.reject(errors.serviceUnavailable("member registry is closed"));
    const e = this.entries.get(clusterName);
    if (e && !e.stale && this.clock.now() - e.checkedAt < (this.opts.revalidateMs ?? 5000)) return Promise.resolve(e.client);
    let p = this.inflight.get(clusterName);
    if (!p) {
      p = this.refresh(clusterName).finally(() => this.inflight.delete(clusterName));
      this.inflight.set(clusterName, p);
    }
    return p;
  }

  /** Marks the cached client for re-validation on the next get (credentials or endpoint changed). */
  invalidate(clusterName: string): void {
    const e = this.entries.get(clusterName);
    if (e) e.stale = true;
  }

  /**
   * Tells `fn` when a cached client is replaced or dropped: whoever holds it (a member watch)
   * must let go and get the new one, or it would go on with a client that closes.
   */
  onChange(fn: (cluster: string, removed: boolean) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Drops and closes the member's client (cluster unregistered). */
  async remove(clusterName: string): Promise<void> {
    const e = this.entries.get(clusterName);
    this.entries.delete(clusterName);
    if (e) this.notify(clusterName, true);
    await e?.client.close().catch(() => {});
  }

  private notify(cluster: string, removed: boolean): void {
    for (const fn of this.listeners) fn(cluster, removed);
  }

  /** Closes every client; later gets fail. */
  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(all.map((e) => e.client.close().catch(() => {})));
  }

  /** Names with a cached client (metrics, tests). */
  cached(): string[] {
    return [...this.entries.keys()];
  }

  private async refresh(name: string): Promise<MemberClient> {
    const old = this.entries.get(name);
    let resolved: ResolvedMember;
    let source: string | undefined;
    try {
      const cluster = await this.opts.client.get<Cluster>(CLUSTER_API_VERSION, "Cluster", undefined, name);
      if (!cluster) throw errors.notFound("clusters", name, "cluster.karmada.io");
      const sourceOf = this.opts.sourceOf ?? (this.opts.resolve ? undefined : (c: Cluster) => credentialSource(c, this.opts));
      source = await sourceOf?.(cluster);
      if (old && !old.stale && source !== undefined && source === old.source) {
        old.checkedAt = this.clock.now();
        return old.client;
      }
      resolved = await (this.opts.resolve ?? ((c) => resolveClusterKubeconfig(c, this.opts)))(cluster);
    } catch (err) {
      // Gone, or its credentials were withdrawn: stop talking to that member.
      if (ApiError.is(err, "NotFound") || ApiError.is(err, "BadRequest")) await this.remove(name);
      // A transient read failure (store down) must not cut a working member off.
      else if (old) return old.client;
      throw err;
    }
    if (this.closed) throw errors.serviceUnavailable("member registry is closed");
    if (old && old.fingerprint === resolved.fingerprint) {
      old.checkedAt = this.clock.now();
      old.stale = false;
      old.source = source;
      return old.client;
    }
    let client: MemberClient;
    try {
      client = (this.opts.createClient ?? createMemberClient)({ kubeconfig: resolved.kubeconfig, context: resolved.context, timeoutMs: this.opts.timeoutMs });
    } catch {
      // The parser's message may quote the kubeconfig (and so the token): never pass it on.
      await this.remove(name);
      throw errors.badRequest(`cannot build a client for cluster ${name} from its ${resolved.source === "secretRef" ? "secretRef Secret" : "stored credentials"}`);
    }
    this.entries.set(name, { client, fingerprint: resolved.fingerprint, source, checkedAt: this.clock.now(), stale: false });
    if (old) {
      this.retire(old.client);
      this.notify(name, false);
    }
    return client;
  }

  private retire(client: MemberClient): void {
    this.clock.setTimeout(() => void client.close().catch(() => {}), this.opts.retireAfterMs ?? 30_000);
  }
}
