import type { Metadata } from "next";
import { PageHeader } from "../../../../components/shell/page-header";
import { CreateResourceView } from "../../../../components/resources/create-resource-view";
import { sampleManifest } from "../../../../components/resources/sample-manifests";
import { Toaster } from "../../../../components/ui/toaster";

export const metadata: Metadata = { title: "Create resource" };

export default async function NewResourcePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { kind } = await searchParams;
  return (
    <>
      <PageHeader title="Create resource" description="Write or upload a manifest; it is checked as you type with the server's own validation, then applied server-side." />
      <CreateResourceView initialText={sampleManifest(kind)} />
      <Toaster />
    </>
  );
}
