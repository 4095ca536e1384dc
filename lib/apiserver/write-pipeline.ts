import type { ResourceDescriptor } from "../kube/resource-descriptor";
import { apiVersionOf } from "../kube/resource-descriptor";
import type { KubeObject, StatusCause } from "../kube/types";
import { errors } from "../kube/errors";
import { validateObjectMeta } from "./meta-validation";
import { withUpdateBaseline } from "../kube/validation/update-baseline";
import { clone, deepEqual, formatTime, generateName, specPart } from "./object-utils";

/**
 * The pure part of every write: what the apiserver's registry strategies do before an object
 * reaches storage (PrepareForCreate/PrepareForUpdate, defaulting, validation). No I/O here.
 */

/** Kinds that get two-phase deletion through `spec.finalizers` (the namespace lifecycle). */
export function isNamespaceDescriptor(d: ResourceDescriptor): boolean {
  return d.group === "" && d.plural === "namespaces";
}

/** Checks apiVersion/kind of a request body against the resource it was sent to; fills them when absent. */
export function checkTypeMeta(d: ResourceDescriptor, obj: KubeObject, expectKind = d.kind): void {
  const want = apiVersionOf(d);
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) throw errors.badRequest("the request body must be a JSON or YAML object");
  if (obj.apiVersion === undefined) obj.apiVersion = want;
  if (obj.kind === undefined) obj.kind = expectKind;
  if (obj.kind !== expectKind)
    throw errors.badRequest(`the kind in the body (${String(obj.kind)}) does not match the kind of the resource (${expectKind})`);
  if (obj.apiVersion !== want)
    throw errors.badRequest(`the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${want})`);
  if (obj.metadata === undefined || obj.metadata === null) obj.metadata = {};
  if (typeof obj.metadata !== "object" || Array.isArray(obj.metadata)) throw errors.badRequest("metadata must be an object");
}

/**
 * Kinds whose registry strategies never set metadata.generation in kube 1.32 (ConfigMap,
 * Secret, Namespace, Service, Event, Lease...). Every other kind, custom resources included,
 * starts at generation 1 and counts spec changes.
 */
const WITHOUT_GENERATION = new Set([
  "/configmaps", "/secrets", "/namespaces", "/serviceaccounts", "/events", "/services", "/persistentvolumeclaims",
  "/pods", "/nodes", "/endpoints", "/limitranges", "/resourcequotas", "coordination.k8s.io/leases", "events.k8s.io/events",
]);

/** Whether kube stamps and bumps metadata.generation for this resource. */
export function tracksGeneration(d: Pick<ResourceDescriptor, "group" | "plural">): boolean {
  return !WITHOUT_GENERATION.has(`${d.group}/${d.plural}`);
}

export interface CreateContext {
  descriptor: ResourceDescriptor;
  /** The namespace from the URL (namespaced kinds only). */
  namespace?: string;
  now: Date;
  uid: string;
}

/** Stamps server-owned metadata on a new object, applies defaults and validates. Throws 400/422. */
export function prepareCreate(body: KubeObject, ctx: CreateContext): KubeObject {
  const d = ctx.descriptor;
  const obj = clone(body);
  checkTypeMeta(d, obj);
  const meta = obj.metadata;
  if (d.namespaced) {
    if (meta.namespace && ctx.namespace && meta.namespace !== ctx.namespace)
      throw errors.badRequest("the namespace of the provided object does not match the namespace sent on the request");
    meta.namespace = ctx.namespace ?? meta.namespace;
    if (!meta.namespace) throw errors.badRequest("the namespace of the object must be set");
  } else delete meta.namespace;
  if (!meta.name && meta.generateName) meta.name = generateName(meta.generateName);
  meta.uid = ctx.uid;
  meta.creationTimestamp = formatTime(ctx.now);
  if (tracksGeneration(d)) meta.generation = 1;
  else delete meta.generation;
  delete meta.resourceVersion;
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  // Registry strategies drop client-set status on create when status is its own subresource.
  if (d.subresources.status) delete obj.status;
  if (isNamespaceDescriptor(d)) prepareNamespaceCreate(obj);
  d.applyDefaults?.(obj);
  validateOrThrow(d, obj);
  return obj;
}

function prepareNamespaceCreate(obj: KubeObject): void {
  const spec = (obj.spec ?? {}) as { finalizers?: string[] };
  spec.finalizers = Array.from(new Set([...(spec.finalizers ?? []), "kubernetes"]));
  obj.spec = spec;
  obj.status = { phase: "Active" };
}

/** Validates metadata then the descriptor's own rules; throws 422 Invalid with every cause. */
export function validateOrThrow(d: ResourceDescriptor, obj: KubeObject, old?: KubeObject): void {
  const causes: StatusCause[] = validateObjectMeta(obj, d.nameValidation);
  if (!causes.some((c) => c.field === "metadata.name")) causes.push(...(d.validate?.(obj, old) ?? []));
  if (causes.length) throw errors.invalid(d.kind, obj.metadata?.name ?? "", causes, d.group || undefined);
}

export interface UpdateContext {
  descriptor: ResourceDescriptor;
  old: KubeObject;
  /** "status" for writes through the status subresource. */
  subresource?: "status";
  /**
   * The caller hands over `body`: its root object is not copied again (a patch result built
   * copy-on-write from `old`). Its subtrees may be `old`'s own and are then left as they are.
   */
  owned?: boolean;
}

