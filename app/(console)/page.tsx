import type { Metadata } from "next";
import { HydrationBoundary } from "@tanstack/react-query";
import { PageHeader } from "../../components/shell/page-header";
import { OverviewView } from "../../components/overview/overview-view";
import { prefetch } from "../../lib/console/prefetch";
import { overviewService } from "../../lib/console/services";
import { restKey } from "../../lib/kube/queries";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const state = await prefetch([{ key: restKey("overview"), load: (cp) => overviewService(cp).get() }]);
  return (
    <>
      <PageHeader title="Overview" description="Clusters by health, propagation health and capacity across every member cluster." />
      <HydrationBoundary state={state}>
        <OverviewView />
      </HydrationBoundary>
    </>
  );
}
