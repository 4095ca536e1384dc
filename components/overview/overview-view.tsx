"use client";

import { useQuery } from "@tanstack/react-query";
import type { OverviewSummary } from "../../lib/console/overview-types";
import { queries } from "../../lib/kube/queries";
import { useLiveInvalidation } from "../live/use-live-invalidation";
import { EventList, type KubeEvent } from "../resource/event-list";
import { Card } from "../ui/card";
import { ErrorState, LoadingState } from "../ui/states";
import { CapacityChart } from "./capacity-chart";
import { ClusterHealthCard } from "./cluster-health-card";
import { CountsCard } from "./counts-card";
import { PropagationCard } from "./propagation-card";

/** The overview query; the server page prefetches it with the same key. */
export const overviewQuery = () => queries.rest<OverviewSummary>("overview");

/** The overview page's client view: one aggregated query, kept live over SSE. */
export function OverviewView() {
  useLiveInvalidation(["*"]);
  const q = useQuery(overviewQuery());
  if (q.isPending) return <LoadingState label="Loading overview…" />;
  if (q.isError) return <ErrorState error={q.error} title="The overview could not be loaded" onRetry={() => q.refetch()} />;
  const o = q.data;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ClusterHealthCard clusters={o.clusters} />
      <PropagationCard propagation={o.propagation} />
      <div className="lg:col-span-2">
        <CountsCard counts={o.counts} />
      </div>
      <Card title="Recent warnings">
        <EventList events={o.warnings.map(toEvent)} label="Recent warning events" />
      </Card>
      <Card title="Capacity per cluster">
        <CapacityChart capacity={o.capacity} total={o.clusters.total} />
      </Card>
    </div>
  );
}

function toEvent(w: OverviewSummary["warnings"][number]): KubeEvent {
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { uid: w.uid, namespace: w.namespace, name: w.uid ?? "" },
    type: "Warning",
    reason: w.reason,
    message: w.message,
    count: w.count,
    lastTimestamp: w.time,
    involvedObject: w.involvedObject,
  };
}
