import { errors } from "../kube/errors";
import type { KubeObject } from "../kube/types";

/**
 * Parses a resourceVersion handed to the store. The store's versions are decimal integers;
 * anything else is a client error, reported the way Kubernetes words it.
 */
export function parseResourceVersion(rv: string): number {
  if (!/^\d+$/.test(rv)) throw errors.badRequest(`invalid resource version: ${JSON.stringify(rv)}`);
  const n = Number(rv);
  if (!Number.isSafeInteger(n)) throw errors.badRequest(`invalid resource version: ${JSON.stringify(rv)}`);
  return n;
}

/** The 410 a watch gets when the events after `requested` are no longer retained. */
export function tooOldResourceVersion(requested: number, compactedThrough: number) {
  return errors.expired(`too old resource version: ${requested} (${compactedThrough})`);
}

/**
 * A write's result built from the caller's own object: a new root and metadata carrying the
 * stored resourceVersion over the caller's other values. The store keeps a separate deep copy,
 * so a write costs one copy, not one in and one out; `obj` itself is left unchanged, and what
 * the result shares with it is the caller's already.
 */
export function writeResult(obj: KubeObject, resourceVersion: string): KubeObject {
  return { ...obj, metadata: { ...obj.metadata, resourceVersion } };
}
