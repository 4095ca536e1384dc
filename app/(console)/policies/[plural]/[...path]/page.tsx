import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HydrationBoundary } from "@tanstack/react-query";
import { PageHeader } from "../../../../../components/shell/page-header";
import { PolicyDetailView } from "../../../../../components/policies/policy-detail-view";
import { policyKindByPlural, policyResource } from "../../../../../components/policies/policy-kinds";
import { Toaster } from "../../../../../components/ui/toaster";
import { prefetch } from "../../../../../lib/console/prefetch";
import { consoleDeps } from "../../../../../lib/console/resources/services";
import { errors } from "../../../../../lib/kube/errors";
import { kubeKeys } from "../../../../../lib/kube/queries";

export const metadata: Metadata = { title: "Policy" };

/** /policies/{plural}/{namespace}/{name}, or /policies/{plural}/{name} for the cluster-scoped kinds. */
export default async function PolicyPage({ params }: { params: Promise<{ plural: string; path: string[] }> }) {
  const { plural, path } = await params;
  const info = policyKindByPlural(plural);
  const parts = path.map(decodeURIComponent);
  if (!info || parts.length !== (info.namespaced ? 2 : 1)) notFound();
  const [namespace, name] = info.namespaced ? parts : [undefined, parts[0]];
  const state = await prefetch([
    {
      key: kubeKeys.detail(policyResource(info), namespace, name),
      load: async (cp) => {
        const obj = await consoleDeps(cp).client.get("policy.karmada.io/v1alpha1", info.kind, namespace, name);
        // Not prefetched when missing: the client view fetches and shows the server's 404 Status.
        if (!obj) throw errors.notFound(info.plural, name, "policy.karmada.io");
        return obj;
      },
    },
  ]);
  return (
    <>
      <PageHeader title={name} description={`${info.kind}${namespace ? ` in ${namespace}` : ""}`} />
      <HydrationBoundary state={state}>
        <PolicyDetailView info={info} namespace={namespace} name={name} />
      </HydrationBoundary>
      <Toaster />
    </>
  );
}