/**
 * Merges a full replacement into the stored object the way registry strategies do:
 * server-owned metadata is kept, status (or everything but status) is carried over from the
 * stored object, generation moves when the spec part changed, finalizers cannot grow on an
 * object being deleted. Defaults and validation run last.
 */
export function prepareUpdate(body: KubeObject, ctx: UpdateContext): KubeObject {
  const { descriptor: d, old } = ctx;
  let obj: KubeObject;
  // Only the root and metadata are edited below; every other subtree taken from `old` is
  // shared, not copied: stored objects are never edited in place and storage copies on write.
  if (ctx.subresource === "status") obj = statusReplacement(d, body, old, ctx.owned);
  else {
    obj = ctx.owned && isPlainObject(body) ? { ...body } : clone(body);
    checkTypeMeta(d, obj);
    if (ctx.owned) obj.metadata = { ...obj.metadata };
    if (d.subresources.status || isNamespaceDescriptor(d)) {
      if (old.status === undefined) delete obj.status;
      else obj.status = old.status;
    }
  }
  const meta = obj.metadata;
  const oldMeta = old.metadata;
  meta.name = oldMeta.name;
  meta.uid = oldMeta.uid;
  meta.creationTimestamp = oldMeta.creationTimestamp;
  if (d.namespaced) meta.namespace = oldMeta.namespace;
  else delete meta.namespace;
  copyOrDelete(meta, oldMeta, "deletionTimestamp");
  copyOrDelete(meta, oldMeta, "deletionGracePeriodSeconds");
  if (ctx.subresource !== "status") checkNewFinalizers(d, old, obj);
  applyUpdateDefaults(d, obj, old);
  if (!tracksGeneration(d)) delete meta.generation;
  else if (!deepEqual(specPart(obj), specPart(old))) meta.generation = (oldMeta.generation ?? 0) + 1;
  else meta.generation = oldMeta.generation ?? 1;
  validateOrThrow(d, obj, old);
  return obj;
}

/**
 * What a status write stores: `old` with the body's status (apiextensions' statusStrategy
 * changes status alone; managedFields ride along). Only those two are copied from the body,
 * not all of it: the rest (a Work's manifests) would be thrown away.
 */
function statusReplacement(d: ResourceDescriptor, body: KubeObject, old: KubeObject, owned: boolean | undefined): KubeObject {
  // checkTypeMeta fills apiVersion/kind/metadata when absent: on a shallow copy, not the caller's body.
  const head = isPlainObject(body) ? { ...body } : body;
  checkTypeMeta(d, head);
  const status = owned ? head.status : clone(head.status);
  const sent = head.metadata.managedFields;
  // Controllers send back what they read: then the stored list itself is kept (no copy, and
  // the field manager reuses its encodings).
  const managedFields = owned || sent === undefined ? sent : deepEqual(sent, old.metadata.managedFields) ? old.metadata.managedFields : clone(sent);
  const obj: KubeObject = { ...old, metadata: { ...old.metadata } };
  if (status === undefined) delete obj.status;
  else obj.status = status;
  if (managedFields) obj.metadata.managedFields = managedFields;
  return obj;
}

/**
 * Defaulting of an update with `old` as the baseline: custom resource schema defaulting and
 * pruning skip subtrees the new object still shares with the stored one (already defaulted).
 * Built-in defaulters ignore the baseline and see the whole object.
 */
function applyUpdateDefaults(d: ResourceDescriptor, obj: KubeObject, old: KubeObject): void {
  if (d.applyDefaults) withUpdateBaseline(old, () => d.applyDefaults!(obj));
}

function isPlainObject(v: unknown): v is KubeObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function copyOrDelete<K extends "deletionTimestamp" | "deletionGracePeriodSeconds">(
  meta: KubeObject["metadata"],
  oldMeta: KubeObject["metadata"],
  key: K,
): void {
  if (oldMeta[key] === undefined) delete meta[key];
  else meta[key] = oldMeta[key];
}

function checkNewFinalizers(d: ResourceDescriptor, old: KubeObject, obj: KubeObject): void {
  if (!old.metadata.deletionTimestamp) return;
  const before = new Set(old.metadata.finalizers ?? []);
  const added = (obj.metadata.finalizers ?? []).filter((f) => !before.has(f));
  if (!added.length) return;
  throw errors.invalid(d.kind, old.metadata.name ?? "", [
    {
      reason: "FieldValueForbidden",
      field: "metadata.finalizers",
      message: `Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => JSON.stringify(f)).join(", ")}}`,
    },
  ], d.group || undefined);
}

/** True once an object marked for deletion has no finalizer left (metadata, and spec for namespaces). */
export function readyToVanish(d: ResourceDescriptor, obj: KubeObject): boolean {
  if (!obj.metadata.deletionTimestamp) return false;
  if ((obj.metadata.finalizers ?? []).length) return false;
  if (isNamespaceDescriptor(d)) return ((obj.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).length === 0;
  return true;
}

/** Whether a PUT may omit metadata.resourceVersion (built-in strategies allow it; custom resources do not). */
export function allowsUnconditionalUpdate(d: ResourceDescriptor): boolean {
  return !d.fromCRD && !d.group.endsWith("karmada.io");
}
