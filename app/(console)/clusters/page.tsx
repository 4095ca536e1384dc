import type { Metadata } from "next";
import { PageHeader, EmptyState } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Clusters" };

export default function ClustersPage() {
  return (
    <>
      <PageHeader title="Clusters" description="Member clusters registered with Flotilla." />
      <EmptyState title="Nothing to show yet" />
    </>
  );
}
