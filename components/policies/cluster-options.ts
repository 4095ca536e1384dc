"use client";

import { useQuery } from "@tanstack/react-query";
import { queries } from "../../lib/kube/queries";
import type { Cluster } from "../../lib/kube/karmada";

/** The Cluster resource, for query keys and /k8s paths. */
export const CLUSTERS_RESOURCE = { group: "cluster.karmada.io", version: "v1alpha1", plural: "clusters", namespaced: false } as const;

/** Names of the registered clusters, for pickers (the cluster list is small: one page of up to 500). */
export function useClusterNames(): { names: string[]; clusters: Cluster[]; isPending: boolean } {
  const q = useQuery(queries.list<Cluster>(CLUSTERS_RESOURCE, undefined, { limit: 500 }));
  const clusters = q.data?.items ?? [];
  return { names: clusters.map((c) => c.metadata.name ?? "").sort(), clusters, isPending: q.isPending };
}
