import type { KubeObject, StatusCause } from "../../types";
import type { PrinterColumn } from "../../resource-descriptor";
import type { LabelSelector } from "../../selectors";
import { matchesLabelSelector } from "../../selectors";
import { causes } from "../../errors";
import { col } from "../builtin";
import { containerImages, containerNames, validatePodSpec } from "../core/pod-spec";
import { dig, formatLabelSelector, rec, str } from "../format";
import { validateLabelsAndAnnotations } from "../../validation/object-meta";
import { isQualifiedName, isValidLabelValue } from "../../validation/names";

/** Go's %#v of a map[string]string, as kube prints template labels in selector mismatch errors. */
export function goStringMap(m: Record<string, string>): string {
  const entries = Object.keys(m)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(m[k])}`);
  return `map[string]string{${entries.join(", ")}}`;
}

export interface WorkloadRules {
  /** Lower-case kind for "empty selector is invalid for deployment". */
  noun: string;
  /** Allowed template restartPolicy values. */
  restartPolicies: string[];
  /** Whether spec.selector is mandatory (Jobs generate theirs). */
  selectorRequired: boolean;
  replicas?: boolean;
}

/**
 * Checks shared by the apps/batch workloads: selector present and non-empty, template labels
 * matched by it, replicas >= 0, the pod template, restartPolicy, and selector immutability.
 */
export function validateWorkload(obj: KubeObject, old: KubeObject | undefined, rules: WorkloadRules, specPath = "spec"): StatusCause[] {
  const out: StatusCause[] = [];
  const spec = specPath === "spec" ? rec(obj.spec) : rec(dig(obj, ...specPath.split(".")));
  if (rules.replicas) {
    const r = spec.replicas;
    if (r !== undefined && (typeof r !== "number" || r < 0)) out.push(causes.invalid(`${specPath}.replicas`, r, "must be greater than or equal to 0"));
  }
  const selector = spec.selector as LabelSelector | undefined;
  const template = rec(spec.template);
  const labels = rec(dig(template, "metadata", "labels")) as Record<string, string>;
  if (!selector) {
    if (rules.selectorRequired) out.push(causes.required(`${specPath}.selector`));
  } else {
    out.push(...validateSelector(selector, `${specPath}.selector`));
    const empty = Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
    if (empty) out.push({ reason: "FieldValueInvalid", field: `${specPath}.selector`, message: `Invalid value: ${JSON.stringify(selector)}: empty selector is invalid for ${rules.noun}` });
    else if (!matchesLabelSelector(selector, labels))
      out.push({
        reason: "FieldValueInvalid",
        field: `${specPath}.template.metadata.labels`,
        message: `Invalid value: ${goStringMap(labels)}: \`selector\` does not match template \`labels\``,
      });
  }
  if (!spec.template) out.push(causes.required(`${specPath}.template`));
  else {
    out.push(...validateLabelsAndAnnotations(rec(template.metadata), `${specPath}.template.metadata`));
    out.push(...validatePodSpec(template.spec, `${specPath}.template.spec`));
    const rp = dig(template, "spec", "restartPolicy");
    if (rp !== undefined && !rules.restartPolicies.includes(str(rp)))
      out.push(causes.notSupported(`${specPath}.template.spec.restartPolicy`, rp, rules.restartPolicies));
  }
  if (old && rules.selectorRequired) {
    const oldSel = dig(old, ...specPath.split("."), "selector");
    if (oldSel !== undefined && JSON.stringify(oldSel) !== JSON.stringify(selector))
      out.push(causes.invalid(`${specPath}.selector`, selector, "field is immutable"));
  }
  return out;
}

function validateSelector(sel: LabelSelector, path: string): StatusCause[] {
  const out: StatusCause[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) {
    for (const e of isQualifiedName(k)) out.push(causes.invalid(`${path}.matchLabels`, k, e));
    for (const e of isValidLabelValue(String(v))) out.push(causes.invalid(`${path}.matchLabels`, v, e));
  }
  (sel.matchExpressions ?? []).forEach((e, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const ops = ["In", "NotIn", "Exists", "DoesNotExist"];
    if (!ops.includes(e.operator)) out.push(causes.notSupported(`${p}.operator`, e.operator, ops));
    const n = (e.values ?? []).length;
    if ((e.operator === "In" || e.operator === "NotIn") && n === 0)
      out.push(causes.required(`${p}.values`, "Required value: must be specified when `operator` is 'In' or 'NotIn'"));
    if ((e.operator === "Exists" || e.operator === "DoesNotExist") && n > 0)
      out.push(causes.forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    for (const err of isQualifiedName(e.key)) out.push(causes.invalid(`${p}.key`, e.key, err));
  });
  return out;
}

/** The wide CONTAINERS / IMAGES (/ SELECTOR) columns of workloads. */
export function templateColumns(withSelector: boolean, specPath: string[] = ["spec"]): PrinterColumn[] {
  const cols = [
    col("Containers", "string", (o) => containerNames(dig(o, ...specPath, "template", "spec")), { priority: 1, description: "Names of each container in the template." }),
    col("Images", "string", (o) => containerImages(dig(o, ...specPath, "template", "spec")), { priority: 1, description: "Images referenced by each container in the template." }),
  ];
  if (withSelector)
    cols.push(col("Selector", "string", (o) => formatLabelSelector(dig(o, ...specPath, "selector") as LabelSelector), { priority: 1, description: "Label selector for pods." }));
  return cols;
}
