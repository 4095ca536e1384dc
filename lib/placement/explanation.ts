import type { ObjectClient } from "../kube/client";
import { errors } from "../kube/errors";
import type { Cluster, ResourceBinding } from "../kube/karmada";
import { CLUSTER_API_VERSION, WORK_V1ALPHA2 } from "../kube/karmada";
import { ExplanationStore, type SchedulingRecord } from "../controllers/scheduler/explanation-store";
import { runSchedule } from "../controllers/scheduler/plan";
import { toRfc3339 } from "../controllers/runtime/conditions";

/** What the explanation endpoint answers: the record, and whether it was recorded or recomputed. */
export type ExplanationAnswer = SchedulingRecord & { source: "recorded" | "recomputed" };

/**
 * `GET /api/v1/bindings/{namespace}/{name}/explanation` (ResourceBinding) and
 * `GET /api/v1/bindings/{name}/explanation` (ClusterResourceBinding): the full explanation of
 * the binding's last scheduling as the scheduler controller recorded it. When this replica has
 * no record (it restarted, or another replica leads the controllers) the scheduler is re-run on
 * the binding and the cached clusters as a dry run, and the answer says `source: recomputed`.
 */
export async function handleExplanation(
  kind: "ResourceBinding" | "ClusterResourceBinding",
  namespace: string | undefined,
  name: string,
  client: ObjectClient,
  store: ExplanationStore | undefined,
): Promise<ExplanationAnswer> {
  const binding = await client.get<ResourceBinding>(WORK_V1ALPHA2, kind, namespace, name);
  if (!binding) throw errors.notFound(kind === "ResourceBinding" ? "resourcebindings" : "clusterresourcebindings", name, "work.karmada.io");
  const recorded = store?.get(kind, namespace, name);
  if (recorded) return { ...recorded, source: "recorded" };
  if (!binding.spec?.placement) throw errors.notFoundMessage(`${kind} "${name}" has no placement and was never scheduled`);
  const clusters = (await client.list<Cluster>(CLUSTER_API_VERSION, "Cluster")).items;
  const result = runSchedule(binding, clusters);
  return {
    kind,
    namespace,
    name,
    generation: binding.metadata.generation ?? 0,
    scheduledAt: toRfc3339(new Date()),
    trigger: "recomputed on request",
    clusters: result.clusters,
    error: result.error,
    summary: result.summary,
    explanation: result.explanation,
    source: "recomputed",
  };
}

/** The store the scheduler controller writes, if the control plane published one. */
export function explanationStoreOf(services: Record<string, unknown>): ExplanationStore | undefined {
  // Duck-typed, not instanceof: Next bundles this route separately from the control plane's copy.
  const s = services.schedulingExplanations as ExplanationStore | undefined;
  return s && typeof s.get === "function" && typeof s.put === "function" ? s : undefined;
}
