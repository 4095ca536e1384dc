import { randomUUID } from "node:crypto";
import type { ResourceDescriptor } from "../kube/resource-descriptor";
import { apiVersionOf, qualifiedResource } from "../kube/resource-descriptor";
import type { ResourceRegistry } from "../kube/resources/registry";
import type { KubeList, KubeObject } from "../kube/types";
import { ApiError, errors } from "../kube/errors";
import type { ResourceKey, Storage } from "./storage";
import type { Clock } from "./options";
import { buildFilter } from "./list-filter";
import { allowsUnconditionalUpdate, prepareCreate, prepareUpdate, readyToVanish } from "./write-pipeline";
import { clone, sameIgnoringManagedTimes } from "./object-utils";
import { noFieldManagement, type FieldManagement } from "./field-management";
import { enforceFieldValidation, type FieldValidation } from "./strict-fields";
import { NamespaceLister } from "./namespace-lister";

/**
 * Generic Kubernetes object semantics over a Storage: the verbs every resource shares.
 * The HTTP layer and the in-process ObjectClient both call this class, so controllers see
 * exactly what kubectl sees. Delete, patch and watch live in their own modules and build on
 * the primitives here (`read`, `commitUpdate`, `storageKey`).
 */
export interface ObjectApiOptions {
  storage: Storage;
  registry: ResourceRegistry;
  clock?: Clock;
  fields?: FieldManagement;
}

export interface ListQuery {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
}

export interface WriteQuery {
  dryRun?: boolean;
  fieldManager?: string;
  /** Unknown-field policy; undefined = Warn when `warnings` is given, else Ignore. */
  fieldValidation?: FieldValidation;
  /** Collects `Warning` header texts (unknown fields under Warn). */
  warnings?: string[];
  /** Keys the request body repeated, reported like unknown fields (`duplicate field "x"`). */
  duplicateFields?: string[];
}

/** Observers of committed writes (the CRD registrar registers kinds synchronously). */
export type WriteListener = (d: ResourceDescriptor, obj: KubeObject, type: "ADDED" | "MODIFIED" | "DELETED") => Promise<void>;

export class ObjectApi {
  readonly storage: Storage;
  readonly registry: ResourceRegistry;
  readonly clock: Clock;
  fields: FieldManagement;
  private readonly listeners: WriteListener[] = [];
  /** NamespaceLifecycle's view of namespaces (watch-fed, started by the first namespaced create). */
  private readonly namespaces: NamespaceLister;

  constructor(opts: ObjectApiOptions) {
    this.storage = opts.storage;
    this.namespaces = new NamespaceLister(opts.storage);
    this.onWrite(async (d, obj, type) => {
      if (d.group === "" && d.plural === "namespaces") this.namespaces.observe(obj, type);
    });
    this.registry = opts.registry;
    this.clock = opts.clock ?? (() => new Date());
    this.fields = opts.fields ?? noFieldManagement;
  }

  onWrite(l: WriteListener): void {
    this.listeners.push(l);
  }

  storageKey(d: ResourceDescriptor): ResourceKey {
    return { group: d.group, resource: d.plural };
  }

  /** The stored object or undefined; served at the descriptor's version. */
  async read(d: ResourceDescriptor, namespace: string | undefined, name: string): Promise<KubeObject | undefined> {
    const obj = await this.storage.get(this.storageKey(d), d.namespaced ? namespace ?? "" : "", name);
    return obj && this.served(d, obj);
  }

  async get(d: ResourceDescriptor, namespace: string | undefined, name: string): Promise<KubeObject> {
    const obj = await this.read(d, namespace, name);
    if (!obj) throw errors.notFound(d.plural, name, d.group || undefined);
    return obj;
  }

  async list(d: ResourceDescriptor, q: ListQuery = {}): Promise<KubeList> {
    const filter = buildFilter(d, q.labelSelector, q.fieldSelector);
    const res = await this.storage.list(this.storageKey(d), {
      namespace: d.namespaced ? q.namespace : undefined,
      filter,
      limit: q.limit && q.limit > 0 ? q.limit : undefined,
      continue: q.continue || undefined,
    });
    const metadata: KubeList["metadata"] = { resourceVersion: res.resourceVersion };
    if (res.continue) metadata.continue = res.continue;
    if (res.remainingItemCount !== undefined && res.continue) metadata.remainingItemCount = res.remainingItemCount;
    return { apiVersion: apiVersionOf(d), kind: d.listKind, metadata, items: res.items.map((o) => this.served(d, o)) };
  }

  async create(
    d: ResourceDescriptor,
    namespace: string | undefined,
    body: KubeObject,
    q: WriteQuery & { keepManagedFields?: boolean } = {},
  ): Promise<KubeObject> {
    const now = this.clock();
    enforceFieldValidation(d, body, q.fieldValidation, q.warnings, q.duplicateFields);
    const obj = prepareCreate(body, { descriptor: d, namespace, now, uid: randomUUID() });
    if (d.namespaced) await this.checkNamespaceAcceptsCreate(d, obj);
    // Server-side apply computed managedFields itself; every other create records its manager.
    if (!q.keepManagedFields) this.fields.onCreate({ obj, manager: q.fieldManager, apiVersion: apiVersionOf(d), now });
    dropEmptyManagedFields(obj);
    if (q.dryRun) return obj;
    const stored = await this.storage.create(this.storageKey(d), obj);
    await this.emit(d, stored, "ADDED");
    return this.served(d, stored);
  }

