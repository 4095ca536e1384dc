import { hostedSandboxObjects } from "../../lib/sandbox/host/member-objects";
import type { HostedSandbox } from "../../lib/sandbox/host/protocol";
import type { KubeHttp } from "./kube-http";

const CLUSTERS = "/apis/cluster.karmada.io/v1alpha1/clusters";

/** The collection path of a registration object (Namespace, Secret or Cluster). */
function collectionOf(obj: { kind: string; metadata?: { namespace?: string } }): string {
  switch (obj.kind) {
    case "Namespace":
      return "/api/v1/namespaces";
    case "Secret":
      return `/api/v1/namespaces/${obj.metadata!.namespace}/secrets`;
    default:
      return CLUSTERS;
  }
}

/**
 * Registers a sandbox of a host process with the control plane through its kube API, as
 * `karmadactl join` would (Secret then Cluster); objects that exist already are kept.
 */
export async function registerHosted(kube: KubeHttp, sandbox: HostedSandbox): Promise<void> {
  for (const obj of hostedSandboxObjects(sandbox)) await kube.create(collectionOf(obj), obj, true);
}

interface ClusterLike {
  metadata: { name: string };
  spec?: { taints?: unknown[] };
  status?: { conditions?: { type: string; status: string }[]; apiEnablements?: unknown[] };
}

/**
 * Ready=True, no taints and its API enablements reported: the scheduler will place work there.
 * (A cluster Ready before its apiEnablements fails the APIEnablement filter, and a binding
 * scheduled then stays NoClusterFit: that left 16 of L quick's 300 Deployments unplaced.)
 */
export function clusterUsable(c: ClusterLike): boolean {
  return !c.spec?.taints?.length && !!c.status?.apiEnablements?.length && !!c.status?.conditions?.some((x) => x.type === "Ready" && x.status === "True");
}

/** Tracks, over one watch on Clusters, when each cluster first became usable. */
export interface ReadyTracker {
  /** Resolves with performance.now() when `name` is usable (at once if it already is). */
  ready(name: string): Promise<number>;
  readyCount(): number;
  close(): void;
}

export async function trackClusters(kube: KubeHttp): Promise<ReadyTracker> {
  const readyAt = new Map<string, number>();
  const waiters = new Map<string, ((t: number) => void)[]>();
  const stop = await kube.watch(CLUSTERS, (ev) => {
    const c = ev.object as ClusterLike;
    if (ev.type === "DELETED" || readyAt.has(c.metadata?.name) || !clusterUsable(c)) return;
    const t = performance.now();
    readyAt.set(c.metadata.name, t);
    for (const w of waiters.get(c.metadata.name) ?? []) w(t);
    waiters.delete(c.metadata.name);
  });
  return {
    ready: (name) =>
      new Promise((resolve) => {
        const t = readyAt.get(name);
        if (t !== undefined) return resolve(t);
        waiters.set(name, [...(waiters.get(name) ?? []), resolve]);
      }),
    readyCount: () => readyAt.size,
    close: stop,
  };
}
