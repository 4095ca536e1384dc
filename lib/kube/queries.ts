import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "./fetch";
import type { KubeList, KubeObject } from "./types";

/**
 * The console's one query-key factory (Headlamp's kubeObjectQueryKey idea). Every page, the
 * server components that prefetch, the mutations that invalidate and the live-update stream
 * build their keys here, so "invalidate this kind in this namespace" is one call.
 *
 * Two families:
 * - `['kube', group, version, plural, namespace, name, params]` for objects read through the
 *   Kubernetes-compatible API at /k8s ('' stands for "all namespaces" / "the whole list");
 * - `['rest', ...pathSegments, params]` for the console's JSON endpoints under /api/v1.
 * Isomorphic: safe for server components and client bundles alike.
 */

/** What a key needs to know about a resource; a ResourceDescriptor satisfies it. */
export interface ResourceRef {
  group: string;
  version: string;
  plural: string;
  /** Defaults to true; cluster-scoped resources ignore the namespace. */
  namespaced?: boolean;
}

/** List query parameters, passed to /k8s verbatim. */
export interface KubeListParams {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
}

export type QueryParams = Record<string, string | number | boolean | undefined>;

export type KubeQueryKey = readonly ["kube", string, string, string, string, string, KubeListParams];
export type RestQueryKey = readonly ["rest", ...(string | QueryParams)[]];

/** Prefix keys for invalidation, from the broadest to one object. */
export const kubeKeys = {
  all: ["kube"] as const,
  resource: (r: ResourceRef) => ["kube", r.group, r.version, r.plural] as const,
  /** Every list and object of the resource in one namespace ('' = lists across all namespaces). */
  namespace: (r: ResourceRef, namespace?: string) => ["kube", r.group, r.version, r.plural, nsOf(r, namespace)] as const,
  list: (r: ResourceRef, namespace?: string, params: KubeListParams = {}): KubeQueryKey => [
    "kube",
    r.group,
    r.version,
    r.plural,
    nsOf(r, namespace),
    "",
    compact(params),
  ],
  detail: (r: ResourceRef, namespace: string | undefined, name: string): KubeQueryKey => [
    "kube",
    r.group,
    r.version,
    r.plural,
    nsOf(r, namespace),
    name,
    {},
  ],
};

/**
 * A REST key from the endpoint path: `/api/v1/clusters/member1/health` with `{hours: 6}` becomes
 * `['rest', 'clusters', 'member1', 'health', {hours: 6}]`, so invalidating `['rest', 'clusters']`
 * covers the list, every detail and every sub-resource of clusters.
 */
export function restKey(path: string, params: QueryParams = {}): RestQueryKey {
  const segments = path.replace(/^\/api\/v1\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  return ["rest", ...segments, compact(params)];
}

/** The /k8s URL of a list (name undefined) or of one object. */
export function kubePath(r: ResourceRef, namespace?: string, name?: string, params: KubeListParams = {}): string {
  const base = r.group ? `/k8s/apis/${r.group}/${r.version}` : `/k8s/api/${r.version}`;
  const ns = nsOf(r, namespace);
  let path = ns ? `${base}/namespaces/${encodeURIComponent(ns)}/${r.plural}` : `${base}/${r.plural}`;
  if (name) path += `/${encodeURIComponent(name)}`;
  return path + queryString(params);
}

/** The /api/v1 URL of a REST endpoint with its query string. */
export function restPath(path: string, params: QueryParams = {}): string {
  return (path.startsWith("/") ? path : `/api/v1/${path}`) + queryString(params);
}

/** queryOptions factories: `useQuery(queries.list(descriptor, ns))`, `queryClient.prefetchQuery(...)`. */
export const queries = {
  list: <T extends KubeObject = KubeObject>(r: ResourceRef, namespace?: string, params: KubeListParams = {}) =>
    queryOptions({
      queryKey: kubeKeys.list(r, namespace, params),
      queryFn: ({ signal }) => apiFetch<KubeList<T>>(kubePath(r, namespace, undefined, params), { signal }),
    }),
  detail: <T extends KubeObject = KubeObject>(r: ResourceRef, namespace: string | undefined, name: string) =>
    queryOptions({
      queryKey: kubeKeys.detail(r, namespace, name),
      queryFn: ({ signal }) => apiFetch<T>(kubePath(r, namespace, name), { signal }),
    }),
  /** A JSON endpoint under /api/v1; `path` is relative ("overview") or absolute ("/api/v1/overview"). */
  rest: <T>(path: string, params: QueryParams = {}) =>
    queryOptions({
      queryKey: restKey(path, params),
      queryFn: ({ signal }) => apiFetch<T>(restPath(path, params), { signal }),
    }),
};

/**
 * Whether a live "invalidate" key (from the SSE stream) concerns a cached query key.
 * Kube keys match on group and plural (the version is ignored: every version reads the same
 * stored object) and treat '' in the query's namespace or name as a wildcard, so an event on
 * deployments/default/web refreshes the all-namespaces list, the default list and that object.
 * REST keys match by prefix. A shorter invalidation key matches everything below it.
 */
export function matchesInvalidation(queryKey: readonly unknown[], key: readonly unknown[]): boolean {
  if (key.length === 0 || queryKey[0] !== key[0]) return false;
  if (key[0] === "kube") {
    for (let i = 1; i < Math.min(key.length, 6); i++) {
      if (i === 2) continue;
      const q = queryKey[i];
      if (q === key[i]) continue;
      if ((i === 4 || i === 5) && q === "") continue;
      return false;
    }
    return true;
  }
  return key.every((k, i) => typeof k === "object" || queryKey[i] === k);
}

function nsOf(r: ResourceRef, namespace?: string): string {
  return r.namespaced === false ? "" : (namespace ?? "");
}

/** Drops undefined and empty values so `{}` and `{limit: undefined}` share a cache entry. */
function compact<T extends object>(params: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") out[k] = v;
  return out as T;
}

function queryString(params: object): string {
  const entries = Object.entries(compact(params)).map(([k, v]) => [k, String(v)]);
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : "";
}

// ---- live updates: the wire format of GET /api/v1/events/stream, shared by server and browser

/**
 * The console's live stream sends Server-Sent Events named "invalidate" whose data is
 * `{ "key": [...] }`: a query-key prefix whose cached queries are stale (see matchesInvalidation).
 */
export const INVALIDATE_EVENT = "invalidate";

export interface InvalidateMessage {
  key: (string | number)[];
}

/** Parses one message's data; undefined for anything that is not an invalidate message. */
export function parseInvalidateMessage(data: string): InvalidateMessage | undefined {
  try {
    const v = JSON.parse(data) as { key?: unknown };
    if (Array.isArray(v.key) && v.key.every((k) => typeof k === "string" || typeof k === "number")) return { key: v.key };
  } catch {
    // a malformed message is ignored: the next one (or the periodic refetch on reconnect) heals it
  }
  return undefined;
}

/** The stream URL for a set of topics (resource names like "clusters.cluster.karmada.io", or "*"). */
export function streamUrl(topics: readonly string[]): string {
  return `/api/v1/events/stream?topics=${encodeURIComponent([...topics].sort().join(","))}`;
}
