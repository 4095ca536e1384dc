import { json, readJson, withApi } from "@/lib/api/with-api";
import { errors } from "@/lib/kube/errors";
import { listClusterSummaries } from "@/lib/clusters/cluster-api";
import { registerCluster } from "@/lib/clusters/register-cluster";
import { clusterServicesOf } from "@/lib/clusters/services";

// GET /api/v1/clusters – summary list for the console, paginated (limit, continue, labelSelector)
export const GET = withApi(async ({ req, cp }) => {
  const q = new URL(req.url).searchParams;
  const limit = q.get("limit") ? Number(q.get("limit")) : undefined;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) throw errors.badRequest("limit must be a non-negative integer");
  return listClusterSummaries(clusterServicesOf(cp.services).client, { limit, continue: q.get("continue") ?? undefined, labelSelector: q.get("labelSelector") ?? undefined });
});

// POST /api/v1/clusters – register a Push member (kubeconfig, or apiEndpoint + token + caData); checks connectivity first
export const POST = withApi(async ({ req, cp }) => json(await registerCluster(clusterServicesOf(cp.services), await readJson(req)), 201));
