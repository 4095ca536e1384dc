import type { KubeObject, JsonObject } from "../kube/types";
import type { AggregatedStatusItem } from "../kube/karmada";
import { asArray, asObj, gvk, num, str, type Obj } from "./object-access";
import { aggregateCronJob, aggregateJob, aggregatePersistentVolume, aggregatePersistentVolumeClaim, aggregatePod, aggregatePodDisruptionBudget } from "./aggregate-status-more";

/**
 * Karmada's default status aggregation (native/aggregatestatus.go): the template's new
 * `.status` computed from the binding's aggregatedStatus items, or undefined when the kind has
 * no aggregation rule (the template's status is then never written). Returns the template's
 * current status unchanged when nothing moved, so callers can compare and skip the write.
 *
 * The generation rule (Deployment, ReplicaSet, StatefulSet, DaemonSet): observedGeneration
 * becomes the template's generation only when every item has a status whose member
 * observedGeneration >= member generation and resourceTemplateGeneration >= template
 * generation; items without status are skipped in the sums but still block that bump.
 */
export function aggregateStatus(template: KubeObject, items: readonly AggregatedStatusItem[]): JsonObject | undefined {
  const fn = AGGREGATORS[gvk(template)];
  if (!fn) return undefined;
  return fn(template, items, asObj(template.status));
}

/** Whether the kind has a built-in aggregation rule. */
export function hasAggregateStatus(obj: Pick<KubeObject, "apiVersion" | "kind">): boolean {
  return gvk(obj) in AGGREGATORS;
}

type Aggregator = (t: KubeObject, items: readonly AggregatedStatusItem[], old: Obj) => JsonObject;

const statuses = (items: readonly AggregatedStatusItem[]) => items.filter((i) => i.status).map((i) => i.status as Obj);

/** Sums `fields`, applies the generation rule, keeps every other field of the old status. */
function summing(fields: string[], generationRule: boolean): Aggregator {
  return (t, items, old) => {
    const out: Obj = { ...old };
    for (const f of fields) out[f] = 0;
    let observedLatest = 0;
    for (const s of statuses(items)) {
      if (generationRule && num(s.observedGeneration) >= num(s.generation) && num(s.resourceTemplateGeneration) >= num(t.metadata.generation)) observedLatest++;
      for (const f of fields) out[f] = num(out[f]) + num(s[f]);
    }
    if (generationRule) out.observedGeneration = observedLatest === items.length ? num(t.metadata.generation) : num(old.observedGeneration);
    return dropZeros(out, fields.concat(generationRule ? ["observedGeneration"] : []), old) as JsonObject;
  };
}

/** Go's typed round trip drops zero-valued omitempty counters; keep a field only if non-zero or already present. */
function dropZeros(out: Obj, fields: string[], old: Obj): Obj {
  for (const f of fields) if (out[f] === 0 && !(f in old)) delete out[f];
  return out;
}

function lbIngress(_t: KubeObject, items: readonly AggregatedStatusItem[], old: Obj): JsonObject {
  const all = statuses(items).flatMap((s) => asArray(asObj(s.loadBalancer).ingress)) as Obj[];
  const seen = new Set<string>();
  const unique = all.filter((i) => {
    const key = JSON.stringify(i);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  unique.sort((a, b) => cmp(str(a.ip), str(b.ip)) || cmp(str(a.hostname), str(b.hostname)));
  return { ...old, loadBalancer: unique.length ? { ingress: unique } : {} } as JsonObject;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function serviceStatus(t: KubeObject, items: readonly AggregatedStatusItem[], old: Obj): JsonObject {
  if (asObj(t.spec).type !== "LoadBalancer") return old as JsonObject;
  return lbIngress(t, items, old);
}

const AGGREGATORS: Record<string, Aggregator> = {
  "apps/v1/Deployment": summing(["replicas", "readyReplicas", "updatedReplicas", "availableReplicas", "unavailableReplicas"], true),
  "apps/v1/ReplicaSet": summing(["replicas", "readyReplicas", "availableReplicas"], true),
  "apps/v1/StatefulSet": summing(["availableReplicas", "currentReplicas", "readyReplicas", "replicas", "updatedReplicas"], true),
  "apps/v1/DaemonSet": summing(
    ["currentNumberScheduled", "desiredNumberScheduled", "numberAvailable", "numberMisscheduled", "numberReady", "updatedNumberScheduled", "numberUnavailable"],
    true,
  ),
  "v1/Service": serviceStatus,
  "networking.k8s.io/v1/Ingress": lbIngress,
  "autoscaling/v2/HorizontalPodAutoscaler": summing(["currentReplicas", "desiredReplicas"], false),
  "batch/v1/Job": aggregateJob,
  "batch/v1/CronJob": aggregateCronJob,
  "v1/Pod": aggregatePod,
  "v1/PersistentVolume": aggregatePersistentVolume,
  "v1/PersistentVolumeClaim": aggregatePersistentVolumeClaim,
  "policy/v1/PodDisruptionBudget": aggregatePodDisruptionBudget,
};
