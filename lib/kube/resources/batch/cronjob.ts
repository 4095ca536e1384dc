import type { KubeObject, StatusCause } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { AGE, builtin, col, ensureObj, setDefault } from "../builtin";
import { arr, dig, rec, since, str } from "../format";
import { defaultPodTemplate } from "../core/pod-spec";
import { templateColumns, validateWorkload } from "../apps/workload";
import { causes } from "../../errors";

const POLICIES = ["Allow", "Forbid", "Replace"];
const MACROS = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];

/** A five-field cron expression or one of the @ macros (what robfig/cron's standard parser accepts). */
export function isValidSchedule(schedule: string): boolean {
  let s = schedule.trim();
  if (/^(TZ|CRON_TZ)=/.test(s)) return false;
  if (MACROS.includes(s)) return true;
  if (/^@every\s+\S+$/.test(s)) return true;
  const fields = s.split(/\s+/);
  if (fields.length !== 5) return false;
  s = fields.join(" ");
  return fields.every((f) => /^(\*|\?|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/\d+)?(,(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/\d+)?)*$/.test(f));
}

/** batch/v1 CronJob. */
export function cronJobDescriptor(): ResourceDescriptor {
  const jt = ["spec", "jobTemplate", "spec"];
  return builtin({
    group: "batch",
    version: "v1",
    kind: "CronJob",
    plural: "cronjobs",
    namespaced: true,
    shortNames: ["cj"],
    categories: ["all"],
    subresources: { status: true },
    columns: [
      col("Schedule", "string", (o) => str(dig(o, "spec", "schedule"))),
      col("Timezone", "string", (o) => str(dig(o, "spec", "timeZone")) || "<none>"),
      col("Suspend", "boolean", (o) => {
        const s = dig(o, "spec", "suspend");
        return typeof s === "boolean" ? String(s) : "<unset>";
      }),
      col("Active", "integer", (o) => arr(dig(o, "status", "active")).length),
      col("Last Schedule", "string", (o) => {
        const t = str(dig(o, "status", "lastScheduleTime"));
        return t ? since(t) : "<none>";
      }),
      AGE,
      ...templateColumns(true, jt),
    ],
    applyDefaults: (obj) => {
      const spec = ensureObj(obj, "spec");
      setDefault(spec, "concurrencyPolicy", "Allow");
      setDefault(spec, "suspend", false);
      setDefault(spec, "successfulJobsHistoryLimit", 3);
      setDefault(spec, "failedJobsHistoryLimit", 1);
      const template = dig(spec, "jobTemplate", "spec", "template");
      if (template && typeof template === "object") defaultPodTemplate(template as Record<string, unknown>);
    },
    validate: validateCronJob,
  });
}

function validateCronJob(obj: KubeObject, old?: KubeObject): StatusCause[] {
  const spec = rec(obj.spec);
  const out: StatusCause[] = [];
  const schedule = str(spec.schedule);
  if (!schedule) out.push(causes.required("spec.schedule"));
  else if (!isValidSchedule(schedule))
    out.push(
      /^(TZ|CRON_TZ)=/.test(schedule.trim())
        ? causes.invalid("spec.schedule", schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead")
        : causes.invalid("spec.schedule", schedule, `unparseable schedule`),
    );
  if (spec.concurrencyPolicy !== undefined && !POLICIES.includes(str(spec.concurrencyPolicy)))
    out.push(causes.notSupported("spec.concurrencyPolicy", spec.concurrencyPolicy, POLICIES));
  for (const k of ["successfulJobsHistoryLimit", "failedJobsHistoryLimit", "startingDeadlineSeconds"]) {
    const v = spec[k];
    if (typeof v === "number" && v < 0) out.push(causes.invalid(`spec.${k}`, v, "must be greater than or equal to 0"));
  }
  if (!spec.jobTemplate) out.push(causes.required("spec.jobTemplate"));
  else {
    const manual = dig(spec, "jobTemplate", "spec", "manualSelector") === true;
    out.push(...validateWorkload(obj, old, { noun: "job", restartPolicies: ["OnFailure", "Never"], selectorRequired: manual }, "spec.jobTemplate.spec"));
  }
  return out;
}
