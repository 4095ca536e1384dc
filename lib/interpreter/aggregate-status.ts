import type { KubeObject, JsonObject } from "../kube/types";
import type { AggregatedStatusItem } from "../kube/karmada";
import { asArray, asObj, gvk, num, str, type Obj } from "./object-access";
import { aggregateCronJob, aggregateJob, aggregatePersistentVolume, aggregatePersistentVolumeClaim, aggregatePod, aggregatePodDisruptionBudget, typedEqual } from "./aggregate-status-more";

/**
 * Karmada's default status aggregation (native/aggregatestatus.go): the template's new
 * `.status` computed from the binding's aggregatedStatus items, or undefined when the kind has
 * no aggregation rule (the template's status is then never written). Returns the template's
 * current status unchanged when nothing moved, so callers can compare and skip the write.
 *
 * Workloads (Deployment, ReplicaSet, StatefulSet, DaemonSet) write their summed counters into the
 * old status (other fields kept); every other kind replaces the whole status, as Karmada assigns
 * a freshly built typed status. Zero counters Go's `omitempty` drops are dropped here too.
 *
 * The generation rule: observedGeneration becomes the template's generation only when every
 * item has a status whose member observedGeneration >= member generation and
 * resourceTemplateGeneration >= template generation (StatefulSet: >= the member's own
 * generation, as Karmada's aggregateStatefulSetStatus compares); items without status are
 * skipped in the sums but still block that bump.
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

/** A counter of a typed workload status: its JSON name and whether Go omits it when zero. */
type Counter = [name: string, omitempty: boolean];

/**
 * Sums the counters into the old status and applies the generation rule. `templateGeneration`
 * chooses what resourceTemplateGeneration is compared with (Karmada's StatefulSet quirk).
 */
function summing(counters: Counter[], templateGeneration: "template" | "member" = "template"): Aggregator {
  return (t, items, old) => {
    const sums: Obj = {};
    for (const [f] of counters) sums[f] = 0;
    let observedLatest = 0;
    for (const s of statuses(items)) {
      const against = templateGeneration === "template" ? num(t.metadata.generation) : num(s.generation);
      if (num(s.observedGeneration) >= num(s.generation) && num(s.resourceTemplateGeneration) >= against) observedLatest++;
      for (const [f] of counters) sums[f] = num(sums[f]) + num(s[f]);
    }
    sums.observedGeneration = observedLatest === items.length ? num(t.metadata.generation) : num(old.observedGeneration);
    const all: Counter[] = [...counters, ["observedGeneration", true]];
    if (all.every(([f]) => num(old[f]) === sums[f])) return old as JsonObject;
    const out: Obj = { ...old };
    for (const [f, omitempty] of all) {
      if (omitempty && sums[f] === 0) delete out[f];
      else out[f] = sums[f];
    }
    return out as JsonObject;
  };
}

/** A load balancer ingress entry as Go's typed struct keeps it (ip, hostname, ipMode for Services, ports). */
export function typedIngress(i: Obj, withIPMode: boolean): Obj {
  const out: Obj = {};
  if (str(i.ip)) out.ip = i.ip;
  if (str(i.hostname)) out.hostname = i.hostname;
  if (withIPMode && str(i.ipMode)) out.ipMode = i.ipMode;
  const ports = asArray(i.ports).map(asObj).map(typedPort);
  if (ports.length) out.ports = ports;
  return out;
}

