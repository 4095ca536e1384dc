import type { APIEnablement } from "../kube/karmada";

/** metav1.APIResourceList as a member serves it at /api/v1 or /apis/<g>/<v>. */
export interface APIResourceList {
  groupVersion: string;
  resources?: { name: string; kind: string; namespaced?: boolean }[];
}

/** What discovery found, and whether every group version answered (Karmada's CompleteAPIEnablements). */
export interface DiscoveryResult {
  apiEnablements: APIEnablement[];
  complete: boolean;
  /** Group versions whose resource list could not be fetched. */
  failedGroupVersions: string[];
}

/**
 * Karmada's cluster status shape of discovery: subresources (names with "/") dropped,
 * resources sorted by name, group versions sorted by groupVersion. A group version with only
 * subresources keeps its entry without a resources list.
 */
export function toAPIEnablements(lists: APIResourceList[]): APIEnablement[] {
  const out = lists.map((l) => {
    const resources = (l.resources ?? [])
      .filter((r) => !r.name.includes("/"))
      .map((r) => ({ name: r.name, kind: r.kind }))
      .sort((a, b) => compare(a.name, b.name));
    return resources.length > 0 ? { groupVersion: l.groupVersion, resources } : { groupVersion: l.groupVersion };
  });
  return out.sort((a, b) => compare(a.groupVersion, b.groupVersion));
}

/**
 * Walks legacy discovery (/api, /apis, then every group version) through `getJson`. The roots
 * must answer; a failing group version is reported in failedGroupVersions instead of failing
 * the whole walk, as client-go's ServerGroupsAndResources does.
 */
export async function discoverAPIEnablements(getJson: (path: string) => Promise<unknown>): Promise<DiscoveryResult> {
  const core = (await getJson("/api")) as { versions?: string[] };
  const groups = (await getJson("/apis")) as { groups?: { name: string; versions?: { groupVersion: string }[] }[] };
  const paths = [
    ...(core.versions ?? []).map((v) => ({ gv: v, path: `/api/${v}` })),
    ...(groups.groups ?? []).flatMap((g) => (g.versions ?? []).map((v) => ({ gv: v.groupVersion, path: `/apis/${v.groupVersion}` }))),
  ];
  const failed: string[] = [];
  const lists = await Promise.all(
    paths.map(async ({ gv, path }) => {
      try {
        const list = (await getJson(path)) as APIResourceList;
        return { ...list, groupVersion: list.groupVersion || gv };
      } catch {
        failed.push(gv);
        return undefined;
      }
    }),
  );
  return {
    apiEnablements: toAPIEnablements(lists.filter((l): l is APIResourceList & { groupVersion: string } => l !== undefined)),
    complete: failed.length === 0,
    failedGroupVersions: failed.sort(compare),
  };
}

/**
 * Accept header asking for aggregated discovery (apidiscovery.k8s.io v2, then v2beta1) with
 * legacy JSON as the fallback, as client-go sends it.
 */
export const AGGREGATED_DISCOVERY_ACCEPT =
  "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList;q=0.9,application/json;q=0.8";

/** apidiscovery.k8s.io APIGroupDiscoveryList, as much of it as Karmada's cluster status reads. */
export interface APIGroupDiscoveryList {
  kind: "APIGroupDiscoveryList";
  items?: {
    metadata?: { name?: string };
    versions?: { version: string; freshness?: string; resources?: { resource: string; responseKind?: { kind?: string } }[] }[];
  }[];
}

export function isAggregatedDiscovery(doc: unknown): doc is APIGroupDiscoveryList {
  return !!doc && typeof doc === "object" && (doc as { kind?: unknown }).kind === "APIGroupDiscoveryList";
}

/**
 * The same result as the legacy walk from the two aggregated documents (/api and /apis): one
 * round trip each instead of one per group version. A version marked Stale (its aggregated
 * server did not answer) counts as failed, as client-go reports it.
 */
export function fromAggregatedDiscovery(docs: APIGroupDiscoveryList[]): DiscoveryResult {
  const lists: APIResourceList[] = [];
  const failed: string[] = [];
  for (const doc of docs) {
    for (const g of doc.items ?? []) {
      const group = g.metadata?.name ?? "";
      for (const v of g.versions ?? []) {
        const groupVersion = group ? `${group}/${v.version}` : v.version;
        if (v.freshness === "Stale") {
          failed.push(groupVersion);
          continue;
        }
        lists.push({ groupVersion, resources: (v.resources ?? []).map((r) => ({ name: r.resource, kind: r.responseKind?.kind ?? "" })) });
      }
    }
  }
  return { apiEnablements: toAPIEnablements(lists), complete: failed.length === 0, failedGroupVersions: failed.sort(compare) };
}

/** Byte-wise order, as Go's string comparison sorts. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
