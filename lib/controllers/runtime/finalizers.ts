import type { KubeObject } from "../../kube/types";

/**
 * Adds `finalizer` to obj.metadata.finalizers in place (controller-runtime AddFinalizer).
 * Returns true when the list changed, so the caller writes only when needed.
 */
export function addFinalizer(obj: KubeObject, finalizer: string): boolean {
  const list = obj.metadata.finalizers ?? [];
  if (list.includes(finalizer)) return false;
  obj.metadata.finalizers = [...list, finalizer];
  return true;
}

/** Removes every occurrence of `finalizer` in place; returns true when the list changed. */
export function removeFinalizer(obj: KubeObject, finalizer: string): boolean {
  const list = obj.metadata.finalizers;
  if (!list?.includes(finalizer)) return false;
  const rest = list.filter((f) => f !== finalizer);
  if (rest.length > 0) obj.metadata.finalizers = rest;
  else delete obj.metadata.finalizers;
  return true;
}

export function hasFinalizer(obj: KubeObject, finalizer: string): boolean {
  return obj.metadata.finalizers?.includes(finalizer) ?? false;
}

/** True once a delete was requested (deletionTimestamp set), even while finalizers hold it. */
export function isBeingDeleted(obj: KubeObject): boolean {
  return !!obj.metadata.deletionTimestamp;
}
