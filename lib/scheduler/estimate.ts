import type { Cluster, ReplicaRequirements, ResourceList, ResourceSummary } from "../kube/karmada";
import { parseQuantityExact } from "../kube/quantity";
import { MAX_INT32 } from "./framework";

/**
 * Karmada's general replica estimator (`pkg/estimator/client/general.go`): how many more replicas
 * with the given per-replica requests fit in a cluster, from `status.resourceSummary` alone.
 * Quantities are parsed once per cluster object and cached (the scheduler sees the same informer
 * objects for many bindings), which keeps estimation off the hot path.
 */

const NANO = 1_000_000_000n;
const MAX_INT64 = (1n << 63n) - 1n;

interface ParsedSummary {
  /** allocatable - allocated - allocating pods, 0 when not positive (int64 in Go). */
  allowedPods: bigint;
  /** allocatable - allocated - allocating per resource present in allocatable, in division units. */
  free: Map<string, FreeUnits>;
}

/** One resource's free amount, rounded up as Karmada does before dividing. */
interface FreeUnits {
  /** Go's Value() > 0: anything at all is free. */
  positive: boolean;
  /** Whole units rounded up (millicores for cpu): what requests divide. */
  units: bigint;
}

const summaryCache = new WeakMap<ResourceSummary, ParsedSummary>();

function nanos(list: ResourceList | undefined, key: string): bigint {
  const q = list?.[key];
  return q === undefined ? 0n : parseQuantityExact(q).nanos;
}

/** Go's Value(): whole units rounded up. */
function ceilUnits(n: bigint, unit: bigint): bigint {
  const q = n / unit;
  return n % unit !== 0n && n > 0n ? q + 1n : q;
}

function parseSummary(summary: ResourceSummary): ParsedSummary {
  const cached = summaryCache.get(summary);
  if (cached) return cached;
  const pods = (l: ResourceList | undefined) => ceilUnits(nanos(l, "pods"), NANO);
  const allowed = pods(summary.allocatable) - pods(summary.allocated) - pods(summary.allocating);
  const free = new Map<string, FreeUnits>();
  for (const key of Object.keys(summary.allocatable ?? {})) {
    const n = nanos(summary.allocatable, key) - nanos(summary.allocated, key) - nanos(summary.allocating, key);
    free.set(key, { positive: ceilUnits(n, NANO) > 0n, units: key === "cpu" ? ceilUnits(n, 1_000_000n) : ceilUnits(n, NANO) });
  }
  const parsed = { allowedPods: allowed > 0n ? allowed : 0n, free };
  summaryCache.set(summary, parsed);
  return parsed;
}

/** A request in the units Karmada divides by: millicores for cpu, whole units otherwise. */
function requestUnits(name: string, q: string): bigint {
  const n = parseQuantityExact(q).nanos;
  return name === "cpu" ? ceilUnits(n, 1_000_000n) : ceilUnits(n, NANO);
}

/** Positive requests in division units; cached per request object (shared by all clusters of a binding). */
const requestCache = new WeakMap<ResourceList, [string, bigint][]>();

function positiveRequests(request: ResourceList): [string, bigint][] {
  let parsed = requestCache.get(request);
  if (!parsed) {
    parsed = Object.entries(request)
      .filter(([, q]) => parseQuantityExact(q).nanos > 0n)
      .map(([name, q]): [string, bigint] => [name, requestUnits(name, q)]);
    requestCache.set(request, parsed);
  }
  return parsed;
}

/** `getMaximumReplicasBasedOnClusterSummary`: min over requested resources of free / request. */
function maxBySummary(parsed: ParsedSummary, request: ResourceList): bigint {
  let max = MAX_INT64;
  for (const [name, units] of positiveRequests(request)) {
    const free = parsed.free.get(name);
    if (free === undefined || !free.positive) return 0n;
    const n = free.units / units;
    if (n < max) max = n;
  }
  return max;
}

