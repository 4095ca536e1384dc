"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { INVALIDATE_EVENT, streamUrl } from "../../lib/kube/queries";

/** Resources whose changes can move a workflow graph. */
export const WORKFLOW_TOPICS = [
  "resourcebindings.work.karmada.io",
  "clusterresourcebindings.work.karmada.io",
  "works.work.karmada.io",
  "clusters.cluster.karmada.io",
  "propagationpolicies.policy.karmada.io",
  "clusterpropagationpolicies.policy.karmada.io",
  "overridepolicies.policy.karmada.io",
  "clusteroverridepolicies.policy.karmada.io",
  "events",
];

/**
 * Keeps derived REST answers (the workflow graph, the resources list) live: any change to the
 * given resources on the console's SSE stream invalidates `key`. TanStack Query dedupes the
 * refetches, so a burst of changes costs one request.
 */
export function useRestLive(key: readonly unknown[], topics: readonly string[]): void {
  const client = useQueryClient();
  const url = streamUrl(topics);
  const keyJson = JSON.stringify(key);
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(url, { withCredentials: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Coalesce a burst of changes (a rollout touches binding, Works and events) into one refetch.
    const refresh = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        void client.invalidateQueries({ queryKey: JSON.parse(keyJson) as unknown[] });
      }, 300);
    };
    source.addEventListener(INVALIDATE_EVENT, refresh);
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, [client, url, keyJson]);
}
