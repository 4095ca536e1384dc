import type { Metadata } from "next";
import Link from "next/link";
import { HydrationBoundary } from "@tanstack/react-query";
import { PageHeader } from "../../../components/shell/page-header";
import { CLUSTERS_PAGE_SIZE, ClustersView } from "../../../components/clusters/clusters-view";
import { Toaster } from "../../../components/ui/toaster";
import { listClusterRows } from "../../../lib/console/cluster-list";
import { prefetch } from "../../../lib/console/prefetch";
import { consoleStorage } from "../../../lib/console/services";
import { restKey } from "../../../lib/kube/queries";

export const metadata: Metadata = { title: "Clusters" };

export default async function ClustersPage() {
  const first = { page: 1, pageSize: CLUSTERS_PAGE_SIZE };
  const state = await prefetch([{ key: restKey("overview/clusters", first), load: (cp) => listClusterRows(consoleStorage(cp), first) }]);
  return (
    <>
      <PageHeader
        title="Clusters"
        description="Member clusters registered with Flotilla."
        actions={
          <Link href="/clusters/register" className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500">
            Register cluster
          </Link>
        }
      />
      <HydrationBoundary state={state}>
        <ClustersView />
      </HydrationBoundary>
      <Toaster />
    </>
  );
}
