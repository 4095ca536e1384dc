import type { ResourceDescriptor } from "../kube/resource-descriptor";
import type { KubeObject } from "../kube/types";
import { ApiError } from "../kube/errors";
import type { ObjectApi } from "./object-api";
import { clone } from "./object-utils";
import { prepareUpdate } from "./write-pipeline";

/** Field manager of the built-in controllers (namespace lifecycle, garbage collector, CRD registrar). */
export const SYSTEM_MANAGER = "kube-controller-manager";

/**
 * Read-modify-write with resourceVersion CAS, retried on conflict: the controllers' way of
 * touching finalizers and ownerReferences. `mutate` edits a copy and returns false for "no
 * change needed". Returns the stored object, or undefined when it is gone or unchanged.
 */
export async function mutateObject(
  api: ObjectApi,
  d: ResourceDescriptor,
  namespace: string | undefined,
  name: string,
  mutate: (obj: KubeObject) => boolean,
  subresource?: "status",
): Promise<KubeObject | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const old = await api.read(d, namespace, name);
    if (!old) return undefined;
    const next = clone(old);
    if (!mutate(next)) return undefined;
    try {
      const prepared = prepareUpdate(next, { descriptor: d, old, subresource });
      return await api.commitUpdate(d, old, prepared, { fieldManager: SYSTEM_MANAGER, subresource });
    } catch (e) {
      if (ApiError.is(e, "Conflict")) continue;
      if (ApiError.is(e, "NotFound")) return undefined;
      throw e;
    }
  }
  return undefined;
}

/** Removes one finalizer (no-op when absent). */
export function removeFinalizer(api: ObjectApi, d: ResourceDescriptor, obj: KubeObject, finalizer: string): Promise<KubeObject | undefined> {
  return mutateObject(api, d, obj.metadata.namespace, obj.metadata.name!, (o) => {
    const before = o.metadata.finalizers ?? [];
    if (!before.includes(finalizer)) return false;
    o.metadata.finalizers = before.filter((f) => f !== finalizer);
    return true;
  });
}

/** One descriptor per stored resource (group + plural), preferring the first registered version. */
export function storedResources(api: ObjectApi): ResourceDescriptor[] {
  const seen = new Map<string, ResourceDescriptor>();
  for (const d of api.registry.all()) {
    const k = `${d.group}/${d.plural}`;
    if (!seen.has(k)) seen.set(k, d);
  }
  return [...seen.values()];
}

/** True for errors meaning "someone else already did it". */
export function isGoneOrConflict(e: unknown): boolean {
  return ApiError.is(e, "NotFound") || ApiError.is(e, "Conflict");
}