  /** PUT (main resource or status): full replacement guarded by resourceVersion. */
  async update(
    d: ResourceDescriptor,
    namespace: string | undefined,
    name: string,
    body: KubeObject,
    q: WriteQuery & { subresource?: "status" } = {},
  ): Promise<KubeObject> {
    if (body?.metadata?.name !== undefined && body.metadata.name !== name)
      throw errors.badRequest(`the name of the object (${body.metadata.name}) does not match the name on the URL (${name})`);
    const old = await this.get(d, namespace, name);
    const rv = body?.metadata?.resourceVersion;
    if (!rv && !allowsUnconditionalUpdate(d)) {
      throw errors.invalid(d.kind, name, [
        { reason: "FieldValueInvalid", field: "metadata.resourceVersion", message: "Invalid value: 0x0: must be specified for an update" },
      ], d.group || undefined);
    }
    if (rv && rv !== old.metadata.resourceVersion) throw this.conflict(d, name);
    enforceFieldValidation(d, body, q.fieldValidation, q.warnings, q.duplicateFields);
    const next = prepareUpdate(body, { descriptor: d, old, subresource: q.subresource });
    return this.commitUpdate(d, old, next, q);
  }

  /**
   * Stores an already-prepared replacement of `old`: managed fields, dry run, and the final
   * step of two-phase deletion (an object marked for deletion whose last finalizer went away
   * is removed instead of updated).
   */
  async commitUpdate(
    d: ResourceDescriptor,
    old: KubeObject,
    next: KubeObject,
    q: WriteQuery & { subresource?: "status"; skipFieldManagement?: boolean } = {},
  ): Promise<KubeObject> {
    const now = this.clock();
    if (!q.skipFieldManagement)
      this.fields.onUpdate({ old, obj: next, manager: q.fieldManager, apiVersion: apiVersionOf(d), now, subresource: q.subresource });
    dropEmptyManagedFields(next);
    next.metadata.resourceVersion = old.metadata.resourceVersion;
    if (q.dryRun) return next;
    const key = this.storageKey(d);
    const expected = old.metadata.resourceVersion ?? "";
    if (readyToVanish(d, next)) {
      const gone = await this.rethrowConflict(d, old, () => this.storage.delete(key, next.metadata.namespace ?? "", next.metadata.name!, expected));
      await this.emit(d, gone, "DELETED");
      return this.served(d, { ...gone, metadata: { ...gone.metadata, finalizers: next.metadata.finalizers } });
    }
    // kube-apiserver skips writes that change nothing (GuaranteedUpdate compares the bytes):
    // no new resourceVersion, no event, and kubectl prints "patched (no change)".
    if (sameIgnoringManagedTimes(old, next)) return this.served(d, old);
    const stored = await this.rethrowConflict(d, old, () => this.storage.update(key, next, expected));
    await this.emit(d, stored, "MODIFIED");
    return this.served(d, stored);
  }

  conflict(d: ResourceDescriptor, name: string): ApiError {
    return errors.conflict(d.plural, name, "the object has been modified; please apply your changes to the latest version and try again", d.group || undefined);
  }

  async emit(d: ResourceDescriptor, obj: KubeObject, type: "ADDED" | "MODIFIED" | "DELETED"): Promise<void> {
    for (const l of this.listeners) await l(d, obj, type);
  }

  /** Stamps the descriptor's apiVersion/kind: one stored object may be served at several versions. */
  served(d: ResourceDescriptor, obj: KubeObject): KubeObject {
    return { ...obj, apiVersion: apiVersionOf(d), kind: d.kind };
  }

  private async rethrowConflict<T>(d: ResourceDescriptor, old: KubeObject, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (ApiError.is(e, "Conflict")) throw this.conflict(d, old.metadata.name ?? "");
      throw e;
    }
  }

  /** The NamespaceLifecycle admission plugin: content needs an existing namespace that is not terminating. */
  private async checkNamespaceAcceptsCreate(d: ResourceDescriptor, obj: KubeObject): Promise<void> {
    if (!this.registry.byResource("", "v1", "namespaces")) return;
    const ns = obj.metadata.namespace!;
    const found = await this.namespaces.get(ns);
    if (!found) throw errors.notFound("namespaces", ns);
    if (found.metadata.deletionTimestamp) {
      const message = `unable to create new content in namespace ${ns} because it is being terminated`;
      throw errors.forbidden(`${qualifiedResource(d)} "${obj.metadata.name}" is forbidden: ${message}`, {
        name: obj.metadata.name,
        group: d.group || undefined,
        kind: d.plural,
        causes: [{ reason: "NamespaceTerminating", message, field: "metadata.namespace" }],
      });
    }
  }
}

/** kube omits an empty managedFields list (omitempty): a create that set no field records no manager. */
function dropEmptyManagedFields(obj: KubeObject): void {
  if (Array.isArray(obj.metadata.managedFields) && obj.metadata.managedFields.length === 0) delete obj.metadata.managedFields;
}

/** Deep copy helper re-exported for the verb modules. */
export { clone };
