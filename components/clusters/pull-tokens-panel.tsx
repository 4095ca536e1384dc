"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { PullTokenRecord } from "../../lib/clusters/pull-tokens";
import { apiFetch } from "../../lib/kube/fetch";
import { queries, restKey } from "../../lib/kube/queries";
import { Age } from "../resource/age";
import { StatusBadge } from "../resource/status-badge";
import { Button } from "../ui/button";
import { EmptyState, ErrorState, LoadingState, describeError } from "../ui/states";
import { toast } from "../ui/toast-store";

const TOKENS_KEY = restKey("clusters/pull-tokens");

/**
 * Pull-mode credentials (GET /api/v1/clusters/pull-tokens): bootstrap tokens and agent
 * credentials, never the secrets themselves, each revocable (DELETE .../{id}). With `cluster`
 * only that cluster's are shown and a new join command can be issued for it.
 */
export function PullTokensPanel({ cluster }: { cluster?: string }) {
  const client = useQueryClient();
  const q = useQuery(queries.rest<{ items: PullTokenRecord[] }>("clusters/pull-tokens"));
  const [command, setCommand] = useState<string>();
  const refresh = () => client.invalidateQueries({ queryKey: TOKENS_KEY });
  const revoke = useMutation({
    mutationFn: (t: PullTokenRecord) => apiFetch(`/api/v1/clusters/pull-tokens/${encodeURIComponent(t.id)}`, { method: "DELETE" }),
    onSuccess: (_d, t) => toast({ title: `${t.kind === "agent" ? "Agent credential" : "Join token"} of ${t.clusterName} revoked`, tone: "success" }),
    onError: (e) => toast({ title: "Revoke failed", description: describeError(e).message, tone: "danger" }),
    onSettled: refresh,
  });
  const issue = useMutation({
    mutationFn: (name: string) => apiFetch<{ command?: string }>("/api/v1/clusters/pull-tokens", { method: "POST", json: { clusterName: name } }),
    onSuccess: (d) => setCommand(d.command),
    onError: (e) => toast({ title: "No join command issued", description: describeError(e).message, tone: "danger" }),
    onSettled: refresh,
  });
  if (q.isPending) return <LoadingState label="Loading pull tokens…" />;
  if (q.isError) return <ErrorState error={q.error} title="Pull tokens could not be loaded" onRetry={() => q.refetch()} />;
  const items = q.data.items.filter((t) => !cluster || t.clusterName === cluster);
  return (
    <div className="space-y-3">
      {items.length === 0 ? (
        <EmptyState title={cluster ? `No pull tokens for ${cluster}` : "No pull tokens issued"} />
      ) : (
        <table aria-label="Pull tokens" className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500 dark:text-slate-400">
            <tr>
              {!cluster && <th className="py-1 pr-3">Cluster</th>}
              <th className="py-1 pr-3">Kind</th>
              <th className="py-1 pr-3">State</th>
              <th className="py-1 pr-3">Created</th>
              <th className="py-1 pr-3">Expires</th>
              <th className="py-1" />
            </tr>
          </thead>
          <tbody>
            {items.map((t) => (
              <tr key={t.id} className="border-t border-slate-200 dark:border-slate-800">
                {!cluster && <td className="py-2 pr-3 font-medium">{t.clusterName}</td>}
                <td className="py-2 pr-3">{t.kind === "agent" ? "Agent credential" : "Join token"}</td>
                <td className="py-2 pr-3">
                  <StatusBadge text={t.state} />
                </td>
                <td className="py-2 pr-3">
                  <Age timestamp={t.createdAt} />
                </td>
                <td className="py-2 pr-3">{t.expiresAt ? new Date(t.expiresAt).toLocaleString() : "Never"}</td>
                <td className="py-2 text-right">
                  {t.state === "Active" && (
                    <Button variant="secondary" aria-label={`Revoke ${t.kind === "agent" ? "agent credential" : "join token"} ${t.name}`} disabled={revoke.isPending} onClick={() => revoke.mutate(t)}>
                      Revoke
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cluster && (
        <div className="space-y-2">
          <Button variant="secondary" onClick={() => issue.mutate(cluster)} disabled={issue.isPending}>
            Issue a new join command
          </Button>
          {command && (
            <pre aria-label="Agent command" className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100">
              {command}
            </pre>
          )}
        </div>
      )}
    </div>
  );
}
