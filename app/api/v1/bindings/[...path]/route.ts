import { withApi } from "@/lib/api/with-api";
import { errors } from "@/lib/kube/errors";
import { explanationStoreOf, handleExplanation } from "@/lib/placement/explanation";
import { controlPlaneClient } from "@/lib/placement/route-helpers";

// GET /api/v1/bindings/{namespace}/{name}/explanation – last scheduling of a ResourceBinding
// GET /api/v1/bindings/{name}/explanation – last scheduling of a ClusterResourceBinding
export const GET = withApi<{ path: string[] }>(async ({ params, cp }) => {
  const path = params.path ?? [];
  if (path[path.length - 1] !== "explanation" || (path.length !== 2 && path.length !== 3)) throw errors.notFoundMessage("the server could not find the requested resource");
  const client = controlPlaneClient(cp);
  const store = explanationStoreOf(cp.services);
  if (path.length === 3) return handleExplanation("ResourceBinding", path[0], path[1], client, store);
  return handleExplanation("ClusterResourceBinding", undefined, path[0], client, store);
});
