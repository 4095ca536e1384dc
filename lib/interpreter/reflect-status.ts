import type { KubeObject, JsonObject } from "../kube/types";
import { ANNOTATION_TEMPLATE_GENERATION } from "../kube/karmada";
import { asArray, asObj, at, gvk, num, type Obj } from "./object-access";
import { typedIngress } from "./aggregate-status";
import { cloneJson } from "../store/json-clone";

/**
 * Karmada's default status reflection (native/reflectstatus.go): what the work-status controller
 * copies from a member object into Work.status.manifestStatuses. Trimmed views for Deployment,
 * ReplicaSet, StatefulSet, DaemonSet (plus `generation` and `resourceTemplateGeneration`, the
 * latter from the member's resourcetemplate.karmada.io/generation annotation), Job, Service
 * (LoadBalancer only), PDB and HPA; the whole status for every other kind. Zero-valued fields
 * are omitted exactly where Go's `omitempty` omits them. Undefined means "no status".
 */
export function reflectStatus(obj: KubeObject): JsonObject | undefined {
  const status = obj.status;
  const fn = REFLECTORS[gvk(obj)];
  if (obj.kind === "Service" && obj.apiVersion === "v1") return reflectService(obj);
  if (status === undefined || status === null || typeof status !== "object") return undefined;
  if (!fn) return cloneJson(status) as JsonObject;
  return fn(asObj(status), obj);
}

/** Builds a Go struct: `[name, value, omitempty]` entries; zero/empty values dropped when omitempty. */
function pick(entries: [string, unknown, boolean][]): JsonObject {
  const out: JsonObject = {};
  for (const [k, v, omit] of entries) {
    if (v === undefined || v === null) {
      if (!omit && typeof v === "number") out[k] = 0;
      continue;
    }
    if (omit && (v === 0 || v === "" || (Array.isArray(v) && v.length === 0) || (typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0)))
      continue;
    out[k] = cloneJson(v) as JsonObject[string];
  }
  return out;
}

const n = (s: Obj, k: string) => num(s[k]);

function federated(obj: KubeObject): [string, unknown, boolean][] {
  const raw = obj.metadata.annotations?.[ANNOTATION_TEMPLATE_GENERATION] ?? "";
  // Karmada's Convert_string_To_int64 rejects "" and garbage, failing the whole reflection (the
  // work-status sync then errors). Flotilla's binding controller omits the annotation for a
  // template without generation, so a missing or bad value reflects as 0 here instead.
  const tg = /^-?\d+$/.test(raw) ? Number(raw) : 0;
  return [
    ["generation", num(obj.metadata.generation), true],
    ["resourceTemplateGeneration", tg, true],
  ];
}

const REFLECTORS: Record<string, (s: Obj, obj: KubeObject) => JsonObject | undefined> = {
  "apps/v1/Deployment": (s, obj) => {
    const r = pick([
      ...federated(obj),
      ["observedGeneration", n(s, "observedGeneration"), true],
      ["replicas", n(s, "replicas"), true],
      ["updatedReplicas", n(s, "updatedReplicas"), true],
      ["readyReplicas", n(s, "readyReplicas"), true],
      ["availableReplicas", n(s, "availableReplicas"), true],
      ["unavailableReplicas", n(s, "unavailableReplicas"), true],
    ]);
    return Object.keys(r).length ? r : undefined;
  },
  "apps/v1/ReplicaSet": (s, obj) => {
    const r = pick([
      ...federated(obj),
      ["replicas", n(s, "replicas"), false],
      ["readyReplicas", n(s, "readyReplicas"), true],
      ["availableReplicas", n(s, "availableReplicas"), true],
      ["observedGeneration", n(s, "observedGeneration"), true],
    ]);
    return r;
  },
  "apps/v1/StatefulSet": (s, obj) =>
    pick([
      ...federated(obj),
      ["replicas", n(s, "replicas"), false],
      ["readyReplicas", n(s, "readyReplicas"), true],
      ["currentReplicas", n(s, "currentReplicas"), true],
      ["updatedReplicas", n(s, "updatedReplicas"), true],
      ["availableReplicas", n(s, "availableReplicas"), false],
    ]),
  "apps/v1/DaemonSet": (s, obj) =>
    pick([
      ...federated(obj),
      ["currentNumberScheduled", n(s, "currentNumberScheduled"), false],
      ["numberMisscheduled", n(s, "numberMisscheduled"), false],
      ["desiredNumberScheduled", n(s, "desiredNumberScheduled"), false],
      ["numberReady", n(s, "numberReady"), false],
      ["observedGeneration", n(s, "observedGeneration"), true],
      ["updatedNumberScheduled", n(s, "updatedNumberScheduled"), true],
      ["numberAvailable", n(s, "numberAvailable"), true],
      ["numberUnavailable", n(s, "numberUnavailable"), true],
    ]),
  "batch/v1/Job": (s) =>
    pick([
      ["conditions", Array.isArray(s.conditions) ? s.conditions.map(typedJobCondition) : undefined, true],
      ["startTime", s.startTime, true],
      ["completionTime", s.completionTime, true],
      ["active", n(s, "active"), true],
      ["succeeded", n(s, "succeeded"), true],
      ["failed", n(s, "failed"), true],
    ]),
  "policy/v1/PodDisruptionBudget": (s) =>
    pick([
      ["disruptedPods", s.disruptedPods, true],
      ["disruptionsAllowed", n(s, "disruptionsAllowed"), false],
      ["currentHealthy", n(s, "currentHealthy"), false],
      ["desiredHealthy", n(s, "desiredHealthy"), false],
      ["expectedPods", n(s, "expectedPods"), false],
    ]),
  "autoscaling/v2/HorizontalPodAutoscaler": (s) =>
    pick([
      ["currentReplicas", n(s, "currentReplicas"), true],
      ["desiredReplicas", n(s, "desiredReplicas"), false],
    ]),
};

/** A JobCondition as Go marshals it: zero lastProbeTime/lastTransitionTime become null, reason/message omitted when empty. */
function typedJobCondition(c: unknown): Obj {
  const o = asObj(c);
  const out: Obj = { type: typeof o.type === "string" ? o.type : "", status: typeof o.status === "string" ? o.status : "" };
  out.lastProbeTime = typeof o.lastProbeTime === "string" && o.lastProbeTime ? o.lastProbeTime : null;
  out.lastTransitionTime = typeof o.lastTransitionTime === "string" && o.lastTransitionTime ? o.lastTransitionTime : null;
  if (typeof o.reason === "string" && o.reason) out.reason = o.reason;
  if (typeof o.message === "string" && o.message) out.message = o.message;
  return out;
}

/** Only LoadBalancer Services reflect status, and only `loadBalancer`. */
function reflectService(obj: KubeObject): JsonObject | undefined {
  if (at(obj, "spec", "type") !== "LoadBalancer") return undefined;
  if (!obj.status || typeof obj.status !== "object") return undefined;
  const ingress = asArray(at(obj, "status", "loadBalancer", "ingress")).map((i) => typedIngress(asObj(i), true));
  return { loadBalancer: ingress.length ? { ingress: ingress as JsonObject[] } : {} };
}
