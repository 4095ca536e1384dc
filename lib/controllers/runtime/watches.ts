import type { KubeObject } from "../../kube/types";
import type { InformerSpec } from "./informer";
import type { Request } from "./keys";
import { deepEqual } from "../../apiserver/object-utils";

/** Maps an object seen by an informer to the requests it should trigger (controller-runtime's handler). */
export type Mapper = (obj: KubeObject) => Request[];

/** The event a watch saw, for predicates. `old` is set on updates (equal to obj on resync). */
export interface WatchEventInfo {
  type: "add" | "update" | "delete";
  obj: KubeObject;
  old?: KubeObject;
}

/**
 * One source of work for a controller: an informer spec, a mapper from objects to keys
 * (default: the object's own key) and an optional predicate that drops uninteresting events.
 * On updates both the old and new object are mapped, so a key that stops matching is told too.
 */
export interface WatchSpec extends InformerSpec {
  map?: Mapper;
  predicate?: (e: WatchEventInfo) => boolean;
  /**
   * Coalescing window: keys from this watch become ready `delayMs` after their first event, and
   * every further event inside the window folds into that one reconcile (the queue keeps the
   * earliest ready time). For aggregators fed by bursts (many Work status changes → one
   * binding status write). Unset: at once.
   */
  delayMs?: number;
}

/** The object's own namespace/name (controller-runtime's EnqueueRequestForObject). */
export function ownKey(): Mapper {
  return (obj) => [{ namespace: obj.metadata.namespace, name: obj.metadata.name ?? "" }];
}

/**
 * The owner named in ownerReferences (EnqueueRequestForOwner). Owners of a namespaced object
 * live in its namespace unless `clusterScoped`; `controllerOnly` follows only the controller
 * reference.
 */
export function ownerKey(owner: { apiVersion?: string; kind: string; clusterScoped?: boolean; controllerOnly?: boolean }): Mapper {
  return (obj) =>
    (obj.metadata.ownerReferences ?? [])
      .filter((r) => r.kind === owner.kind && (!owner.apiVersion || groupOf(r.apiVersion) === groupOf(owner.apiVersion)))
      .filter((r) => !owner.controllerOnly || r.controller === true)
      .map((r) => ({ namespace: owner.clusterScoped ? undefined : obj.metadata.namespace, name: r.name }));
}

/**
 * A key read from labels or annotations, as Karmada links a Work to its binding
 * (e.g. resourcebinding.karmada.io/namespace + /name). Missing name → no request.
 */
export function labelKey(opts: { nameKey: string; namespaceKey?: string; from?: "labels" | "annotations" }): Mapper {
  return (obj) => {
    const src = (opts.from === "annotations" ? obj.metadata.annotations : obj.metadata.labels) ?? {};
    const name = src[opts.nameKey];
    if (!name) return [];
    return [{ namespace: opts.namespaceKey ? src[opts.namespaceKey] || undefined : undefined, name }];
  };
}

/**
 * Drops resyncs and updates that changed neither generation nor labels/annotations/finalizers
 * nor deletion. Maps are compared by value: the store may hand back the same labels with their
 * keys in another order, which is not a change (and must not re-trigger spec work).
 */
export function specOrMetaChanged(e: WatchEventInfo): boolean {
  if (e.type !== "update" || !e.old) return true;
  const a = e.old.metadata;
  const b = e.obj.metadata;
  return (
    a.generation !== b.generation ||
    a.deletionTimestamp !== b.deletionTimestamp ||
    !deepEqual(a.labels ?? {}, b.labels ?? {}) ||
    !deepEqual(a.annotations ?? {}, b.annotations ?? {}) ||
    !deepEqual(a.finalizers ?? [], b.finalizers ?? [])
  );
}

function groupOf(apiVersion: string): string {
  const i = apiVersion.indexOf("/");
  return i < 0 ? "" : apiVersion.slice(0, i);
}
