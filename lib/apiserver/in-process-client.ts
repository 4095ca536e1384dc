import type { DeleteOptions, ListOptions, ObjectClient, ObjectRef, PatchOptions, PatchType, WatchOptions, WriteOptions } from "../kube/client";
import type { ResourceDescriptor } from "../kube/resource-descriptor";
import type { KubeList, KubeObject, WatchEvent } from "../kube/types";
import { errors } from "../kube/errors";
import { cloneJson } from "../store/json-clone";
import type { ObjectApi } from "./object-api";
import { deleteObject } from "./object-delete";
import { patchObject } from "./object-patch";
import { bookmark, watchObjects, type WatchProgress } from "./object-watch";

/** The field manager of in-process writes that do not name one. */
export const IN_PROCESS_MANAGER = "flotilla-controller-manager";

/**
 * ObjectClient over ObjectApi, for controllers running inside the control plane: the same
 * semantics as HTTP requests (validation, admission, CAS, finalizers, managedFields) without
 * the wire. Objects are returned as fresh copies, so callers may mutate them: reads are the
 * store's private copies, written objects and watch events (shared with the store's event log
 * and other watchers) are copied once here.
 */
export function createInProcessClient(api: ObjectApi, opts: { ready?: () => Promise<void>; bookmarkIntervalMs?: number } = {}): ObjectClient {
  const ready = opts.ready ?? (async () => undefined);
  const resolve = (apiVersion: string, kind: string): ResourceDescriptor => {
    const d = api.registry.byKind(apiVersion, kind);
    if (!d) throw errors.notFoundMessage(`no matches for kind "${kind}" in version "${apiVersion}"`);
    return d;
  };
  const ns = (d: ResourceDescriptor, namespace: string | undefined) => (d.namespaced ? namespace || "default" : undefined);
  const copy = <T>(v: T): T => cloneJson(v);

  return {
    async get<T extends KubeObject>(apiVersion: string, kind: string, namespace: string | undefined, name: string) {
      await ready();
      const d = resolve(apiVersion, kind);
      // Storage hands every reader a private copy (storage.ts): no second copy here.
      return (await api.read(d, ns(d, namespace), name)) as T | undefined;
    },
    async list<T extends KubeObject>(apiVersion: string, kind: string, o: ListOptions = {}) {
      await ready();
      const d = resolve(apiVersion, kind);
      return (await api.list(d, { ...o, namespace: d.namespaced ? o.namespace : undefined })) as KubeList<T>;
    },
    async create<T extends KubeObject>(obj: T, o: WriteOptions = {}) {
      await ready();
      const d = resolve(obj.apiVersion, obj.kind);
      return copy((await api.create(d, ns(d, obj.metadata?.namespace), obj, writeQuery(o))) as T);
    },
    async update<T extends KubeObject>(obj: T, o: WriteOptions = {}) {
      await ready();
      const d = resolve(obj.apiVersion, obj.kind);
      return copy((await api.update(d, ns(d, obj.metadata?.namespace), obj.metadata.name!, obj, writeQuery(o))) as T);
    },
    async updateStatus<T extends KubeObject>(obj: T, o: WriteOptions = {}) {
      await ready();
      const d = resolve(obj.apiVersion, obj.kind);
      if (!d.subresources.status) throw errors.notFoundMessage("the server could not find the requested resource");
      return copy((await api.update(d, ns(d, obj.metadata?.namespace), obj.metadata.name!, obj, { ...writeQuery(o), subresource: "status" })) as T);
    },
    async patch<T extends KubeObject>(ref: ObjectRef, type: PatchType, body: unknown, o: PatchOptions = {}) {
      await ready();
      const d = resolve(ref.apiVersion, ref.kind);
      const res = await patchObject(api, d, ns(d, ref.namespace), ref.name, type, copy(body), { ...writeQuery(o), force: o.force, subresource: o.subresource });
      return copy(res.object as T);
    },
    async delete(ref: ObjectRef, o: DeleteOptions = {}) {
      await ready();
      const d = resolve(ref.apiVersion, ref.kind);
      try {
        return copy(await deleteObject(api, d, ns(d, ref.namespace), ref.name, o));
      } catch (e) {
        if ((e as { status?: { code?: number } }).status?.code === 404) return undefined;
        throw e;
      }
    },
    async watch(apiVersion: string, kind: string, o: WatchOptions, onEvent: (e: WatchEvent) => void) {
      await ready();
      const d = resolve(apiVersion, kind);
      await runWatch(api, d, o, onEvent, opts.bookmarkIntervalMs ?? 30_000);
    },
  };
}

/** Under vitest, objects shared with read-only consumers are frozen: an edit throws in the test. */
const FREEZE_SHARED = !!process.env.VITEST;

function deepFreeze<T>(v: T): T {
  if (typeof v !== "object" || v === null || Object.isFrozen(v)) return v;
  Object.freeze(v);
  for (const k in v) deepFreeze((v as Record<string, unknown>)[k]);
  return v;
}

function writeQuery(o: WriteOptions) {
  return { dryRun: o.dryRun, fieldManager: o.fieldManager ?? IN_PROCESS_MANAGER };
}

async function runWatch(api: ObjectApi, d: ResourceDescriptor, o: WatchOptions, onEvent: (e: WatchEvent) => void, bookmarkMs: number): Promise<void> {
  const ac = new AbortController();
  const abort = () => ac.abort();
  o.signal.addEventListener("abort", abort, { once: true });
  const timers: ReturnType<typeof setTimeout>[] = [];
  if (o.timeoutSeconds) timers.push(setTimeout(abort, o.timeoutSeconds * 1000));
  const progress: WatchProgress = { resourceVersion: o.resourceVersion ?? "0" };
  if (o.allowWatchBookmarks) timers.push(setInterval(() => onEvent(bookmark(d, progress.resourceVersion)), bookmarkMs));
  try {
    const q = { ...o, namespace: d.namespaced ? o.namespace : undefined };
    // Events are shared with the store's event log and every other watcher: copied unless the
    // consumer promised to only read them (tests freeze them instead, so a breach throws).
    for await (const e of watchObjects(api, d, q, ac.signal, progress)) onEvent(o.readOnly ? (FREEZE_SHARED ? deepFreeze(e) : e) : cloneJson(e));
  } finally {
    for (const t of timers) clearTimeout(t);
    o.signal.removeEventListener("abort", abort);
  }
}
