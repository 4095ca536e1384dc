import { withApi } from "@/lib/api/with-api";
import { clusterHealthHistory, getCluster } from "@/lib/clusters/cluster-api";
import { clusterServicesOf } from "@/lib/clusters/services";

// GET /api/v1/clusters/{name}/health – stored health history (from, to: RFC 3339; default the last hour)
export const GET = withApi<{ name: string }>(async ({ req, params, cp }) => {
  const services = clusterServicesOf(cp.services);
  await getCluster(services.client, params.name);
  const q = new URL(req.url).searchParams;
  return clusterHealthHistory(services.prisma, params.name, { from: q.get("from"), to: q.get("to") });
});
