"use client";

import { useQuery } from "@tanstack/react-query";
import { clusterCapacity, clusterHealth, isSandbox } from "../../lib/console/cluster-health";
import type { Cluster, Work } from "../../lib/kube/karmada";
import { EXECUTION_NAMESPACE_PREFIX } from "../../lib/kube/karmada";
import { queries } from "../../lib/kube/queries";
import { useLiveInvalidation } from "../live/use-live-invalidation";
import { CapacityBar } from "../overview/capacity-bars";
import { ConditionList } from "../resource/condition-list";
import { ObjectEvents } from "../resource/event-list";
import { ObjectMetaCard } from "../resource/object-meta-card";
import { ResourceTable } from "../resource/resource-table";
import { StatusBadge } from "../resource/status-badge";
import { usePagedKubeList } from "../resource/use-paged-list";
import { Badge } from "../ui/badge";
import { Card } from "../ui/card";
import { ErrorState, LoadingState } from "../ui/states";
import { HealthHistoryChart } from "./health-history-chart";
import { PullTokensPanel } from "./pull-tokens-panel";
import { TaintsEditor } from "./taints-editor";

export const CLUSTER_RESOURCE = { group: "cluster.karmada.io", version: "v1alpha1", plural: "clusters", namespaced: false } as const;
const WORK_RESOURCE = { group: "work.karmada.io", version: "v1alpha1", plural: "works", namespaced: true } as const;

/** A cluster's detail: status and reason, conditions, health history, nodes, capacity, taints, propagated Works, events. */
export function ClusterDetailView({ name }: { name: string }) {
  useLiveInvalidation(["clusters.cluster.karmada.io", "works.work.karmada.io", "events"]);
  const q = useQuery(queries.detail<Cluster>(CLUSTER_RESOURCE, undefined, name));
  if (q.isPending) return <LoadingState label="Loading cluster…" />;
  if (q.isError) return <ErrorState error={q.error} title={`Cluster ${name} could not be loaded`} onRetry={() => q.refetch()} />;
  const c = q.data;
  const h = clusterHealth(c);
  const cap = clusterCapacity(c);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3" aria-label="Cluster status">
        <StatusBadge text={h.health} />
        {isSandbox(c) && <Badge>sandbox</Badge>}
        <span className="text-sm text-slate-600 dark:text-slate-300">
          {h.reason}
          {h.message ? `: ${h.message}` : ""}
        </span>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Summary">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-slate-500">Kubernetes version</dt>
            <dd>{c.status?.kubernetesVersion ?? "—"}</dd>
            <dt className="text-slate-500">Sync mode</dt>
            <dd>{c.spec.syncMode}</dd>
            <dt className="text-slate-500">API endpoint</dt>
            <dd className="font-mono text-xs">{c.spec.apiEndpoint ?? "—"}</dd>
            <dt className="text-slate-500">Location</dt>
            <dd>{[c.spec.provider, c.spec.region, (c.spec.zones ?? (c.spec.zone ? [c.spec.zone] : [])).join(", ")].filter(Boolean).join(" · ") || "—"}</dd>
            <dt className="text-slate-500">Nodes</dt>
            <dd aria-label="Nodes ready">
              {c.status?.nodeSummary?.readyNum ?? 0} of {c.status?.nodeSummary?.totalNum ?? 0} ready
            </dd>
          </dl>
          <div className="mt-4 space-y-1">
            <CapacityBar kind="cpu" pair={cap.cpu} />
            <CapacityBar kind="memory" pair={cap.memory} />
            <CapacityBar kind="pods" pair={cap.pods} />
          </div>
        </Card>
        <Card title="Health history">
          <HealthHistoryChart cluster={name} />
        </Card>
      </div>
      <Card title="Conditions">
        <ConditionList conditions={c.status?.conditions} label={`Conditions of ${name}`} />
      </Card>
      {c.spec.syncMode === "Pull" && (
        <Card title="Pull tokens">
          <PullTokensPanel cluster={name} />
        </Card>
      )}
      <Card title="Taints">
        <TaintsEditor cluster={name} taints={c.spec.taints ?? []} />
      </Card>
      <Card title="Propagated resources">
        <ClusterWorks name={name} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <ObjectMetaCard metadata={c.metadata} />
        <Card title="Events">
          <ObjectEvents kind="Cluster" name={name} />
        </Card>
      </div>
    </div>
  );
}

/** The Works in the cluster's execution namespace: what Flotilla propagated to it, with Applied status. */
function ClusterWorks({ name }: { name: string }) {
  const { query, pagination } = usePagedKubeList<Work>(WORK_RESOURCE, `${EXECUTION_NAMESPACE_PREFIX}${name}`, {}, 20);
  return (
    <ResourceTable
      label="Works"
      items={query.data?.items}
      isLoading={query.isPending}
      error={query.error}
      onRetry={() => query.refetch()}
      emptyTitle="Nothing is propagated to this cluster"
      columns={[
        "name",
        {
          id: "manifests",
          header: "Resources",
          cell: (w) =>
            (w.spec.workload?.manifests ?? [])
              .map((m) => `${m.kind} ${m.metadata.namespace ? `${m.metadata.namespace}/` : ""}${m.metadata.name}`)
              .join(", "),
        },
        "conditions",
        "age",
      ]}
      pagination={pagination}
    />
  );
}
