"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { apiFetch } from "../../lib/kube/fetch";
import { Card } from "../ui/card";
import { ErrorState, LoadingState } from "../ui/states";

/** The answer of POST /api/v1/clusters/pull-tokens: at least the command to run in the member. */
interface PullToken {
  command?: string;
  token?: string;
  [k: string]: unknown;
}

/** After registering a Pull cluster: the one command to run inside it to start the agent. */
export function PullCommand({ cluster }: { cluster: string }) {
  const q = useQuery({
    queryKey: ["rest", "clusters", "pull-tokens", cluster],
    queryFn: () => apiFetch<PullToken>("/api/v1/clusters/pull-tokens", { method: "POST", json: { clusterName: cluster } }),
    staleTime: Infinity,
    retry: false,
  });
  return (
    <Card title={`Connect ${cluster}`}>
      {q.isPending ? (
        <LoadingState label="Creating a join token…" />
      ) : q.isError ? (
        <ErrorState error={q.error} title="No join command available" />
      ) : (
        <div className="space-y-3 text-sm">
          <p>Run this in the member cluster to start its agent; the cluster turns Ready once the agent reports in.</p>
          <pre aria-label="Agent command" className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100">
            {q.data.command ?? JSON.stringify(q.data, null, 2)}
          </pre>
        </div>
      )}
      <Link href={`/clusters/${encodeURIComponent(cluster)}`} className="mt-4 inline-block text-sm text-indigo-700 underline dark:text-indigo-300">
        Go to {cluster}
      </Link>
    </Card>
  );
}
