import type { Metadata } from "next";
import { PageHeader, EmptyState } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Policies" };

export default function PoliciesPage() {
  return (
    <>
      <PageHeader title="Policies" description="Propagation and override policies." />
      <EmptyState title="Nothing to show yet" />
    </>
  );
}
