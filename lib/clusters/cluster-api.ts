import type { PrismaClient } from "@prisma/client";
import type { ObjectClient } from "../kube/client";
import { causes, errors } from "../kube/errors";
import { CLUSTER_API_VERSION, type Cluster, type Taint } from "../kube/karmada";
import type { StatusCause } from "../kube/types";
import { queryMetricSamples } from "../store/app/metric-samples";
import { summarizeCluster, type ClusterSummary } from "./cluster-summary";

/**
 * The REST operations on clusters besides registration (GET list, GET one, PATCH, DELETE,
 * health history). Thin over the in-process client, so the kube API's validation, conflicts
 * and finalizers apply unchanged.
 */
const REF = (name: string) => ({ apiVersion: CLUSTER_API_VERSION, kind: "Cluster", name });

export async function listClusterSummaries(client: ObjectClient, q: { limit?: number; continue?: string; labelSelector?: string }): Promise<{ items: ClusterSummary[]; continue?: string }> {
  const list = await client.list<Cluster>(CLUSTER_API_VERSION, "Cluster", { limit: q.limit, continue: q.continue, labelSelector: q.labelSelector });
  const out: { items: ClusterSummary[]; continue?: string } = { items: list.items.map(summarizeCluster) };
  if (list.metadata.continue) out.continue = list.metadata.continue;
  return out;
}

export async function getCluster(client: ObjectClient, name: string): Promise<{ summary: ClusterSummary; cluster: Cluster }> {
  const cluster = await client.get<Cluster>(CLUSTER_API_VERSION, "Cluster", undefined, name);
  if (!cluster) throw errors.notFound("clusters", name, "cluster.karmada.io");
  return { summary: summarizeCluster(cluster), cluster };
}

/** PATCH body: labels to set (null removes one) and/or the full taint list. */
export interface ClusterPatch {
  labels?: Record<string, string | null>;
  taints?: Taint[];
}

export async function patchCluster(client: ObjectClient, name: string, body: unknown): Promise<ClusterSummary> {
  const patch = validatePatch(name, body);
  const merge: Record<string, unknown> = {};
  if (patch.labels) merge.metadata = { labels: patch.labels };
  if (patch.taints) merge.spec = { taints: patch.taints.length ? patch.taints : null };
  const updated = await client.patch<Cluster>(REF(name), "application/merge-patch+json", merge);
  return summarizeCluster(updated);
}

/** Starts the unregister: the cluster controller drains, then removes the credentials. */
export async function deleteCluster(client: ObjectClient, name: string): Promise<ClusterSummary | { name: string; deleted: true }> {
  const left = await client.delete(REF(name));
  // Normally the finalizer keeps it (Terminating) until the drain is over.
  return left ? summarizeCluster(left as Cluster) : { name, deleted: true };
}

/** A health sample as the console's chart reads it. */
export interface HealthPoint {
  time: string;
  ready: boolean;
  cpuAllocatable: number;
  cpuAllocated: number;
  memoryAllocatable: number;
  memoryAllocated: number;
  podsAllocatable: number;
  podsAllocated: number;
}

/** Stored health history of one cluster between `from` and `to` (default: the last hour). */
export async function clusterHealthHistory(prisma: PrismaClient | undefined, name: string, q: { from?: string | null; to?: string | null }, now = new Date()): Promise<{ cluster: string; from: string; to: string; samples: HealthPoint[] }> {
  const to = parseTime(q.to, "to") ?? now;
  const from = parseTime(q.from, "from") ?? new Date(to.getTime() - 3600_000);
  const rows = prisma ? await queryMetricSamples(prisma, { cluster: name, from, to }) : [];
  const samples = rows.map((r) => ({
    time: r.time.toISOString(),
    ready: r.ready,
    cpuAllocatable: r.cpuAllocatable,
    cpuAllocated: r.cpuAllocated,
    memoryAllocatable: r.memoryAllocatable,
    memoryAllocated: r.memoryAllocated,
    podsAllocatable: r.podsAllocatable,
    podsAllocated: r.podsAllocated,
  }));
  return { cluster: name, from: from.toISOString(), to: to.toISOString(), samples };
}

function parseTime(v: string | null | undefined, field: string): Date | undefined {
  if (!v) return undefined;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw errors.badRequest(`${field} must be an RFC 3339 time`, [causes.invalid(field, v, "must be an RFC 3339 time")]);
  return d;
}

function validatePatch(name: string, body: unknown): ClusterPatch {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw errors.badRequest("the request body must be a JSON object");
  const b = body as Record<string, unknown>;
  const out: StatusCause[] = [];
  for (const k of Object.keys(b)) if (k !== "labels" && k !== "taints") out.push(causes.forbidden(k, "only labels and taints can be changed here"));
  if (b.labels !== undefined && (!b.labels || typeof b.labels !== "object" || Array.isArray(b.labels) || !Object.values(b.labels).every((v) => v === null || typeof v === "string"))) {
    out.push(causes.typeInvalid("labels", b.labels, "must be a map of strings (null removes a label)"));
  }
  if (b.taints !== undefined && !Array.isArray(b.taints)) out.push(causes.typeInvalid("taints", b.taints, "must be a list of taints"));
  if (out.length) throw errors.invalid("Cluster", name, out, "cluster.karmada.io");
  return b as ClusterPatch;
}
