/**
 * The wire format of the console's live stream (GET /api/v1/events/stream): Server-Sent Events
 * named "invalidate" whose data is `{ "key": [...] }`, a query-key prefix (lib/kube/queries.ts)
 * whose cached queries are stale. Shared by the server (lib/console/sse.ts) and the browser hook.
 */
export const INVALIDATE_EVENT = "invalidate";

export interface InvalidateMessage {
  key: (string | number)[];
}

/** Parses one message's data; undefined for anything that is not an invalidate message. */
export function parseInvalidateMessage(data: string): InvalidateMessage | undefined {
  try {
    const v = JSON.parse(data) as { key?: unknown };
    if (Array.isArray(v.key) && v.key.every((k) => typeof k === "string" || typeof k === "number")) return { key: v.key };
  } catch {
    // a malformed message is ignored: the next one (or the periodic refetch on reconnect) heals it
  }
  return undefined;
}

/** The stream URL for a set of topics (resource names like "clusters.cluster.karmada.io", or "*"). */
export function streamUrl(topics: readonly string[]): string {
  return `/api/v1/events/stream?topics=${encodeURIComponent([...topics].sort().join(","))}`;
}
