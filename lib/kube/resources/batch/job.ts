import type { KubeObject } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { AGE, builtin, col, ensureObj, setDefault } from "../builtin";
import { arr, dig, humanDuration, num, rec, str } from "../format";
import { defaultPodTemplate } from "../core/pod-spec";
import { templateColumns, validateWorkload } from "../apps/workload";
import { causes } from "../../errors";

export const JOB_CONTROLLER_UID_LABEL = "batch.kubernetes.io/controller-uid";
export const JOB_NAME_LABEL = "batch.kubernetes.io/job-name";
const LEGACY_UID_LABEL = "controller-uid";
const LEGACY_NAME_LABEL = "job-name";

function hasCondition(o: KubeObject, type: string): boolean {
  return arr(dig(o, "status", "conditions")).some((c) => c.type === type && c.status === "True");
}

/** STATUS column of kube 1.32's printJob. */
export function jobStatus(o: KubeObject): string {
  if (hasCondition(o, "Complete")) return "Complete";
  if (hasCondition(o, "Failed")) return "Failed";
  if (o.metadata.deletionTimestamp) return "Terminating";
  if (hasCondition(o, "FailureTarget")) return "FailureTarget";
  if (hasCondition(o, "Suspended")) return "Suspended";
  if (hasCondition(o, "SuccessCriteriaMet")) return "SuccessCriteriaMet";
  return "Running";
}

function completions(o: KubeObject): string {
  const succeeded = num(dig(o, "status", "succeeded"));
  const c = dig(o, "spec", "completions");
  if (typeof c === "number") return `${succeeded}/${c}`;
  const p = num(dig(o, "spec", "parallelism"));
  return p > 1 ? `${succeeded}/1 of ${p}` : `${succeeded}/1`;
}

function duration(o: KubeObject, now = Date.now()): string {
  const start = str(dig(o, "status", "startTime"));
  if (!start) return "";
  const end = str(dig(o, "status", "completionTime"));
  return humanDuration((end ? Date.parse(end) : now) - Date.parse(start));
}

/**
 * Sets the selector and pod labels kube-apiserver generates for a Job whose
 * `manualSelector` is not true. The API server calls it with the uid it assigned on create
 * (`applyDefaults` also calls it when `metadata.uid` is already set).
 */
export function generateJobSelector(job: KubeObject, uid: string): void {
  const spec = ensureObj(job, "spec");
  if (spec.manualSelector === true) return;
  const name = job.metadata.name ?? "";
  spec.selector = { matchLabels: { [JOB_CONTROLLER_UID_LABEL]: uid } };
  const meta = ensureObj(ensureObj(spec, "template"), "metadata");
  meta.labels = { ...rec(meta.labels), [LEGACY_UID_LABEL]: uid, [LEGACY_NAME_LABEL]: name, [JOB_CONTROLLER_UID_LABEL]: uid, [JOB_NAME_LABEL]: name };
}

/** Job defaults of batch/v1 (completions/parallelism, backoffLimit, completionMode, suspend, podReplacementPolicy). */
export function defaultJobSpec(spec: Record<string, unknown>): void {
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setDefault(spec, "parallelism", 1);
  setDefault(spec, "backoffLimit", spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6);
  setDefault(spec, "completionMode", "NonIndexed");
  setDefault(spec, "suspend", false);
  setDefault(spec, "podReplacementPolicy", spec.podFailurePolicy ? "Failed" : "TerminatingOrFailed");
  if (spec.template && typeof spec.template === "object") defaultPodTemplate(spec.template as Record<string, unknown>);
}

/** batch/v1 Job. */
export function jobDescriptor(): ResourceDescriptor {
  return builtin({
    group: "batch",
    version: "v1",
    kind: "Job",
    plural: "jobs",
    namespaced: true,
    categories: ["all"],
    subresources: { status: true },
    columns: [
      col("Status", "string", jobStatus, { description: "Status of the job." }),
      col("Completions", "string", completions, { description: "The desired number of successfully finished pods the job should be run with." }),
      col("Duration", "string", (o) => duration(o), { description: "Time required to complete the job." }),
      AGE,
      ...templateColumns(true),
    ],
    fieldLabels: { "status.successful": (o) => String(num(dig(o, "status", "succeeded"))) },
    applyDefaults: (obj) => {
      const spec = ensureObj(obj, "spec");
      defaultJobSpec(spec);
      if (obj.metadata.uid && !spec.selector) generateJobSelector(obj, obj.metadata.uid);
    },
    validate: (obj, old) => {
      const spec = rec(obj.spec);
      const manual = spec.manualSelector === true;
      const out = validateWorkload(obj, old, { noun: "job", restartPolicies: ["OnFailure", "Never"], selectorRequired: manual });
      for (const k of ["parallelism", "completions", "backoffLimit"]) {
        const v = spec[k];
        if (typeof v === "number" && v < 0) out.push(causes.invalid(`spec.${k}`, v, "must be greater than or equal to 0"));
      }
      const ads = spec.activeDeadlineSeconds;
      if (typeof ads === "number" && ads <= 0) out.push(causes.invalid("spec.activeDeadlineSeconds", ads, "must be greater than 0"));
      const mode = spec.completionMode;
      if (mode !== undefined && mode !== "NonIndexed" && mode !== "Indexed") out.push(causes.notSupported("spec.completionMode", mode, ["NonIndexed", "Indexed"]));
      if (mode === "Indexed" && spec.completions === undefined) out.push(causes.required("spec.completions", "Required value: when completion mode is Indexed"));
      if (old && JSON.stringify(dig(old, "spec", "template")) !== JSON.stringify(spec.template) && dig(old, "spec", "suspend") !== true)
        out.push(causes.invalid("spec.template", spec.template, "field is immutable"));
      return out;
    },
  });
}
