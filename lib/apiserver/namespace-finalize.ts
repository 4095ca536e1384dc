import type { ResourceDescriptor } from "../kube/resource-descriptor";
import type { KubeObject } from "../kube/types";
import type { ObjectApi, WriteQuery } from "./object-api";
import { clone } from "./object-utils";

/**
 * PUT /api/v1/namespaces/<name>/finalize: replaces spec.finalizers and nothing else. When the
 * namespace is terminating and no finalizer remains anywhere, it is removed (DELETED).
 */
export async function finalizeNamespace(api: ObjectApi, d: ResourceDescriptor, name: string, body: KubeObject, q: WriteQuery = {}): Promise<KubeObject> {
  const old = await api.get(d, undefined, name);
  const next = clone(old);
  const finalizers = (body.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];
  next.spec = { ...(next.spec as object), finalizers };
  return api.commitUpdate(d, old, next, { ...q, skipFieldManagement: true });
}
