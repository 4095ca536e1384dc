import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HydrationBoundary } from "@tanstack/react-query";
import { PageHeader } from "../../../../components/shell/page-header";
import { WorkflowView } from "../../../../components/workflow/workflow-view";
import { workflowPath } from "../../../../components/workflow/workflow-path";
import { prefetch } from "../../../../lib/console/prefetch";
import { consoleDeps } from "../../../../lib/console/resources/services";
import { getWorkflow } from "../../../../lib/console/workflow/get-workflow";
import { restKey } from "../../../../lib/kube/queries";

export const metadata: Metadata = { title: "Workflow" };

/** /workflow/{namespace}/{kind}/{name}, or /workflow/{kind}/{name} for a cluster-scoped resource. */
export default async function ResourceWorkflowPage({ params }: { params: Promise<{ path: string[] }> }) {
  const path = (await params).path.map(decodeURIComponent);
  if (path.length !== 2 && path.length !== 3) notFound();
  const [namespace, kind, name] = path.length === 3 ? path : [undefined, path[0], path[1]];
  const state = await prefetch([{ key: restKey(workflowPath({ namespace, kind, name })), load: (cp) => getWorkflow(consoleDeps(cp), { namespace, kind, name }) }]);
  return (
    <>
      <PageHeader title={`Workflow of ${name}`} description={`${kind}${namespace ? ` in ${namespace}` : ""}: template → policy → binding → Works → member objects.`} />
      <HydrationBoundary state={state}>
        <WorkflowView namespace={namespace} kind={kind} name={name} />
      </HydrationBoundary>
    </>
  );
}
