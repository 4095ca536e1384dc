import type { ObjectClient } from "../../kube/client";
import type { KubeObject } from "../../kube/types";
import type { InformerSource } from "./shared-informers";

/** What to read: one object by apiVersion, kind, namespace and name. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/**
 * True when resourceVersion `a` is at least `b`. Both decimal (the store's versions): compared
 * as numbers; otherwise only equality counts (resourceVersions are opaque to clients).
 */
export function resourceVersionAtLeast(a: string | undefined, b: string | undefined): boolean {
  if (!b) return true;
  if (!a) return false;
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return a.length !== b.length ? a.length > b.length : a >= b;
  return a === b;
}

/**
 * Reads an object from the shared informer cache when that cache is synced and holds it at
 * `minResourceVersion` or newer; otherwise from the API (a miss may be cache lag, so it is
 * never taken as "absent"). Every reconcile reading its template through the store cost a
 * store query per event; the cache already has it. The result is the cache's own object:
 * read-only, copy before editing. A stale hit can only make a later write fail with 409
 * Conflict, which requeues at once.
 */
export async function readThroughCache<T extends KubeObject = KubeObject>(informers: InformerSource, client: ObjectClient, ref: ObjectRef, minResourceVersion?: string): Promise<T | undefined> {
  const inf = informers.informerFor<T>({ apiVersion: ref.apiVersion, kind: ref.kind });
  if (inf.hasSynced()) {
    const hit = inf.get(ref.namespace, ref.name);
    if (hit && resourceVersionAtLeast(hit.metadata.resourceVersion, minResourceVersion)) return hit;
  }
  return client.get<T>(ref.apiVersion, ref.kind, ref.namespace, ref.name);
}
