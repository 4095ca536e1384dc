import type { Metadata } from "next";
import Link from "next/link";
import { HydrationBoundary } from "@tanstack/react-query";
import { PageHeader } from "../../../components/shell/page-header";
import { ResourcesView } from "../../../components/resources/resources-view";
import { templatePageParams, type TemplateFilters } from "../../../components/resources/template-query";
import { Toaster } from "../../../components/ui/toaster";
import { prefetch } from "../../../lib/console/prefetch";
import { listTemplates } from "../../../lib/console/resources/list-templates";
import { consoleDeps } from "../../../lib/console/resources/services";
import { restKey } from "../../../lib/kube/queries";

export const metadata: Metadata = { title: "Resources" };

export default async function ResourcesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  // The header's namespace filter and search (?ns=, ?q=) drive this page; its own fields refine them.
  const filters: TemplateFilters = { kind: sp.kind || "deployments.apps", namespace: sp.ns ?? sp.namespace ?? "", search: sp.q ?? sp.search ?? "" };
  const params = templatePageParams(filters);
  const state = await prefetch([
    { key: restKey("resources", params), load: (cp) => listTemplates(consoleDeps(cp), { ...filters, limit: Number(params.limit) }) },
  ]);
  return (
    <>
      <PageHeader
        title="Resources"
        description="Resource templates and where they run."
        actions={
          <Link href={`/resources/new?kind=${encodeURIComponent(filters.kind)}`} className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500">
            Create resource
          </Link>
        }
      />
      <HydrationBoundary state={state}>
        <ResourcesView key={`${filters.namespace}|${filters.search}`} initial={filters} />
      </HydrationBoundary>
      <Toaster />
    </>
  );
}