/** Resources the model simulation tracks (Karmada's util.Resource): cpu, memory, ephemeral-storage and scalar resources. */
function modelTracks(name: string): boolean {
  if (name === "cpu" || name === "memory" || name === "ephemeral-storage") return true;
  // Extended (domain-prefixed, not kubernetes.io), hugepages, kubernetes.io/-prefixed native, attachable volumes.
  return name.includes("/") || name.startsWith("hugepages-") || name.startsWith("attachable-volumes-");
}

/**
 * `getMaximumReplicasBasedOnResourceModels`: one virtual node per counted node of each grade,
 * with the grade's minimum values and 110 pods; first-fit of single-replica pods. As nodes are
 * independent this is the sum over nodes of how many replicas fit on each. Undefined when the
 * cluster has no resource models (Karmada then falls back to the summary).
 */
function maxByResourceModels(cluster: Cluster, request: ResourceList): number | undefined {
  const models = cluster.spec.resourceModels ?? [];
  if (models.length === 0) return undefined;
  const counts = new Map<number, number>();
  for (const m of cluster.status?.resourceSummary?.allocatableModelings ?? []) {
    if (m.count < 0) return undefined;
    counts.set(m.grade, (counts.get(m.grade) ?? 0) + m.count);
  }
  let total = 0;
  for (const model of models) {
    const count = counts.get(model.grade) ?? 0;
    if (count === 0) continue;
    const capacity = new Map<string, string>(model.ranges.map((r) => [r.name, r.min]));
    let perNode = 110;
    for (const [name, q] of Object.entries(request)) {
      if (!modelTracks(name)) continue;
      const need = requestUnits(name, q);
      if (need <= 0n) continue;
      const cap = capacity.get(name);
      const have = cap === undefined ? 0n : requestUnits(name, cap);
      perNode = Math.min(perNode, Number(have / need));
    }
    total += perNode * count;
  }
  return total;
}

/** Go's int32(n) of an int64: the low 32 bits, as a signed number. */
const toInt32 = (n: bigint): number => Number(BigInt.asIntN(32, n));

/**
 * The general estimator's answer for one cluster: 0 without a resource summary; otherwise the
 * pods still allowed, lowered by the resource models (when the cluster has allocatableModelings)
 * or else by the summary's free resources. Converted to int32 as Go's int32(maximumReplicas)
 * converts: beyond MaxInt32 it wraps around, as Karmada's does.
 */
export function generalEstimate(cluster: Cluster, requirements: ReplicaRequirements | undefined): number {
  const summary = cluster.status?.resourceSummary;
  if (!summary) return 0;
  const parsed = parseSummary(summary);
  let max = parsed.allowedPods;
  if (max <= 0n) return 0;
  if (!requirements) return toInt32(max);
  const request = requirements.resourceRequest ?? {};
  if ((summary.allocatableModelings ?? []).length > 0) {
    const byModels = maxByResourceModels(cluster, request);
    if (byModels !== undefined) return toInt32(BigInt(byModels) < max ? BigInt(byModels) : max);
  }
  const bySummary = maxBySummary(parsed, request);
  if (bySummary < max) max = bySummary;
  return toInt32(max);
}

/**
 * Karmada's `calAvailableReplicas` with only the general estimator: non-workloads (replicas 0)
 * get MaxInt32 everywhere; otherwise the estimate, where an answer of -1 (UnauthenticReplica) is
 * ignored (mergeReplicaResults) and a value still at MaxInt32 becomes `replicas`.
 */
export function estimateAvailableReplicas(cluster: Cluster, replicas: number, requirements: ReplicaRequirements | undefined): number {
  if (replicas === 0) return MAX_INT32;
  const estimate = generalEstimate(cluster, requirements);
  return estimate === MAX_INT32 || estimate === UNAUTHENTIC_REPLICA ? replicas : estimate;
}

/** Karmada's estimatorclient.UnauthenticReplica: an estimator's "no answer". */
const UNAUTHENTIC_REPLICA = -1;
