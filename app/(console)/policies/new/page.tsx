import type { Metadata } from "next";
import { PageHeader } from "../../../../components/shell/page-header";
import { NewPolicyView } from "../../../../components/policies/new-policy-view";
import { Toaster } from "../../../../components/ui/toaster";

export const metadata: Metadata = { title: "Create policy" };

export default async function NewPolicyPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { kind = "PropagationPolicy", namespace = "default" } = await searchParams;
  return (
    <>
      <PageHeader title={`Create ${kind}`} description="Fill in the form or edit the YAML; the preview shows the effect before anything is applied." />
      <NewPolicyView kind={kind} namespace={namespace} />
      <Toaster />
    </>
  );
}
