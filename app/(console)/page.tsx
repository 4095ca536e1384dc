import type { Metadata } from "next";
import { PageHeader, EmptyState } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Overview" };

export default function OverviewPage() {
  return (
    <>
      <PageHeader title="Overview" description="Clusters by health, propagation health and capacity across every member cluster." />
      <EmptyState title="Nothing to show yet" />
    </>
  );
}
