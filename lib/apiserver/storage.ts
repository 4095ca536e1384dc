import type { KubeObject } from "../kube/types";

/**
 * The persistence contract under lib/apiserver. Two implementations share it and one contract
 * test suite: the Prisma store (embedded PGlite or Postgres) for the control plane, and the
 * in-memory store (snapshotted to disk) for sandbox clusters.
 *
 * Storage is deliberately dumb about Kubernetes semantics: it stores whole objects, stamps
 * resourceVersions, enforces compare-and-set and keeps the watch event log. uid, generation,
 * finalizers, namespaces, defaulting and validation belong to lib/apiserver.
 */
export interface ResourceKey {
  /** API group, "" for core. */
  group: string;
  /** Plural resource name, e.g. "deployments". */
  resource: string;
}

export interface StorageListOptions {
  /** undefined = all namespaces (or a cluster-scoped resource). */
  namespace?: string;
  /** Extra in-memory predicate (label/field selectors), applied before paging. */
  filter?: (obj: KubeObject) => boolean;
  limit?: number;
  /** Opaque token from a previous page. */
  continue?: string;
}

export interface StorageListResult {
  items: KubeObject[];
  /** The store's resourceVersion at the time of the list (a watch started here misses nothing). */
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface StorageEvent {
  type: "ADDED" | "MODIFIED" | "DELETED";
  key: ResourceKey;
  namespace: string;
  name: string;
  /** The object after the change (for DELETED: the last state, stamped with the deletion's resourceVersion). */
  object: KubeObject;
  resourceVersion: string;
}

export interface StorageWatchOptions {
  /** Deliver every event with resourceVersion strictly greater than this, in order, exactly once. */
  fromResourceVersion: string;
  /** Restrict to one resource (and optionally one namespace); undefined = every resource. */
  key?: ResourceKey;
  namespace?: string;
  signal: AbortSignal;
  /**
   * The consumer promises to only read the events (serialise them, or copy before editing). The
   * store may then hand every such watcher the one copy it keeps in its event log instead of a
   * private copy each: with W watchers of a resource a write costs one copy, not W. Without it
   * every event is the watcher's own to mutate, as for get/list/create/update/delete results.
   */
  readOnly?: boolean;
}

export interface Storage {
  get(key: ResourceKey, namespace: string, name: string): Promise<KubeObject | undefined>;
  list(key: ResourceKey, opts?: StorageListOptions): Promise<StorageListResult>;
  /**
   * Stores a new object, setting metadata.resourceVersion. Throws ApiError AlreadyExists (409).
   * `obj` is not modified and the store keeps its own copy. The result (for update too) is the
   * caller's to mutate; it may share nested values with `obj`, which is the caller's already.
   */
  create(key: ResourceKey, obj: KubeObject): Promise<KubeObject>;
  /**
   * Replaces the object if its stored resourceVersion equals `expectedResourceVersion`;
   * throws ApiError Conflict (409) otherwise and NotFound (404) if it is gone.
   */
  update(key: ResourceKey, obj: KubeObject, expectedResourceVersion: string): Promise<KubeObject>;
  /** Removes the object (optionally guarded by resourceVersion). Throws NotFound/Conflict. */
  delete(key: ResourceKey, namespace: string, name: string, expectedResourceVersion?: string): Promise<KubeObject>;
  /**
   * Events after opts.fromResourceVersion, then live ones, until the signal aborts.
   * Throws ApiError Expired (410) when that version is older than the retained event log.
   */
  watch(opts: StorageWatchOptions): AsyncIterable<StorageEvent>;
  /** The newest resourceVersion handed out. */
  currentResourceVersion(): Promise<string>;
  close(): Promise<void>;
}
