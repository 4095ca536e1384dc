import type { ResourceKey, Storage } from "../apiserver/storage";
import type { Cluster, ResourceBinding } from "../kube/karmada";
import type { KubeObject } from "../kube/types";
import { summarizeOverview } from "./overview";
import type { OverviewSummary } from "./overview-types";

/** Store keys the console reads; group and plural exactly as the API server stores them. */
export const KEYS = {
  clusters: { group: "cluster.karmada.io", resource: "clusters" },
  propagationPolicies: { group: "policy.karmada.io", resource: "propagationpolicies" },
  clusterPropagationPolicies: { group: "policy.karmada.io", resource: "clusterpropagationpolicies" },
  overridePolicies: { group: "policy.karmada.io", resource: "overridepolicies" },
  clusterOverridePolicies: { group: "policy.karmada.io", resource: "clusteroverridepolicies" },
  resourceBindings: { group: "work.karmada.io", resource: "resourcebindings" },
  clusterResourceBindings: { group: "work.karmada.io", resource: "clusterresourcebindings" },
  works: { group: "work.karmada.io", resource: "works" },
  events: { group: "", resource: "events" },
} satisfies Record<string, ResourceKey>;

type ReadStorage = Pick<Storage, "list" | "currentResourceVersion">;
type ListStorage = Pick<Storage, "list">;

/** Counts without reading the objects: one item plus the store's remainingItemCount. */
export async function countObjects(storage: ListStorage, key: ResourceKey): Promise<number> {
  const page = await storage.list(key, { limit: 1 });
  return page.items.length + (page.remainingItemCount ?? 0);
}

/** Every object of a resource, page by page (the store caps page sizes). */
export async function listAll<T extends KubeObject>(storage: ListStorage, key: ResourceKey, filter?: (o: KubeObject) => boolean): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const page = await storage.list(key, { limit: 1000, continue: token, filter });
    out.push(...(page.items as T[]));
    token = page.continue;
  } while (token);
  return out;
}

/** Reads what the overview needs from the store and aggregates it. */
export async function loadOverview(storage: ReadStorage, now = new Date()): Promise<OverviewSummary> {
  const [clusters, rbs, crbs, warnings, pp, cpp, op, cop, works] = await Promise.all([
    listAll<Cluster>(storage, KEYS.clusters),
    listAll<ResourceBinding>(storage, KEYS.resourceBindings),
    listAll<ResourceBinding>(storage, KEYS.clusterResourceBindings),
    listAll(storage, KEYS.events, (e) => (e as { type?: string }).type === "Warning"),
    countObjects(storage, KEYS.propagationPolicies),
    countObjects(storage, KEYS.clusterPropagationPolicies),
    countObjects(storage, KEYS.overridePolicies),
    countObjects(storage, KEYS.clusterOverridePolicies),
    countObjects(storage, KEYS.works),
  ]);
  return summarizeOverview({
    clusters,
    bindings: [...rbs, ...crbs],
    warnings,
    counts: { propagationPolicies: pp, clusterPropagationPolicies: cpp, overridePolicies: op, clusterOverridePolicies: cop, works },
    now,
  });
}

/**
 * A read-through cache in front of loadOverview keyed on the store's resourceVersion: while
 * nothing changed, every browser gets the same (possibly still running) aggregation, so a burst
 * of live invalidations costs one. Any change aggregates again: a time-based cache could serve a
 * pre-change answer to the very refetch that the change's invalidation triggered, and the page
 * would stay stale until the next change.
 */
export function createOverviewService(storage: ReadStorage, clock: () => number = Date.now) {
  let last: { rv: string; value: Promise<OverviewSummary> } | undefined;
  return {
    async get(): Promise<OverviewSummary> {
      const rv = await storage.currentResourceVersion();
      if (last && last.rv === rv) return last.value;
      const value = loadOverview(storage, new Date(clock()));
      const entry = { rv, value };
      last = entry;
      // A failed aggregation must not be served from the cache.
      value.catch(() => {
        if (last === entry) last = undefined;
      });
      return value;
    },
  };
}

export type OverviewService = ReturnType<typeof createOverviewService>;
