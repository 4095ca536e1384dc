"use client";

import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { CLUSTERS_PAGE_SIZE, type ClusterListPage } from "../../lib/console/cluster-list";
import { queries } from "../../lib/kube/queries";
import { useLiveInvalidation } from "../live/use-live-invalidation";
import { useConsoleSearch } from "../shell/use-namespace-filter";
import { Pagination } from "../resource/pagination";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { Card } from "../ui/card";
import { ClusterTable } from "./cluster-table";
import { PullTokensPanel } from "./pull-tokens-panel";
import { SandboxPanel } from "./sandbox-panel";
import { useDebounced } from "../ui/use-debounced";


/** The clusters list query (the server page prefetches page 1 unfiltered with the same key). */
export const clusterListQuery = (p: { search?: string; health?: string; syncMode?: string; page?: number }) =>
  queries.rest<ClusterListPage>("overview/clusters", { ...p, pageSize: CLUSTERS_PAGE_SIZE });

/** Clusters: server-side search (?q=, shared with the header search), health and mode filters, pages of 20, live over SSE. */
export function ClustersView() {
  useLiveInvalidation(["clusters.cluster.karmada.io"]);
  // The search lives in the URL (?q=), shared with the header search; the box types ahead of it.
  const { search: urlSearch, setSearch: setUrlSearch } = useConsoleSearch();
  const [search, setSearch] = useState(urlSearch);
  const [health, setHealth] = useState("");
  const [syncMode, setSyncMode] = useState("");
  const [page, setPage] = useState(1);
  const debounced = useDebounced(search);
  useEffect(() => setSearch(urlSearch), [urlSearch]);
  useEffect(() => {
    if (debounced !== urlSearch) setUrlSearch(debounced);
    // Only the settled text writes the URL; the URL writing back is handled above.
  }, [debounced]);
  const q = useQuery({ ...clusterListQuery({ search: urlSearch || undefined, health: health || undefined, syncMode: syncMode || undefined, page }), placeholderData: keepPreviousData });
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter clusters">
        <div className="w-64">
          <Input type="search" aria-label="Search clusters" placeholder="Search name, region, label…" value={search} onChange={(e) => reset(setSearch)(e.target.value)} />
        </div>
        <div className="w-40">
          <Select aria-label="Health" value={health} onChange={(e) => reset(setHealth)(e.target.value)}>
            <option value="">All health</option>
            <option value="Ready">Ready</option>
            <option value="NotReady">NotReady</option>
            <option value="Unknown">Unknown</option>
          </Select>
        </div>
        <div className="w-36">
          <Select aria-label="Sync mode" value={syncMode} onChange={(e) => reset(setSyncMode)(e.target.value)}>
            <option value="">All modes</option>
            <option value="Push">Push</option>
            <option value="Pull">Pull</option>
          </Select>
        </div>
        {q.data && (
          <p className="text-sm text-slate-500" aria-live="polite">
            {q.data.byHealth.Ready} Ready · {q.data.byHealth.NotReady} NotReady · {q.data.byHealth.Unknown} Unknown
          </p>
        )}
      </div>
      {q.isPending ? (
        <LoadingState label="Loading clusters…" />
      ) : q.isError ? (
        <ErrorState error={q.error} title="Clusters could not be loaded" onRetry={() => q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <EmptyState title={search || health || syncMode ? "No cluster matches the filters" : "No clusters registered"}>
          <Link href="/clusters/register" className="text-indigo-700 underline dark:text-indigo-300">
            Register a cluster
          </Link>
        </EmptyState>
      ) : (
        <>
          <ClusterTable rows={q.data.items} />
          {q.data.total > q.data.pageSize && (
            <Pagination
              page={q.data.page}
              pageSize={q.data.pageSize}
              total={q.data.total}
              hasPrevious={q.data.page > 1}
              hasNext={q.data.page * q.data.pageSize < q.data.total}
              onPrevious={() => setPage(q.data.page - 1)}
              onNext={() => setPage(q.data.page + 1)}
            />
          )}
        </>
      )}
      <SandboxPanel />
      <Card title="Pull tokens">
        <PullTokensPanel />
      </Card>
    </div>
  );
}
