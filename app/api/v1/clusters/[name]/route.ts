import { readJson, withApi } from "@/lib/api/with-api";
import { deleteCluster, getCluster, patchCluster } from "@/lib/clusters/cluster-api";
import { clusterServicesOf } from "@/lib/clusters/services";

type Params = { name: string };

// GET /api/v1/clusters/{name} – one cluster: console summary and the Cluster object (no credentials)
export const GET = withApi<Params>(async ({ params, cp }) => getCluster(clusterServicesOf(cp.services).client, params.name));

// PATCH /api/v1/clusters/{name} – change labels (null removes) and/or replace taints
export const PATCH = withApi<Params>(async ({ req, params, cp }) => patchCluster(clusterServicesOf(cp.services).client, params.name, await readJson(req)));

// DELETE /api/v1/clusters/{name} – unregister: the cluster drains (Works, execution namespace), then its credentials go
export const DELETE = withApi<Params>(async ({ params, cp }) => deleteCluster(clusterServicesOf(cp.services).client, params.name));
