import type { ResourceDescriptor } from "../kube/resource-descriptor";
import type { KubeObject, WatchEvent } from "../kube/types";
import type { ListQuery, ObjectApi } from "./object-api";
import { buildFilter } from "./list-filter";
import { objectKey } from "./object-utils";

/**
 * Watch semantics of kube-apiserver over Storage.watch (kube-api-surface.md §8):
 * resourceVersion unset or "0" opens with a synthetic ADDED per current match; "N" replays
 * from the event log (410 Expired when too old, thrown to the caller); selector matches are
 * tracked so an object that stops matching is seen as DELETED and one that starts as ADDED.
 * Objects of live events may be shared with other watchers: read them, or copy before editing.
 */
export interface WatchQuery extends ListQuery {
  resourceVersion?: string;
  /** With allowWatchBookmarks, the end of the initial ADDED burst is marked by a BOOKMARK. */
  sendInitialEvents?: boolean;
  allowWatchBookmarks?: boolean;
}

/** Progress of one watch: the newest storage resourceVersion it has consumed, for bookmarks. */
export interface WatchProgress {
  resourceVersion: string;
}

export async function* watchObjects(
  api: ObjectApi,
  d: ResourceDescriptor,
  q: WatchQuery,
  signal: AbortSignal,
  progress: WatchProgress = { resourceVersion: "0" },
): AsyncGenerator<WatchEvent> {
  const filter = buildFilter(d, q.labelSelector, q.fieldSelector);
  const namespace = d.namespaced ? q.namespace : undefined;
  const matched = new Map<string, boolean>();
  let from = q.resourceVersion ?? "";
  if (from === "" || from === "0") {
    const list = await api.list(d, { namespace, labelSelector: q.labelSelector, fieldSelector: q.fieldSelector });
    for (const item of list.items) {
      matched.set(objectKey(item.metadata.namespace, item.metadata.name!), true);
      yield { type: "ADDED", object: item };
    }
    from = list.metadata.resourceVersion ?? "0";
    progress.resourceVersion = from;
    if (q.sendInitialEvents && q.allowWatchBookmarks) yield bookmark(d, from, true);
  }
  // Read-only: events are filtered, re-stamped with a shallow spread and serialised (HTTP) or
  // copied once by the in-process client, so the store need not copy them per watcher.
  const events = api.storage.watch({ fromResourceVersion: from, key: api.storageKey(d), namespace: namespace || undefined, signal, readOnly: true });
  for await (const e of events) {
    progress.resourceVersion = e.resourceVersion;
    const obj = api.served(d, e.object);
    const key = objectKey(e.namespace || undefined, e.name);
    const type = translate(e.type, obj, filter, matched.get(key));
    if (e.type === "DELETED") matched.delete(key);
    else matched.set(key, !filter || filter(obj));
    if (type) yield { type, object: obj };
  }
}

/**
 * What a filtered watcher sees. `before` is whether the object matched the last time this
 * watch saw it (undefined: unknown). Only objects known to have matched produce DELETED when
 * they stop matching; unknown ones were never delivered, so there is nothing to retract.
 */
function translate(
  type: "ADDED" | "MODIFIED" | "DELETED",
  obj: KubeObject,
  filter: ((o: KubeObject) => boolean) | undefined,
  before: boolean | undefined,
): WatchEvent["type"] | undefined {
  if (!filter) return type;
  const now = filter(obj);
  if (type === "ADDED") return now ? "ADDED" : undefined;
  if (type === "DELETED") return now || before ? "DELETED" : undefined;
  if (now) return before === false ? "ADDED" : "MODIFIED";
  return before ? "DELETED" : undefined;
}

/** A BOOKMARK event: only kind, apiVersion and the resourceVersion the client may resume from. */
export function bookmark(d: ResourceDescriptor, resourceVersion: string, initialEventsEnd = false): WatchEvent {
  const metadata: KubeObject["metadata"] = { resourceVersion };
  if (initialEventsEnd) metadata.annotations = { "k8s.io/initial-events-end": "true" };
  return { type: "BOOKMARK", object: { apiVersion: d.group ? `${d.group}/${d.version}` : d.version, kind: d.kind, metadata } };
}
