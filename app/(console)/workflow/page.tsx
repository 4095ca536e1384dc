import type { Metadata } from "next";
import { PageHeader, EmptyState } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Workflow" };

export default function WorkflowPage() {
  return (
    <>
      <PageHeader title="Workflow" description="Template → policy → binding → Works → member objects, for any resource." />
      <EmptyState title="Nothing to show yet" />
    </>
  );
}
