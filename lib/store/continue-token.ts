import { errors } from "../kube/errors";

/**
 * List paging state. The token is opaque to clients (base64 of JSON, like Kubernetes' own
 * continue tokens) and carries the last key returned plus the resourceVersion of the first page,
 * so every page of one list reports the same list resourceVersion.
 */
export interface ContinueState {
  /** objectKey() of the last item of the previous page; the next page starts strictly after it. */
  key: string;
  /** The list resourceVersion of the first page. */
  rv: string;
  /**
   * Items left after the page that made this token, as counted on the first page: later pages
   * derive remainingItemCount from it instead of counting the rest of the resource again on
   * every page (Kubernetes documents the figure as an estimate).
   */
  left?: number;
}

export function encodeContinue(state: ContinueState): string {
  const body: Record<string, unknown> = { v: 1, k: state.key, rv: state.rv };
  if (state.left !== undefined) body.n = state.left;
  return Buffer.from(JSON.stringify(body), "utf8").toString("base64url");
}

/** Throws ApiError BadRequest for anything this module did not produce. */
export function decodeContinue(token: string): ContinueState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    throw errors.badRequest(`continue key is not valid: illegal base64 data or JSON in continue token`);
  }
  const p = parsed as { v?: unknown; k?: unknown; rv?: unknown; n?: unknown } | null;
  if (!p || p.v !== 1 || typeof p.k !== "string" || typeof p.rv !== "string" || !/^\d+$/.test(p.rv)) {
    throw errors.badRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
  }
  const state: ContinueState = { key: p.k, rv: p.rv };
  if (typeof p.n === "number" && Number.isInteger(p.n) && p.n >= 0) state.left = p.n;
  return state;
}

/**
 * The storage key of an object inside its resource: "namespace/name" ("/name" when
 * cluster-scoped). Lists are ordered by this string compared bytewise, which is the order etcd
 * returns keys in (so "team-a/x" sorts before "team/x", as in Kubernetes).
 */
export function objectKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** Bytewise (code unit) comparison, the order of etcd keys and of PostgreSQL's "C" collation for ASCII. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
