import type { Metadata } from "next";
import Link from "next/link";
import { HydrationBoundary } from "@tanstack/react-query";
import { PageHeader } from "../../../components/shell/page-header";
import { ClustersView } from "../../../components/clusters/clusters-view";
import { CLUSTERS_PAGE_SIZE, listClusterRows } from "../../../lib/console/cluster-list";
import { prefetch } from "../../../lib/console/prefetch";
import { consoleStorage } from "../../../lib/console/services";
import { restKey } from "../../../lib/kube/queries";

export const metadata: Metadata = { title: "Clusters" };

export default async function ClustersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Prefetch exactly what the view asks for first: page 1 with the URL's search (?q=).
  const q = (await searchParams).q;
  const search = typeof q === "string" && q ? q : undefined;
  const first = { search, page: 1, pageSize: CLUSTERS_PAGE_SIZE };
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
    </>
  );
}
