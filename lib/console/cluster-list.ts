import type { Storage } from "../apiserver/storage";
import type { Cluster, Taint } from "../kube/karmada";
import { clusterCapacity, clusterHealth, isSandbox } from "./cluster-health";
import { KEYS, listAll } from "./overview-loader";
import type { ClusterCapacity, ClusterHealth } from "./overview-types";

/** One row of the clusters list (GET /api/v1/overview/clusters): what the table shows, nothing more. */
export interface ClusterRow {
  name: string;
  health: ClusterHealth;
  reason?: string;
  message?: string;
  kubernetesVersion?: string;
  syncMode: "Push" | "Pull";
  provider?: string;
  region?: string;
  zones: string[];
  nodes: { total: number; ready: number };
  capacity: ClusterCapacity;
  sandbox: boolean;
  labels: Record<string, string>;
  taints: Taint[];
  creationTimestamp?: string;
  deleting: boolean;
}

/**
 * Rows per page of the clusters list. Lives here, not in the client view, so the server page
 * that prefetches reads the number itself (a "use client" module's exports are references on
 * the server, and the prefetch key would not match the view's).
 */
export const CLUSTERS_PAGE_SIZE = 20;

export interface ClusterListQuery {
  /** Case-insensitive substring of name, region, zone, provider or a label "key=value". */
  search?: string;
  health?: ClusterHealth;
  syncMode?: "Push" | "Pull";
  page?: number;
  pageSize?: number;
}

export interface ClusterListPage {
  items: ClusterRow[];
  total: number;
  page: number;
  pageSize: number;
  /** Health counts over the filtered set before paging (for the filter chips). */
  byHealth: Record<ClusterHealth, number>;
}

export function clusterRow(c: Cluster): ClusterRow {
  const zones = c.spec.zones?.length ? c.spec.zones : c.spec.zone ? [c.spec.zone] : [];
  return {
    name: c.metadata.name ?? "",
    ...clusterHealth(c),
    kubernetesVersion: c.status?.kubernetesVersion,
    syncMode: c.spec.syncMode ?? "Push",
    provider: c.spec.provider,
    region: c.spec.region,
    zones,
    nodes: { total: c.status?.nodeSummary?.totalNum ?? 0, ready: c.status?.nodeSummary?.readyNum ?? 0 },
    capacity: clusterCapacity(c),
    sandbox: isSandbox(c),
    labels: c.metadata.labels ?? {},
    taints: c.spec.taints ?? [],
    creationTimestamp: c.metadata.creationTimestamp,
    deleting: !!c.metadata.deletionTimestamp,
  };
}

/** Pure: filter, count, sort by name and page. Page numbers are 1-based and clamped. */
export function pageClusterRows(rows: ClusterRow[], q: ClusterListQuery): ClusterListPage {
  const needle = q.search?.trim().toLowerCase();
  const matchesText = (r: ClusterRow) =>
    !needle ||
    [r.name, r.region, r.provider, ...r.zones, ...Object.entries(r.labels).map(([k, v]) => `${k}=${v}`)].some((s) => s?.toLowerCase().includes(needle));
  const filtered = rows.filter((r) => matchesText(r) && (!q.syncMode || r.syncMode === q.syncMode));
  const byHealth: Record<ClusterHealth, number> = { Ready: 0, NotReady: 0, Unknown: 0 };
  for (const r of filtered) byHealth[r.health]++;
  const shown = filtered.filter((r) => !q.health || r.health === q.health).sort((a, b) => a.name.localeCompare(b.name));
  const pageSize = Math.min(Math.max(q.pageSize ?? 20, 1), 200);
  const pages = Math.max(1, Math.ceil(shown.length / pageSize));
  const page = Math.min(Math.max(q.page ?? 1, 1), pages);
  return { items: shown.slice((page - 1) * pageSize, page * pageSize), total: shown.length, page, pageSize, byHealth };
}

export async function listClusterRows(storage: Pick<Storage, "list">, q: ClusterListQuery): Promise<ClusterListPage> {
  const clusters = await listAll<Cluster>(storage, KEYS.clusters);
  return pageClusterRows(clusters.map(clusterRow), q);
}
