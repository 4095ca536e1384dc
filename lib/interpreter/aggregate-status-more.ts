import type { JsonObject, KubeObject } from "../kube/types";
import type { AggregatedStatusItem } from "../kube/karmada";
import { asArray, asObj, num, str, type Obj } from "./object-access";
import { cloneJson } from "../store/json-clone";

/**
 * The aggregation rules of Karmada's aggregatestatus.go (and helper.ParsingJobStatus) for Job,
 * CronJob, Pod, PersistentVolume, PersistentVolumeClaim and PodDisruptionBudget. Each takes the
 * template, the binding's items and the template's current status and returns the new status;
 * except CronJob's, each builds a fresh typed status, so fields it does not compute are dropped.
 * When the new status equals the old one as Go's typed comparison sees it (zero values and
 * absent fields alike), the old status is returned unchanged. `now` stamps new Job conditions.
 */
export type MoreAggregator = (t: KubeObject, items: readonly AggregatedStatusItem[], old: Obj, now?: Date) => JsonObject;

/** Removes zero values (0, "", false, null, empty lists and maps) recursively: what a Go typed round trip cannot tell apart. */
function stripZero(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripZero);
  if (v && typeof v === "object") {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) {
      const s = stripZero(x);
      if (s === 0 || s === "" || s === false || s === null || s === undefined) continue;
      if (Array.isArray(s) && s.length === 0) continue;
      if (typeof s === "object" && !Array.isArray(s) && Object.keys(s as Obj).length === 0) continue;
      out[k] = s;
    }
    return out;
  }
  return v;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (!a || !b || typeof a !== "object" || typeof b !== "object") return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Obj)[k], (b as Obj)[k]));
}

/** Whether two statuses are equal as typed Go structs (reflect.DeepEqual after conversion). */
export function typedEqual(a: Obj, b: Obj): boolean {
  return deepEqual(stripZero(a), stripZero(b));
}

const withStatus = (items: readonly AggregatedStatusItem[]) => items.filter((i) => i.status);
const keep = (old: Obj, next: Obj): JsonObject => (typedEqual(old, next) ? old : next) as JsonObject;

function conditionTrue(status: Obj, type: string): boolean {
  return asArray(status.conditions).some((c) => asObj(c).type === type && asObj(c).status === "True");
}

/** helper.GetJobFinishedStatus: the first Complete or Failed condition that is True. */
function jobFinished(status: Obj): string | undefined {
  for (const c of asArray(status.conditions).map(asObj)) if ((c.type === "Complete" || c.type === "Failed") && c.status === "True") return str(c.type);
  return undefined;
}

const time = (s: string) => Date.parse(s);

/**
 * Job (helper.ParsingJobStatus): counters summed; Failed naming the members whose Job failed;
 * Complete once every item's Job completed (plus SuccessCriteriaMet when every item reports it);
 * startTime kept from the template or, once every item started, the earliest; completionTime the
 * latest once every item completed. A finished template is never changed.
 */
export const aggregateJob: MoreAggregator = (_t, items, old, now = new Date()) => {
  if (jobFinished(old)) return old as JsonObject;
  let active = 0, succeeded = 0, failed = 0, successful = 0, criteriaMet = 0, started = 0, completed = 0;
  const failedClusters: string[] = [];
  let start = "", completion = "";
  for (const item of withStatus(items)) {
    const s = asObj(item.status);
    active += num(s.active);
    succeeded += num(s.succeeded);
    failed += num(s.failed);
    const finished = jobFinished(s);
    if (finished === "Complete") successful++;
    else if (finished === "Failed") failedClusters.push(item.clusterName);
    if (conditionTrue(s, "SuccessCriteriaMet")) criteriaMet++;
    if (str(s.startTime)) {
      started++;
      if (!start || time(str(s.startTime)) < time(start)) start = str(s.startTime);
    }
    if (str(s.completionTime)) {
      completed++;
      if (!completion || time(completion) < time(str(s.completionTime))) completion = str(s.completionTime);
    }
  }
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const condition = (type: string, reason: string, message: string) => ({ type, status: "True", lastProbeTime: stamp, lastTransitionTime: stamp, reason, message });
  const conditions: Obj[] = [];
  if (failedClusters.length) conditions.push(condition("Failed", "JobFailed", `Job executed failed in member clusters ${failedClusters.join(",")}`));
  if (successful > 0 && successful === items.length) {
    conditions.push(condition("Complete", "Completed", "Job completed"));
    if (criteriaMet === items.length) conditions.push(condition("SuccessCriteriaMet", "CompletionsReached", "All member clusters have met success criteria"));
  }
  const next: Obj = {};
  if (conditions.length) next.conditions = conditions;
  if (str(old.startTime)) next.startTime = old.startTime;
  else if (started > 0 && started === items.length) next.startTime = start;
  if (completion && completed === items.length) next.completionTime = completion;
  if (active) next.active = active;
  if (succeeded) next.succeeded = succeeded;
  if (failed) next.failed = failed;
  return keep(old, next);
};

