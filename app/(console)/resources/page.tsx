import type { Metadata } from "next";
import { PageHeader, EmptyState } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Resources" };

export default function ResourcesPage() {
  return (
    <>
      <PageHeader title="Resources" description="Resource templates and where they run." />
      <EmptyState title="Nothing to show yet" />
    </>
  );
}
