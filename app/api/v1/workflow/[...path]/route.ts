import { withApi } from "@/lib/api/with-api";
import { errors } from "@/lib/kube/errors";
import { getWorkflow } from "@/lib/console/workflow/get-workflow";
import { consoleDeps } from "@/lib/console/resources/services";

// GET /api/v1/workflow/{namespace}/{kind}/{name} (or /{kind}/{name} when cluster-scoped) – the propagation graph of one resource
export const GET = withApi<{ path: string[] }>(async ({ params, cp }) => {
  const path = params.path.map(decodeURIComponent);
  if (path.length === 3) return getWorkflow(consoleDeps(cp), { namespace: path[0], kind: path[1], name: path[2] });
  if (path.length === 2) return getWorkflow(consoleDeps(cp), { kind: path[0], name: path[1] });
  throw errors.notFound("workflow", path.join("/"));
});