/** CronJob: active references concatenated; the latest lastScheduleTime and lastSuccessfulTime (dropped when no member has one). */
export const aggregateCronJob: MoreAggregator = (_t, items, old) => {
  const out: Obj = { ...old };
  const active = withStatus(items).flatMap((i) => asArray(asObj(i.status).active));
  let schedule = "", success = "";
  for (const i of withStatus(items)) {
    const s = asObj(i.status);
    if (str(s.lastScheduleTime) && (!schedule || time(schedule) < time(str(s.lastScheduleTime)))) schedule = str(s.lastScheduleTime);
    if (str(s.lastSuccessfulTime) && (!success || time(success) < time(str(s.lastSuccessfulTime)))) success = str(s.lastSuccessfulTime);
  }
  if (active.length) out.active = active;
  else delete out.active;
  if (schedule) out.lastScheduleTime = schedule;
  else delete out.lastScheduleTime;
  if (success) out.lastSuccessfulTime = success;
  else delete out.lastSuccessfulTime;
  return keep(old, out);
};

/** What Karmada keeps of a member's container status: ready and state, in a typed ContainerStatus. */
function reducedContainerStatus(c: Obj): Obj {
  return { name: "", state: cloneJson(asObj(c.state)), lastState: {}, ready: c.ready === true, restartCount: 0, image: "", imageID: "" };
}

/**
 * Pod: phase Failed > Pending > Running > Succeeded, an item without status counting as Pending;
 * container and init container statuses concatenated, reduced to ready and state. No items at
 * all: the template is left alone.
 */
export const aggregatePod: MoreAggregator = (_t, items, old) => {
  if (!items.length) return old as JsonObject;
  const phases = new Set<string>();
  const containerStatuses: Obj[] = [];
  const initContainerStatuses: Obj[] = [];
  for (const item of items) {
    if (!item.status) {
      phases.add("Pending");
      continue;
    }
    const s = asObj(item.status);
    phases.add(str(s.phase));
    for (const c of asArray(s.containerStatuses)) containerStatuses.push(reducedContainerStatus(asObj(c)));
    for (const c of asArray(s.initContainerStatuses)) initContainerStatuses.push(reducedContainerStatus(asObj(c)));
  }
  const phase = ["Failed", "Pending", "Running", "Succeeded"].find((p) => phases.has(p));
  const next: Obj = {};
  if (phase) next.phase = phase;
  if (initContainerStatuses.length) next.initContainerStatuses = initContainerStatuses;
  if (containerStatuses.length) next.containerStatuses = containerStatuses;
  return keep(old, next);
};

const PV_ORDER = ["Failed", "Pending", "Available", "Bound", "Released"];

/** PersistentVolume: the phase of highest precedence; an item without status counts as Pending. */
export const aggregatePersistentVolume: MoreAggregator = (_t, items, old) => {
  const phases = new Set(items.map((i) => (i.status ? str(asObj(i.status).phase) : "Pending")));
  const phase = PV_ORDER.find((p) => phases.has(p));
  return keep(old, phase ? { phase } : {});
};

/** PersistentVolumeClaim: Bound, unless a member is Lost (Lost wins) or in another non-Bound phase (the last one seen). */
export const aggregatePersistentVolumeClaim: MoreAggregator = (_t, items, old) => {
  let phase = "Bound";
  for (const i of withStatus(items)) {
    const p = str(asObj(i.status).phase);
    if (p === "Lost") {
      phase = "Lost";
      break;
    }
    if (p !== "Bound") phase = p;
  }
  return keep(old, phase ? { phase } : {});
};

/** PodDisruptionBudget: counters summed, disruptedPods keyed `<cluster>/<pod>`. */
export const aggregatePodDisruptionBudget: MoreAggregator = (_t, items, old) => {
  const next: Obj = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
  const disrupted: Obj = {};
  for (const i of withStatus(items)) {
    const s = asObj(i.status);
    for (const f of ["currentHealthy", "desiredHealthy", "expectedPods", "disruptionsAllowed"]) next[f] = num(next[f]) + num(s[f]);
    for (const [pod, at] of Object.entries(asObj(s.disruptedPods))) disrupted[`${i.clusterName}/${pod}`] = at;
  }
  if (Object.keys(disrupted).length) next.disruptedPods = disrupted;
  return keep(old, next);
};
