import type { ResourceDescriptor } from "../../kube/resource-descriptor";
import type { WatchEvent } from "../../kube/types";
import { ApiError, errors } from "../../kube/errors";
import type { ObjectApi } from "../object-api";
import { bookmark, watchObjects, type WatchProgress, type WatchQuery } from "../object-watch";
import { toTable, type IncludeObject, type TableVersion } from "../table";
import type { ApiResponse } from "./api-message";
import { JSON_CONTENT_TYPE } from "./responses";

/**
 * A watch as an HTTP response (kube-api-surface.md §8): newline-delimited JSON, one event per
 * line, flushed as produced. Errors (410 Expired) become an ERROR event and end the stream;
 * `timeoutSeconds` ends it cleanly; BOOKMARKs are sent periodically when allowed.
 */
export interface WatchStreamOptions {
  signal: AbortSignal;
  timeoutSeconds?: number;
  allowWatchBookmarks?: boolean;
  bookmarkIntervalMs?: number;
  table?: { version: TableVersion; includeObject: IncludeObject };
  now: () => Date;
}

export function watchResponse(api: ObjectApi, d: ResourceDescriptor, q: WatchQuery, opts: WatchStreamOptions): ApiResponse {
  const ac = new AbortController();
  const onAbort = () => ac.abort();
  opts.signal.addEventListener("abort", onAbort, { once: true });
  const encoder = new TextEncoder();
  const progress: WatchProgress = { resourceVersion: q.resourceVersion ?? "0" };
  let first = true;
  const timers: ReturnType<typeof setTimeout>[] = [];
  const render = (e: WatchEvent): WatchEvent => {
    if (!opts.table || e.type === "BOOKMARK" || e.type === "ERROR") return e;
    const t = toTable(d, [e.object], { ...opts.table, now: opts.now(), omitHeaders: !first });
    first = false;
    return { type: e.type, object: t as unknown as WatchEvent["object"] };
  };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (e: WatchEvent) => {
        if (!ac.signal.aborted) controller.enqueue(encoder.encode(JSON.stringify(render(e)) + "\n"));
      };
      // An empty first chunk makes HTTP bridges send the status line and headers right away:
      // clients block until they see them, and a quiet watch may have no event for minutes.
      controller.enqueue(new Uint8Array(0));
      if (opts.timeoutSeconds) timers.push(setTimeout(() => ac.abort(), opts.timeoutSeconds * 1000));
      if (opts.allowWatchBookmarks) {
        const every = opts.bookmarkIntervalMs ?? 30_000;
        const t = setInterval(() => send(bookmark(d, progress.resourceVersion)), every);
        timers.push(t);
      }
      void (async () => {
        try {
          for await (const e of watchObjects(api, d, q, ac.signal, progress)) send(e);
        } catch (err) {
          if (!ac.signal.aborted) send({ type: "ERROR", object: (ApiError.is(err) ? err.status : errors.internal().status) as unknown as WatchEvent["object"] });
        } finally {
          for (const t of timers) clearTimeout(t);
          opts.signal.removeEventListener("abort", onAbort);
          try {
            controller.close();
          } catch {
            // already cancelled by the client
          }
        }
      })();
    },
    cancel() {
      ac.abort();
    },
  });
  return { status: 200, headers: { "content-type": JSON_CONTENT_TYPE, "cache-control": "no-cache, private" }, body: stream };
}
