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
  const parts = segments(pathname);
  if (parts.length === 0) return { type: "notFound" };
  const head = parts[0];
  const n = parts.length;
  if (head === "version" && n === 1) return { type: "version" };
  if (HEALTH.has(head)) return { type: "health", name: head };
  if (head === "openapi") return openapiRoute(parts.slice(1));
  if (head === "api") {
    if (n === 1) return { type: "coreVersions" };
    if (n === 2) return { type: "resourceList", group: "", version: parts[1] };
    return resourceRoute("", parts[1], parts, 2);
  }
  if (head === "apis") {
    if (n === 1) return { type: "groupList" };
    if (n === 2) return { type: "group", group: parts[1] };
    if (n === 3) return { type: "resourceList", group: parts[1], version: parts[2] };
    return resourceRoute(parts[1], parts[2], parts, 3);
  }
  return { type: "notFound" };
}

/** The non-empty path segments, decoded. Index loops: every request is routed. */
function segments(pathname: string): string[] {
  const out: string[] = [];
  for (const p of pathname.split("/")) if (p !== "") out.push(safeDecode(p));
  return out;
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

/** `parts[from..]` after the group and version. */
function resourceRoute(group: string, version: string, parts: string[], from: number): Route {
  const n = parts.length - from;
  // namespaces/<ns>/<plural>[/<name>[/<sub>]] unless it is a namespace's own subresource.
  if (parts[from] === "namespaces" && n >= 3 && !(n === 3 && NAMESPACE_SUBRESOURCES.has(parts[from + 2]))) {
    if (n > 5) return { type: "notFound" };
    return { type: "resource", group, version, namespace: parts[from + 1], plural: parts[from + 2], name: parts[from + 3], subresource: parts[from + 4] };
  }
  if (n > 3) return { type: "notFound" };
  return { type: "resource", group, version, plural: parts[from], name: parts[from + 1], subresource: parts[from + 2] };
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
