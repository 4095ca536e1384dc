import type { Tone } from "../ui/badge";

/**
 * The one mapping from Kubernetes/Karmada status to a tone and the text shown with it (text is
 * always shown: colour is never the only signal). Conditions have no polarity field, so the
 * polarity comes from the type: most types are "good when True" (Ready, Applied, Scheduled,
 * FullyApplied, Available), the node-pressure style types are "bad when True".
 */
export interface ToneAndText {
  tone: Tone;
  text: string;
}

/** Condition types where True means trouble (Kubernetes node conditions and common controller types). */
const ABNORMAL_TRUE = new Set([
  "MemoryPressure",
  "DiskPressure",
  "PIDPressure",
  "NetworkUnavailable",
  "Degraded",
  "Failed",
  "Stalled",
  "ReplicaFailure",
  "Terminating",
]);

export function isAbnormalTrueType(type: string): boolean {
  return ABNORMAL_TRUE.has(type) || /Pressure$|Failed$|Failure$/.test(type);
}

/**
 * Tone and text of one condition: `Ready=True` → success "Ready", `Ready=False` → danger
 * "NotReady", `Ready=Unknown` → warning "Unknown"; for bad-when-True types the tones flip and
 * False reads "No<Type>".
 */
export function conditionTone(c: { type: string; status: string }): ToneAndText {
  const abnormal = isAbnormalTrueType(c.type);
  if (c.status === "True") return { tone: abnormal ? "danger" : "success", text: c.type };
  if (c.status === "False") return { tone: abnormal ? "success" : "danger", text: abnormal ? `No${c.type}` : `Not${c.type}` };
  return { tone: "warning", text: c.type === "Ready" ? "Unknown" : `${c.type}Unknown` };
}

const STATUS_TONES: Record<string, Tone> = {
  ready: "success",
  healthy: "success",
  applied: "success",
  fullyapplied: "success",
  available: "success",
  running: "success",
  succeeded: "success",
  complete: "success",
  bound: "success",
  active: "success",
  notready: "danger",
  unhealthy: "danger",
  failed: "danger",
  failing: "danger",
  error: "danger",
  crashloopbackoff: "danger",
  warning: "warning",
  unknown: "warning",
  pending: "warning",
  progressing: "info",
  reconciling: "info",
  terminating: "info",
  scheduled: "info",
  normal: "neutral",
};

/** Tone of a free-form status word ("Ready", "NotReady", "Pending", "Warning", …); neutral when unknown. */
export function statusTone(text: string): Tone {
  return STATUS_TONES[text.replace(/[\s_-]/g, "").toLowerCase()] ?? "neutral";
}

/** Picks the condition that best summarises an object: Ready, then FullyApplied, Applied, Available, Scheduled. */
export function primaryCondition<C extends { type: string }>(conditions: readonly C[] | undefined): C | undefined {
  if (!conditions?.length) return undefined;
  for (const type of ["Ready", "FullyApplied", "Applied", "Available", "Scheduled"]) {
    const c = conditions.find((x) => x.type === type);
    if (c) return c;
  }
  return conditions[0];
}
