"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import Link from "next/link";
import { queries } from "../../lib/kube/queries";
import type { WorkflowView as WorkflowData } from "../../lib/console/workflow/get-workflow";
import { Card } from "../ui/card";
import { ErrorState, LoadingState } from "../ui/states";
import { FailureBanner } from "./failure-banner";
import { NodeDetails } from "./node-details";
import { PropagationTimeline } from "./propagation-timeline";
import { WorkflowGraph } from "./workflow-graph";
import { useRestLive, WORKFLOW_TOPICS } from "./use-workflow-live";
import { workflowPath } from "./workflow-path";

/**
 * The workflow page body: the graph with the first failing step called out, the selected
 * step's details, and the propagation timeline beside it. Live over SSE; while any step is
 * still moving it also polls every 2 s, as a fallback for missed stream messages.
 */
export function WorkflowView({ namespace, kind, name }: { namespace?: string; kind: string; name: string }) {
  const path = workflowPath({ namespace, kind, name });
  const options = queries.rest<WorkflowData>(path);
  useRestLive(options.queryKey, [...WORKFLOW_TOPICS, kind.includes(".") ? kind : kind.toLowerCase()]);
  const q = useQuery({
    ...options,
    refetchInterval: (query) => (query.state.data?.topology.nodes.some((n) => n.state.phase === "Progressing") ? 2_000 : 10_000),
  });
  const [selected, setSelected] = useState<string>();
  const onSelect = useCallback((id: string) => setSelected(id), []);
  if (q.isPending) return <LoadingState label="Loading workflow…" />;
  if (q.isError) return <ErrorState error={q.error} title="The workflow could not be loaded" onRetry={() => q.refetch()} />;
  const { topology, objects, timeline } = q.data;
  const selectedId = selected ?? topology.firstFailure?.nodeId;
  const node = topology.nodes.find((n) => n.id === selectedId);
  return (
    <div className="space-y-4">
      <FailureBanner topology={topology} onSelect={onSelect} />
      <div className="grid gap-4 2xl:grid-cols-[1fr_22rem]">
        <div className="space-y-4">
          <WorkflowGraph topology={topology} selectedId={selectedId} onSelect={onSelect} />
          {node ? (
            <NodeDetails node={node} object={objects[node.id]} events={timeline.filter((e) => e.nodeId === node.id)} />
          ) : (
            <p className="text-sm text-slate-500">Select a step to see its conditions, events and YAML.</p>
          )}
        </div>
        <Card title="Timeline">
          <PropagationTimeline entries={timeline} onSelect={onSelect} />
        </Card>
      </div>
      <p className="text-sm">
        <Link className="text-indigo-700 underline dark:text-indigo-300" href={`/resources/${[namespace ?? "_", kind, name].map(encodeURIComponent).join("/")}`}>
          Open the resource
        </Link>
      </p>
    </div>
  );
}
