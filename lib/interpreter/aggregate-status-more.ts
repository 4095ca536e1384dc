import type { JsonObject, KubeObject } from "../kube/types";
import type { AggregatedStatusItem } from "../kube/karmada";
import { asArray, asObj, num, str, type Obj } from "./object-access";

/**
 * The aggregation rules of Karmada's aggregatestatus.go for Job, CronJob, Pod,
 * PersistentVolume, PersistentVolumeClaim and PodDisruptionBudget (karmada-api.md §7.7).
 * Each takes the template, the binding's items and the template's current status and returns
 * the new status. `now` stamps new Job conditions.
 */
export type MoreAggregator = (t: KubeObject, items: readonly AggregatedStatusItem[], old: Obj, now?: Date) => JsonObject;

const withStatus = (items: readonly AggregatedStatusItem[]) => items.filter((i) => i.status);

function conditionTrue(status: Obj, type: string): boolean {
  return asArray(status.conditions).some((c) => asObj(c).type === type && asObj(c).status === "True");
}

/** Job: sums; Failed if any member failed, Complete once all completed; frozen once the template finished. */
export const aggregateJob: MoreAggregator = (_t, items, old, now = new Date()) => {
  if (conditionTrue(old, "Complete") || conditionTrue(old, "Failed")) return old as JsonObject;
  const out: Obj = { ...old };
  let active = 0, succeeded = 0, failed = 0, completed = 0;
  const failedClusters: string[] = [];
  let start = "", completion = "";
  for (const item of withStatus(items)) {
    const s = asObj(item.status);
    active += num(s.active);
    succeeded += num(s.succeeded);
    failed += num(s.failed);
    if (conditionTrue(s, "Failed")) failedClusters.push(item.clusterName);
    if (conditionTrue(s, "Complete")) completed++;
    if (str(s.startTime) && (!start || str(s.startTime) < start)) start = str(s.startTime);
    if (str(s.completionTime) && str(s.completionTime) > completion) completion = str(s.completionTime);
  }
  Object.assign(out, { active, succeeded, failed });
  if (start) out.startTime = start;
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  if (failedClusters.length) {
    out.conditions = [{ type: "Failed", status: "True", lastProbeTime: stamp, lastTransitionTime: stamp, reason: "JobFailed", message: `Job executed failed in member cluster(s): ${failedClusters.join(", ")}` }];
  } else if (items.length > 0 && completed === items.length) {
    out.conditions = [{ type: "Complete", status: "True", lastProbeTime: stamp, lastTransitionTime: stamp, reason: "Completed", message: "Job completed" }];
    if (completion) out.completionTime = completion;
  }
  return out as JsonObject;
};

/** CronJob: active references concatenated; the latest lastScheduleTime and lastSuccessfulTime. */
export const aggregateCronJob: MoreAggregator = (_t, items, old) => {
  const out: Obj = { ...old };
  const active = withStatus(items).flatMap((i) => asArray(asObj(i.status).active));
  let schedule = "", success = "";
  for (const i of withStatus(items)) {
    const s = asObj(i.status);
    if (str(s.lastScheduleTime) > schedule) schedule = str(s.lastScheduleTime);
    if (str(s.lastSuccessfulTime) > success) success = str(s.lastSuccessfulTime);
  }
  if (active.length) out.active = active;
  else delete out.active;
  if (schedule) out.lastScheduleTime = schedule;
  if (success) out.lastSuccessfulTime = success;
  return out as JsonObject;
};

/** Pod: container statuses concatenated; phase Failed > Pending > Running > Succeeded. */
export const aggregatePod: MoreAggregator = (_t, items, old) => {
  const out: Obj = { ...old };
  const statuses = withStatus(items).map((i) => asObj(i.status));
  if (!statuses.length) return old as JsonObject;
  const phases = statuses.map((s) => str(s.phase));
  out.phase = ["Failed", "Pending", "Running"].find((p) => phases.includes(p)) ?? "Succeeded";
  for (const key of ["containerStatuses", "initContainerStatuses"]) {
    const all = statuses.flatMap((s) => asArray(s[key]));
    if (all.length) out[key] = all;
  }
  return out as JsonObject;
};

const PV_ORDER = ["Failed", "Pending", "Available", "Bound", "Released"];

/** PersistentVolume: the phase of highest precedence; an item without status counts as Pending. */
export const aggregatePersistentVolume: MoreAggregator = (_t, items, old) => {
  if (!items.length) return old as JsonObject;
  const phases = items.map((i) => (i.status ? str(asObj(i.status).phase) : "Pending"));
  const phase = PV_ORDER.find((p) => phases.includes(p));
  return (phase ? { ...old, phase } : old) as JsonObject;
};

/** PersistentVolumeClaim: Bound, unless a member is Lost (Lost wins) or in another non-Bound phase. */
export const aggregatePersistentVolumeClaim: MoreAggregator = (_t, items, old) => {
  const statuses = withStatus(items).map((i) => asObj(i.status));
  if (!statuses.length) return old as JsonObject;
  let phase = "Bound";
  for (const s of statuses) {
    const p = str(s.phase);
    if (p === "Lost") {
      phase = "Lost";
      break;
    }
    if (p && p !== "Bound") phase = p;
  }
  return { ...old, phase } as JsonObject;
};

/** PodDisruptionBudget: counters summed, disruptedPods keyed `<cluster>/<pod>`. */
export const aggregatePodDisruptionBudget: MoreAggregator = (_t, items, old) => {
  const out: Obj = { ...old, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0, disruptionsAllowed: 0 };
  const disrupted: Obj = {};
  for (const i of withStatus(items)) {
    const s = asObj(i.status);
    for (const f of ["currentHealthy", "desiredHealthy", "expectedPods", "disruptionsAllowed"]) out[f] = num(out[f]) + num(s[f]);
    for (const [pod, at] of Object.entries(asObj(s.disruptedPods))) disrupted[`${i.clusterName}/${pod}`] = at;
  }
  if (Object.keys(disrupted).length) out.disruptedPods = disrupted;
  else delete out.disruptedPods;
  return out as JsonObject;
};
