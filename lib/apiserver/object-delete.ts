import type { ResourceDescriptor } from "../kube/resource-descriptor";
import type { KubeObject } from "../kube/types";
import { ApiError, errors } from "../kube/errors";
import type { ListQuery, ObjectApi } from "./object-api";
import { clone, formatTime } from "./object-utils";
import { isNamespaceDescriptor } from "./write-pipeline";

/**
 * DELETE semantics: preconditions, garbage-collection finalizers from propagationPolicy, and
 * two-phase deletion (an object with finalizers only gets a deletionTimestamp; it disappears
 * when its last finalizer is removed, see ObjectApi.commitUpdate).
 */
export interface DeleteQuery {
  propagationPolicy?: "Orphan" | "Background" | "Foreground";
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
}

export const FINALIZER_ORPHAN = "orphan";
export const FINALIZER_FOREGROUND = "foregroundDeletion";
export const FINALIZER_CRD_CLEANUP = "customresourcecleanup.apiextensions.k8s.io";

/** kube's NamespaceLifecycle admission refuses to delete these (403 "this namespace may not be deleted"). */
export const IMMORTAL_NAMESPACES: ReadonlySet<string> = new Set(["default", "kube-system", "kube-public"]);

export function isCRDDescriptor(d: ResourceDescriptor): boolean {
  return d.group === "apiextensions.k8s.io" && d.plural === "customresourcedefinitions";
}

/**
 * Deletes one object; returns it as the delete left it (deletionTimestamp set while finalizers
 * remain). Without a resourceVersion precondition a write that lands between our read and our
 * delete is not the caller's conflict: like kube-apiserver, retry on the fresh object.
 */
export async function deleteObject(
  api: ObjectApi,
  d: ResourceDescriptor,
  namespace: string | undefined,
  name: string,
  q: DeleteQuery = {},
): Promise<KubeObject> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await deleteOnce(api, d, namespace, name, q);
    } catch (e) {
      if (!ApiError.is(e, "Conflict") || q.preconditions?.resourceVersion || attempt >= 5) throw e;
    }
  }
}

async function deleteOnce(
  api: ObjectApi,
  d: ResourceDescriptor,
  namespace: string | undefined,
  name: string,
  q: DeleteQuery,
): Promise<KubeObject> {
  const old = await api.get(d, namespace, name);
  checkPreconditions(d, old, q);
  if (isNamespaceDescriptor(d) && IMMORTAL_NAMESPACES.has(name))
    throw errors.forbidden(`namespaces "${name}" is forbidden: this namespace may not be deleted`, { name, kind: "namespaces" });
  const finalizers = new Set(old.metadata.finalizers ?? []);
  if (q.propagationPolicy === "Foreground") finalizers.add(FINALIZER_FOREGROUND);
  if (q.propagationPolicy === "Orphan") finalizers.add(FINALIZER_ORPHAN);
  // The CRD registry strategy always defers: custom resources must be cleaned up first.
  if (isCRDDescriptor(d)) finalizers.add(FINALIZER_CRD_CLEANUP);
  const namespaceLike = isNamespaceDescriptor(d);
  if (finalizers.size === 0 && !namespaceLike) {
    if (q.dryRun) return old;
    const gone = await api.storage.delete(api.storageKey(d), old.metadata.namespace ?? "", name, old.metadata.resourceVersion);
    await api.emit(d, gone, "DELETED");
    return api.served(d, gone);
  }
  if (old.metadata.deletionTimestamp && sameSet(finalizers, old.metadata.finalizers)) return old;
  const next = clone(old);
  next.metadata.deletionTimestamp ??= formatTime(api.clock());
  next.metadata.deletionGracePeriodSeconds ??= 0;
  if (finalizers.size) next.metadata.finalizers = [...finalizers];
  if (namespaceLike) next.status = { ...(next.status as object), phase: "Terminating" };
  return api.commitUpdate(d, old, next, { dryRun: q.dryRun, skipFieldManagement: true });
}

/** DELETE on a collection: every object matching the selectors, one by one. Returns them as left. */
export async function deleteCollection(
  api: ObjectApi,
  d: ResourceDescriptor,
  list: ListQuery,
  q: DeleteQuery = {},
): Promise<KubeObject[]> {
  const { items } = await api.list(d, { ...list, limit: undefined, continue: undefined });
  const out: KubeObject[] = [];
  for (const item of items) {
    try {
      out.push(await deleteObject(api, d, item.metadata.namespace, item.metadata.name!, { ...q, preconditions: undefined }));
    } catch (e) {
      // Something else deleted it meanwhile: a collection delete is satisfied either way.
      if ((e as { status?: { code?: number } }).status?.code !== 404) throw e;
    }
  }
  return out;
}

function checkPreconditions(d: ResourceDescriptor, old: KubeObject, q: DeleteQuery): void {
  const p = q.preconditions;
  if (!p) return;
  const name = old.metadata.name ?? "";
  if (p.uid && p.uid !== old.metadata.uid)
    throw errors.conflict(d.plural, name, `Precondition failed: UID in precondition: ${p.uid}, UID in object meta: ${old.metadata.uid}`, d.group || undefined);
  if (p.resourceVersion && p.resourceVersion !== old.metadata.resourceVersion)
    throw errors.conflict(
      d.plural,
      name,
      `Precondition failed: ResourceVersion in precondition: ${p.resourceVersion}, ResourceVersion in meta: ${old.metadata.resourceVersion}`,
      d.group || undefined,
    );
}

function sameSet(a: Set<string>, b: string[] | undefined): boolean {
  const bs = new Set(b ?? []);
  return a.size === bs.size && [...a].every((x) => bs.has(x));
}
