import type { KubeObject } from "../../kube/types";

/** A reconcile request: a key, never an event (controller-runtime's reconcile.Request). */
export interface Request {
  namespace?: string;
  name: string;
}

/** "namespace/name" for namespaced objects, "name" for cluster-scoped ones (client-go's MetaNamespaceKeyFunc). */
export function keyOf(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function objectKey(obj: KubeObject): string {
  return keyOf(obj.metadata.namespace, obj.metadata.name ?? "");
}

export function requestKey(req: Request): string {
  return keyOf(req.namespace, req.name);
}

/** Inverse of keyOf; names never contain "/", so the first slash splits namespace from name. */
export function parseKey(key: string): Request {
  const i = key.indexOf("/");
  return i < 0 ? { name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}
