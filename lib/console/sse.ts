import type { Storage, StorageEvent } from "../apiserver/storage";
import { ApiError } from "../kube/errors";
import { INVALIDATE_EVENT } from "../kube/queries";
import { invalidationKeys, KeyCoalescer, topicOf } from "./live-keys";

/**
 * The console's live stream (GET /api/v1/events/stream): the store's watch, reduced to small
 * "invalidate" messages naming query keys, coalesced per window. The browser then refetches
 * only what it shows (useLiveInvalidation); no object ever travels over this stream, so it stays
 * cheap with 10,000 objects churning.
 */
export interface EventStreamOptions {
  storage: Pick<Storage, "watch" | "currentResourceVersion">;
  /** Resource names to follow, or "all". */
  topics: Set<string> | "all";
  /** Ends the stream (the client went away). */
  signal: AbortSignal;
  /** Coalescing window; default 250 ms. */
  windowMs?: number;
  /** Comment line interval that keeps proxies from closing an idle stream; default 20 s. */
  heartbeatMs?: number;
}

const encoder = new TextEncoder();

/** One SSE frame. */
export function sseFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function createEventStream(opts: EventStreamOptions): ReadableStream<Uint8Array> {
  const { storage, topics, signal, windowMs = 250, heartbeatMs = 20_000 } = opts;
  const coalescer = new KeyCoalescer();
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal.addEventListener("abort", onAbort, { once: true });
  const timers: ReturnType<typeof setInterval>[] = [];

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (stop.signal.aborted) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop.abort();
        }
      };
      const close = () => {
        for (const t of timers) clearInterval(t);
        signal.removeEventListener("abort", onAbort);
        try {
          controller.close();
        } catch {
          // already closed by the consumer
        }
      };
      stop.signal.addEventListener("abort", close, { once: true });
      // retry: how long EventSource waits before reconnecting after the stream ends.
      write("retry: 3000\n: connected\n\n");
      timers.push(
        setInterval(() => {
          for (const key of coalescer.drain()) write(sseFrame(INVALIDATE_EVENT, { key }));
        }, windowMs),
        setInterval(() => write(": ping\n\n"), heartbeatMs),
      );
      void follow(storage, topics, stop.signal, (ev) => {
        for (const key of invalidationKeys(ev)) coalescer.add(key);
      }, () => {
        // We fell behind the retained log: everything may be stale.
        coalescer.add(["kube"]);
        coalescer.add(["rest"]);
      })
        .catch((err: unknown) => console.error(JSON.stringify({ level: "error", msg: "live stream watch failed", error: String(err) })))
        .finally(() => stop.abort());
    },
    cancel() {
      stop.abort();
    },
  });
}

/**
 * Follows the store from "now" until the signal aborts. A 410 (the log moved past our position)
 * restarts from the current version after reporting `onGap`; any other error ends the stream and
 * the browser reconnects.
 */
async function follow(
  storage: EventStreamOptions["storage"],
  topics: Set<string> | "all",
  signal: AbortSignal,
  onEvent: (ev: StorageEvent) => void,
  onGap: () => void,
): Promise<void> {
  while (!signal.aborted) {
    const from = await storage.currentResourceVersion();
    try {
      for await (const ev of storage.watch({ fromResourceVersion: from, signal })) {
        if (topics === "all" || topics.has(topicOf(ev.key))) onEvent(ev);
      }
      return;
    } catch (err) {
      if (signal.aborted) return;
      if (!ApiError.is(err) || err.code !== 410) throw err;
      onGap();
    }
  }
}
