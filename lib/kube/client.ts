import type { KubeList, KubeObject, WatchEvent } from "./types";

/**
 * What controllers, the agent and the console's server code use to read and write objects,
 * whichever side of the wire they are on. Implementations:
 * - in-process over lib/apiserver (the control plane's own controllers),
 * - HTTPS through a kubeconfig with @kubernetes/client-node (member clusters, the Pull agent).
 * Every failure is an ApiError carrying a metav1.Status (lib/kube/errors.ts).
 */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** The four Kubernetes patch types, by their Content-Type. */
export type PatchType =
  | "application/json-patch+json"
  | "application/merge-patch+json"
  | "application/strategic-merge-patch+json"
  | "application/apply-patch+yaml";

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
}

export interface WatchOptions extends ListOptions {
  /** Resume after this version; unset or "0" starts with synthetic ADDED events for current objects. */
  resourceVersion?: string;
  allowWatchBookmarks?: boolean;
  timeoutSeconds?: number;
  signal: AbortSignal;
  /**
   * The consumer never edits the event objects (an informer's cache, read-only by contract). A
   * client may then hand out objects it shares with others instead of a copy per event.
   */
  readOnly?: boolean;
}

export interface WriteOptions {
  fieldManager?: string;
  dryRun?: boolean;
}

export interface PatchOptions extends WriteOptions {
  force?: boolean;
  subresource?: "status";
}

export interface DeleteOptions {
  propagationPolicy?: "Orphan" | "Background" | "Foreground";
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
}

export interface ObjectClient {
  /** undefined when the object does not exist (NotFound is not an error here). */
  get<T extends KubeObject = KubeObject>(apiVersion: string, kind: string, namespace: string | undefined, name: string): Promise<T | undefined>;
  list<T extends KubeObject = KubeObject>(apiVersion: string, kind: string, opts?: ListOptions): Promise<KubeList<T>>;
  create<T extends KubeObject = KubeObject>(obj: T, opts?: WriteOptions): Promise<T>;
  /** PUT: full replacement guarded by metadata.resourceVersion (409 Conflict when stale). */
  update<T extends KubeObject = KubeObject>(obj: T, opts?: WriteOptions): Promise<T>;
  /** PUT on the status subresource: only .status changes, generation never moves. */
  updateStatus<T extends KubeObject = KubeObject>(obj: T, opts?: WriteOptions): Promise<T>;
  patch<T extends KubeObject = KubeObject>(ref: ObjectRef, type: PatchType, body: unknown, opts?: PatchOptions): Promise<T>;
  /** Returns the object as the delete left it (with deletionTimestamp while finalizers remain), undefined if it was already gone. */
  delete(ref: ObjectRef, opts?: DeleteOptions): Promise<KubeObject | undefined>;
  /**
   * Streams events until the server ends the stream, opts.signal aborts, or an error occurs.
   * Resolves on a clean end; rejects with ApiError (410 Expired when resourceVersion is too old).
   */
  watch(apiVersion: string, kind: string, opts: WatchOptions, onEvent: (e: WatchEvent) => void): Promise<void>;
}
