"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { queries } from "../../lib/kube/queries";
import type { Condition } from "../../lib/kube/types";
import type { ResourceBinding, Work } from "../../lib/kube/karmada";
import type { WorkflowView } from "../../lib/console/workflow/get-workflow";
import { descriptorFor } from "../../lib/console/resources/manifest-diagnostics";
import { consoleDescriptors } from "../editor/manifest-validator";
import { ConditionList } from "../resource/condition-list";
import { ObjectMetaCard } from "../resource/object-meta-card";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Dialog } from "../ui/dialog";
import { ErrorState, LoadingState } from "../ui/states";
import { Tabs } from "../ui/tabs";
import { toast } from "../ui/toast-store";
import { PropagationTimeline } from "../workflow/propagation-timeline";
import { useRestLive, WORKFLOW_TOPICS } from "../workflow/use-workflow-live";
import { workflowHref, workflowPath } from "../workflow/workflow-path";
import { ClusterStatusTable } from "./cluster-status-table";
import { editableYaml } from "./editable-manifest";
import { ManifestEditorForm } from "./manifest-editor-form";
import { useDeleteObject } from "./use-apply-manifest";

/**
 * A template's page: per-cluster status (binding aggregatedStatus and Works), its conditions,
 * propagation events, and editing as YAML. It reads the workflow endpoint, which already joins
 * template, binding, Works and events in one request.
 */
export function ResourceDetailView({ namespace, kind, name }: { namespace?: string; kind: string; name: string }) {
  const router = useRouter();
  const options = queries.rest<WorkflowView>(workflowPath({ namespace, kind, name }));
  useRestLive(options.queryKey, WORKFLOW_TOPICS);
  const q = useQuery({ ...options, refetchInterval: (query) => (query.state.data?.topology.nodes.some((n) => n.state.phase === "Progressing") ? 2_000 : 15_000) });
  const [tab, setTab] = useState("status");
  const [confirm, setConfirm] = useState(false);
  const del = useDeleteObject();
  if (q.isPending) return <LoadingState label="Loading resource…" />;
  if (q.isError) return <ErrorState error={q.error} title="The resource could not be loaded" onRetry={() => q.refetch()} />;
  const { topology, objects, timeline } = q.data;
  const templateNode = topology.nodes.find((n) => n.type === "ResourceTemplate");
  const template = templateNode ? objects[templateNode.id] : undefined;
  if (!template) return <ErrorState error={new Error(`${kind} ${name} does not exist (it may have just been deleted)`)} title="Not found" />;
  const binding = Object.values(objects).find((o) => o.kind === "ResourceBinding" || o.kind === "ClusterResourceBinding") as ResourceBinding | undefined;
  const works = Object.values(objects).filter((o) => o.kind === "Work") as Work[];
  const descriptor = descriptorFor(consoleDescriptors(), template.apiVersion, template.kind);
  const conditions = (template.status as { conditions?: Condition[] } | undefined)?.conditions;
  function remove() {
    if (!descriptor) return;
    del.mutate(
      { descriptor, namespace, name },
      {
        onSuccess: () => {
          toast({ title: `${template!.kind} ${name} deleted`, description: "Member clusters are cleaned up next.", tone: "success" });
          setConfirm(false);
          router.push(workflowHref({ namespace, kind, name }));
        },
      },
    );
  }
  return (
    <div className="space-y-4">
      <div className="flex gap-2">
        <Link className="text-sm text-indigo-700 underline dark:text-indigo-300" href={workflowHref({ namespace, kind, name })}>
          Show workflow
        </Link>
        <span className="flex-1" />
        <Button variant="danger" onClick={() => setConfirm(true)}>
          Delete
        </Button>
      </div>
      <Tabs
        label="Resource"
        value={tab}
        onChange={setTab}
        items={[
          {
            id: "status",
            label: "Status",
            content: (
              <div className="space-y-4">
                <Card title="Clusters">
                  <ClusterStatusTable binding={binding} works={works} />
                </Card>
                <Card title="Propagation">
                  <ConditionList conditions={binding?.status?.conditions} label="Conditions of the binding" />
                </Card>
                {/* Karmada aggregates replica counts, not conditions, into most templates. */}
                {!!conditions?.length && (
                  <Card title="Conditions">
                    <ConditionList conditions={conditions} />
                  </Card>
                )}
                <Card title="Works">
                  <ul aria-label="Works" className="space-y-1 text-sm">
                    {works.length === 0 && <li className="text-slate-500">No Works yet</li>}
                    {works.map((w) => (
                      <li key={`${w.metadata.namespace}/${w.metadata.name}`}>
                        {w.metadata.namespace}/{w.metadata.name}: {w.status?.conditions?.find((c) => c.type === "Applied")?.reason ?? "Pending"}
                      </li>
                    ))}
                  </ul>
                </Card>
                <ObjectMetaCard metadata={template.metadata} />
              </div>
            ),
          },
          { id: "events", label: "Events", content: <PropagationTimeline entries={timeline} /> },
          { id: "yaml", label: "Edit YAML", content: <ManifestEditorForm initialText={editableYaml(template)} submitLabel="Apply changes" onApplied={() => setTab("status")} /> },
        ]}
      />
      <Dialog
        open={confirm}
        onClose={() => setConfirm(false)}
        title={`Delete ${template.kind} ${name}?`}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirm(false)}>
              Cancel
            </Button>
            <Button variant="danger" onClick={remove} disabled={del.isPending}>
              {del.isPending ? "Deleting…" : "Delete"}
            </Button>
          </>
        }
      >
        <p className="text-sm">It is removed from every member cluster it was propagated to.</p>
        {del.isError && <ErrorState error={del.error} title="The delete failed" />}
      </Dialog>
    </div>
  );
}
