"use client";

import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { INVALIDATE_EVENT, matchesInvalidation, parseInvalidateMessage, streamUrl } from "../../lib/kube/queries";

/**
 * Keeps the page's queries live: subscribes to the console's SSE stream for `topics` (resource
 * names such as "clusters.cluster.karmada.io", "resourcebindings.work.karmada.io", or "*") and
 * invalidates the cached queries each message names, so only what changed refetches (no
 * polling). EventSource reconnects by itself; after a reconnect everything under the topics
 * may have been missed, so the hook invalidates all active queries once.
 */
export function useLiveInvalidation(topics: readonly string[] = ["*"]): void {
  const client = useQueryClient();
  const url = streamUrl(topics);
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(url, { withCredentials: true });
    source.addEventListener(INVALIDATE_EVENT, (e) => {
      const msg = parseInvalidateMessage((e as MessageEvent<string>).data);
      if (msg) invalidateKey(client, msg.key);
    });
    // Every open, the first included: changes between the server-side prefetch (or the last
    // connection) and this moment produced no message, so what the page shows may be stale.
    source.addEventListener("open", () => {
      void client.invalidateQueries({ type: "active" });
    });
    return () => source.close();
  }, [client, url]);
}

/** Invalidates every cached query the key concerns (see matchesInvalidation). */
export function invalidateKey(client: QueryClient, key: readonly unknown[]): Promise<void> {
  return client.invalidateQueries({ predicate: (q) => matchesInvalidation(q.queryKey, key) });
}
