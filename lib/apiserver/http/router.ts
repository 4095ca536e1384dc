/**
 * Maps a request path to what it addresses, following kube-apiserver's URL layout:
 * `/api/v1/...` for the core group, `/apis/<group>/<version>/...` for the others, with
 * `namespaces/<ns>/` before namespaced resources and `/<subresource>` after an item.
 * Pure: the handler resolves resources against the registry.
 */
export type Route =
  | { type: "version" }
  | { type: "health"; name: string }
  | { type: "coreVersions" }
  | { type: "groupList" }
  | { type: "group"; group: string }
  | { type: "resourceList"; group: string; version: string }
  | { type: "openapiV2" }
  | { type: "openapiV3Index" }
  | { type: "openapiV3Doc"; group: string; version: string }
  | ResourceRoute
  | { type: "notFound" };

export interface ResourceRoute {
  type: "resource";
  group: string;
  version: string;
  plural: string;
  /** Set for namespaced URLs (`/namespaces/<ns>/<plural>`). */
  namespace?: string;
  name?: string;
  subresource?: string;
}

const HEALTH = new Set(["healthz", "livez", "readyz"]);

export function parseRoute(pathname: string): Route {
  const parts = pathname.split("/").filter((p) => p !== "").map(safeDecode);
  if (parts.length === 0) return { type: "notFound" };
  const [head, ...rest] = parts;
  if (head === "version" && rest.length === 0) return { type: "version" };
  if (HEALTH.has(head)) return { type: "health", name: head };
  if (head === "openapi") return openapiRoute(rest);
  if (head === "api") {
    if (rest.length === 0) return { type: "coreVersions" };
    const [version, ...tail] = rest;
    if (tail.length === 0) return { type: "resourceList", group: "", version };
    return resourceRoute("", version, tail);
  }
  if (head === "apis") {
    if (rest.length === 0) return { type: "groupList" };
    const [group, version, ...tail] = rest;
    if (version === undefined) return { type: "group", group };
    if (tail.length === 0) return { type: "resourceList", group, version };
    return resourceRoute(group, version, tail);
  }
  return { type: "notFound" };
}

function openapiRoute(rest: string[]): Route {
  if (rest.length === 1 && rest[0] === "v2") return { type: "openapiV2" };
  if (rest[0] !== "v3") return { type: "notFound" };
  if (rest.length === 1) return { type: "openapiV3Index" };
  if (rest[1] === "api" && rest.length === 3) return { type: "openapiV3Doc", group: "", version: rest[2] };
  if (rest[1] === "apis" && rest.length === 4) return { type: "openapiV3Doc", group: rest[2], version: rest[3] };
  return { type: "notFound" };
}

const NAMESPACE_SUBRESOURCES = new Set(["status", "finalize"]);

function resourceRoute(group: string, version: string, tail: string[]): Route {
  const base = { type: "resource" as const, group, version };
  // namespaces/<ns>/<plural>[/<name>[/<sub>]] unless it is a namespace's own subresource.
  if (tail[0] === "namespaces" && tail.length >= 3 && !(tail.length === 3 && NAMESPACE_SUBRESOURCES.has(tail[2]))) {
    const [, namespace, plural, name, subresource, ...extra] = tail;
    if (extra.length) return { type: "notFound" };
    return { ...base, namespace, plural, name, subresource };
  }
  const [plural, name, subresource, ...extra] = tail;
  if (extra.length) return { type: "notFound" };
  return { ...base, plural, name, subresource };
}

function safeDecode(s: string): string {
  // Most segments have nothing escaped: skip the decoder (and its try) for them.
  if (!s.includes("%")) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
