import type { Metadata } from "next";
import { HydrationBoundary } from "@tanstack/react-query";
import { PageHeader } from "../../../components/shell/page-header";
import { PoliciesView } from "../../../components/policies/policies-view";
import { policyResource, POLICY_KINDS } from "../../../components/policies/policy-kinds";
import { Toaster } from "../../../components/ui/toaster";
import { prefetch } from "../../../lib/console/prefetch";
import { consoleDeps } from "../../../lib/console/resources/services";
import { kubeKeys } from "../../../lib/kube/queries";

export const metadata: Metadata = { title: "Policies" };

export default async function PoliciesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  const first = POLICY_KINDS[0];
  // The first tab's first page, with the key usePagedKubeList builds (limit 50, no continue).
  const state = await prefetch([
    { key: kubeKeys.list(policyResource(first), undefined, { limit: 50 }), load: (cp) => consoleDeps(cp).client.list("policy.karmada.io/v1alpha1", first.kind, { limit: 50 }) },
  ]);
  return (
    <>
      <PageHeader title="Policies" description="Propagation and override policies." />
      <HydrationBoundary state={state}>
        <PoliciesView key={sp.ns ?? ""} />
      </HydrationBoundary>
      <Toaster />
    </>
  );
}
