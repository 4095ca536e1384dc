import { withApi } from "@/lib/api/with-api";
import { listTemplates } from "@/lib/console/resources/list-templates";
import { consoleDeps } from "@/lib/console/resources/services";

// GET /api/v1/resources?kind=&namespace=&search=&page=&limit= – one page of resource templates with their propagation per cluster
export const GET = withApi(async ({ req, cp }) => {
  const q = new URL(req.url).searchParams;
  const limit = q.get("limit");
  return listTemplates(consoleDeps(cp), {
    kind: q.get("kind") ?? undefined,
    namespace: q.get("namespace") ?? undefined,
    search: q.get("search") ?? undefined,
    page: q.get("page") ?? undefined,
    limit: limit ? Number(limit) || undefined : undefined,
  });
});
