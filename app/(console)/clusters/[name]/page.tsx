import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HydrationBoundary } from "@tanstack/react-query";
import { PageHeader } from "../../../../components/shell/page-header";
import { CLUSTER_RESOURCE, ClusterDetailView } from "../../../../components/clusters/cluster-detail-view";
import { prefetch } from "../../../../lib/console/prefetch";
import type { ObjectClient } from "../../../../lib/kube/client";
import { CLUSTER_API_VERSION } from "../../../../lib/kube/karmada";
import { kubeKeys } from "../../../../lib/kube/queries";
import { getControlPlane } from "../../../../lib/server/handle";

type Params = { name: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: `Cluster ${decodeURIComponent((await params).name)}` };
}

export default async function ClusterPage({ params }: { params: Promise<Params> }) {
  const name = decodeURIComponent((await params).name);
  const client = getControlPlane()?.services.client as ObjectClient | undefined;
  const cluster = client ? await client.get(CLUSTER_API_VERSION, "Cluster", undefined, name) : undefined;
  if (client && !cluster) notFound();
  const state = await prefetch([{ key: kubeKeys.detail(CLUSTER_RESOURCE, undefined, name), load: async () => cluster }]);
  return (
    <>
      <PageHeader
        title={name}
        description="Member cluster"
        actions={
          <Link href="/clusters" className="text-sm text-indigo-700 underline dark:text-indigo-300">
            All clusters
          </Link>
        }
      />
      <HydrationBoundary state={state}>
        <ClusterDetailView name={name} />
      </HydrationBoundary>
    </>
  );
}
