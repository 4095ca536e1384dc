import type { KubeConfig } from "@kubernetes/client-node";
import { request } from "undici";
import { authenticate, queryString } from "./direct-request";
import { apiErrorFromFailure, apiErrorFromResponse, isTimeout } from "./failures";
import type { RawRequest } from "./raw-object-api";

/** One decoded line of a watch stream: `{type, object}` as the member sent it. */
export type WatchLine = { type: string; object: unknown };

/**
 * Opens a watch and hands every event line to `onLine`; resolves when the stream ends, is
 * aborted or stays silent for `idleMs` (a clean end to resume from, as with client-node's
 * Watch), rejects with an ApiError when the member refuses it (the member's Status kept) or the
 * connection fails.
 */
export type Watcher = (path: string, query: RawRequest["query"], signal: AbortSignal, onLine: (l: WatchLine) => void) => Promise<void>;

/**
 * Member watches without client-node's Watch: that one goes through WHATWG fetch, converts the
 * web stream back to a Node stream, splits it with readline and re-arms a timer per chunk,
 * which cost more CPU than parsing the events. This reads undici's Node stream directly over
 * the same shared, authenticated dispatcher and splits lines itself.
 */
export function directWatcher(kc: KubeConfig, server: string, idleMs = 30_000): Watcher {
  const base = server.replace(/\/+$/, "");
  return async (path, query, signal, onLine) => {
    if (signal.aborted) return;
    const ctl = new AbortController();
    const onAbort = () => ctl.abort();
    signal.addEventListener("abort", onAbort, { once: true });
    // One timer for the whole stream: it checks the time of the last data when it fires.
    let last = Date.now();
    let idle = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = (ms: number) => {
      timer = setTimeout(() => {
        const left = last + idleMs - Date.now();
        if (left > 0) return arm(left);
        idle = true;
        ctl.abort();
      }, ms);
      timer.unref();
    };
    arm(idleMs);
    try {
      const { headers, dispatcher } = await authenticate(kc, "application/json");
      const res = await request(`${base}${path}${queryString({ watch: true, ...query })}`, { method: "GET", headers, dispatcher, signal: ctl.signal, bodyTimeout: 0 });
      if (res.statusCode !== 200) throw apiErrorFromResponse(res.statusCode, await res.body.text());
      last = Date.now();
      await readLines(res.body, () => (last = Date.now()), onLine);
    } catch (err) {
      if (idle || signal.aborted || isTimeout(err) || (err as { name?: string }).name === "AbortError") return;
      throw apiErrorFromFailure(err, `watch ${base}${path}`);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
    }
  };
}

/** Splits a byte stream into newline-delimited JSON events; lines that are not JSON are skipped. */
export async function readLines(body: AsyncIterable<Buffer | string> & { setEncoding?(e: BufferEncoding): unknown }, onData: () => void, onLine: (l: WatchLine) => void): Promise<void> {
  // Decoding in the stream keeps multi-byte characters split across chunks intact.
  body.setEncoding?.("utf8");
  let rest = "";
  for await (const chunk of body) {
    onData();
    const text = rest + (chunk as string);
    let start = 0;
    let nl = text.indexOf("\n");
    while (nl !== -1) {
      if (nl > start) deliver(text.slice(start, nl), onLine);
      start = nl + 1;
      nl = text.indexOf("\n", start);
    }
    rest = start ? text.slice(start) : text;
  }
  if (rest.trim()) deliver(rest, onLine);
}

function deliver(line: string, onLine: (l: WatchLine) => void): void {
  // As client-node: a broken line (or a listener that throws) does not end the watch.
  try {
    onLine(JSON.parse(line) as WatchLine);
  } catch {
    /* skipped */
  }
}