function typedPort(p: Obj): Obj {
  const out: Obj = { port: num(p.port), protocol: str(p.protocol) };
  if (typeof p.error === "string") out.error = p.error;
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function comparePorts(a: Obj, b: Obj): number {
  if (num(a.port) !== num(b.port)) return num(a.port) - num(b.port);
  if (str(a.protocol) !== str(b.protocol)) return cmp(str(a.protocol), str(b.protocol));
  if (a.error === undefined) return b.error === undefined ? 0 : -1;
  if (b.error === undefined) return 1;
  return cmp(str(a.error), str(b.error));
}

/**
 * helper.DedupeAndSort{Service,Ingress}LoadBalancerIngress: entries with the same hostname, IP
 * (and, for Services, ipMode) merge into one whose ports are the union, sorted by port, protocol
 * and error; entries sort with a hostname before those without, then by hostname, IP and ipMode
 * (an entry without ipMode last).
 */
export function dedupeAndSortIngress(all: readonly Obj[], withIPMode: boolean): Obj[] {
  const byKey = new Map<string, { entry: Obj; ports: Map<string, Obj> }>();
  for (const raw of all) {
    const entry = typedIngress(raw, withIPMode);
    const key = JSON.stringify([str(entry.hostname), str(entry.ip), withIPMode ? (entry.ipMode ?? null) : null]);
    let slot = byKey.get(key);
    if (!slot) byKey.set(key, (slot = { entry: { ...entry }, ports: new Map() }));
    for (const p of asArray(entry.ports).map(asObj)) slot.ports.set(JSON.stringify([p.port, p.protocol, p.error ?? null]), p);
  }
  const out: Obj[] = [];
  for (const { entry, ports } of byKey.values()) {
    delete entry.ports;
    const list = [...ports.values()].sort(comparePorts);
    if (list.length) entry.ports = list;
    out.push(entry);
  }
  return out.sort((a, b) => {
    const ha = str(a.hostname), hb = str(b.hostname);
    if (ha !== hb) {
      if (!hb) return -1;
      if (!ha) return 1;
      return cmp(ha, hb);
    }
    if (str(a.ip) !== str(b.ip)) return cmp(str(a.ip), str(b.ip));
    if (a.ipMode === undefined && b.ipMode === undefined) return 0;
    if (b.ipMode === undefined) return -1;
    if (a.ipMode === undefined) return 1;
    return cmp(str(a.ipMode), str(b.ipMode));
  });
}

/** Service (LoadBalancer) and Ingress: the status becomes `{loadBalancer: {ingress}}` of every member's entries. */
function lbIngress(withIPMode: boolean): Aggregator {
  return (_t, items, old) => {
    const all = statuses(items).flatMap((s) => asArray(asObj(s.loadBalancer).ingress).map(asObj));
    const ingress = dedupeAndSortIngress(all, withIPMode);
    const next: Obj = { loadBalancer: ingress.length ? { ingress } : {} };
    return (typedEqual(old, next) ? old : next) as JsonObject;
  };
}

function serviceStatus(t: KubeObject, items: readonly AggregatedStatusItem[], old: Obj): JsonObject {
  if (asObj(t.spec).type !== "LoadBalancer") return old as JsonObject;
  return lbIngress(true)(t, items, old);
}

/** HPA: the status becomes the summed currentReplicas (omitted when 0) and desiredReplicas. */
function hpaStatus(_t: KubeObject, items: readonly AggregatedStatusItem[], old: Obj): JsonObject {
  let current = 0, desired = 0;
  for (const s of statuses(items)) {
    current += num(s.currentReplicas);
    desired += num(s.desiredReplicas);
  }
  const next: Obj = { ...(current ? { currentReplicas: current } : {}), desiredReplicas: desired };
  return (typedEqual(old, next) ? old : next) as JsonObject;
}

const AGGREGATORS: Record<string, Aggregator> = {
  "apps/v1/Deployment": summing([
    ["replicas", true],
    ["readyReplicas", true],
    ["updatedReplicas", true],
    ["availableReplicas", true],
    ["unavailableReplicas", true],
  ]),
  "apps/v1/ReplicaSet": summing([
    ["replicas", false],
    ["readyReplicas", true],
    ["availableReplicas", true],
  ]),
  "apps/v1/StatefulSet": summing(
    [
      ["availableReplicas", false],
      ["currentReplicas", true],
      ["readyReplicas", true],
      ["replicas", false],
      ["updatedReplicas", true],
    ],
    "member",
  ),
  "apps/v1/DaemonSet": summing([
    ["currentNumberScheduled", false],
    ["desiredNumberScheduled", false],
    ["numberAvailable", true],
    ["numberMisscheduled", false],
    ["numberReady", false],
    ["updatedNumberScheduled", true],
    ["numberUnavailable", true],
  ]),
  "v1/Service": serviceStatus,
  "networking.k8s.io/v1/Ingress": lbIngress(false),
  "autoscaling/v2/HorizontalPodAutoscaler": hpaStatus,
  "batch/v1/Job": aggregateJob,
  "batch/v1/CronJob": aggregateCronJob,
  "v1/Pod": aggregatePod,
  "v1/PersistentVolume": aggregatePersistentVolume,
  "v1/PersistentVolumeClaim": aggregatePersistentVolumeClaim,
  "policy/v1/PodDisruptionBudget": aggregatePodDisruptionBudget,
};
