import { errors } from "../kube/errors";

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
