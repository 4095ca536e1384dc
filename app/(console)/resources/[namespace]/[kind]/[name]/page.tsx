import type { Metadata } from "next";
import { HydrationBoundary } from "@tanstack/react-query";
import { PageHeader } from "../../../../../../components/shell/page-header";
import { ResourceDetailView } from "../../../../../../components/resources/resource-detail-view";
import { namespaceFromSegment } from "../../../../../../components/resources/resource-href";
import { workflowPath } from "../../../../../../components/workflow/workflow-path";
import { Toaster } from "../../../../../../components/ui/toaster";
import { prefetch } from "../../../../../../lib/console/prefetch";
import { consoleDeps } from "../../../../../../lib/console/resources/services";
import { getWorkflow } from "../../../../../../lib/console/workflow/get-workflow";
import { restKey } from "../../../../../../lib/kube/queries";

export const metadata: Metadata = { title: "Resource" };

/** /resources/{namespace|_}/{kind}/{name}: one template with its status in every cluster. */
export default async function ResourcePage({ params }: { params: Promise<{ namespace: string; kind: string; name: string }> }) {
  const p = await params;
  const namespace = namespaceFromSegment(decodeURIComponent(p.namespace));
  const kind = decodeURIComponent(p.kind);
  const name = decodeURIComponent(p.name);
  const state = await prefetch([{ key: restKey(workflowPath({ namespace, kind, name })), load: (cp) => getWorkflow(consoleDeps(cp), { namespace, kind, name }) }]);
  return (
    <>
      <PageHeader title={name} description={`${kind}${namespace ? ` in ${namespace}` : ""}`} />
      <HydrationBoundary state={state}>
        <ResourceDetailView namespace={namespace} kind={kind} name={name} />
      </HydrationBoundary>
      <Toaster />
    </>
  );
}
