// GET /api/v1/overview/clusters?search=&health=&syncMode=&page=&pageSize= – one page of cluster rows for the clusters list
import { withApi } from "../../../../../lib/api/with-api";
import { listClusterRows } from "../../../../../lib/console/cluster-list";
import { parseClusterListQuery } from "../../../../../lib/console/cluster-list-query";
import { consoleStorage } from "../../../../../lib/console/services";

export const dynamic = "force-dynamic";

export const GET = withApi(async ({ req, cp }) => listClusterRows(consoleStorage(cp), parseClusterListQuery(new URL(req.url).searchParams)));
