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
}

export function encodeContinue(state: ContinueState): string {
  return Buffer.from(JSON.stringify({ v: 1, k: state.key, rv: state.rv }), "utf8").toString("base64url");
}

/** Throws ApiError BadRequest for anything this module did not produce. */
export function decodeContinue(token: string): ContinueState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    throw errors.badRequest(`continue key is not valid: illegal base64 data or JSON in continue token`);
  }
  const p = parsed as { v?: unknown; k?: unknown; rv?: unknown } | null;
  if (!p || p.v !== 1 || typeof p.k !== "string" || typeof p.rv !== "string" || !/^\d+$/.test(p.rv)) {
    throw errors.badRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
  }
  return { key: p.k, rv: p.rv };
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
