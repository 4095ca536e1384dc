import type { KubeObject, StatusCause } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { causes } from "../../errors";
import { arr, rec, str } from "../format";
import { karmadaCRDDescriptor, withWebhook } from "./crds";
import { validateClusterAffinity } from "./placement-validation";
import { validateSelectorNamespaces } from "./propagation-policy";
import { isQualifiedName, isValidLabelValue } from "../../validation/names";

const LISTED_OVERRIDERS = ["plaintext", "imageOverrider", "commandOverrider", "argsOverrider", "labelsOverrider", "annotationsOverrider"];

/** JSON pointer syntax (RFC 6901) as go-openapi/jsonpointer accepts it: empty or starting with "/". */
export function jsonPointerError(p: string): string | undefined {
  if (p === "" || p.startsWith("/")) {
    if (/~[^01]/.test(p) || p.endsWith("~")) return `invalid escape sequence in JSON pointer "${p}"`;
    return undefined;
  }
  return `JSON pointer must be empty or start with a "/`;
}

/** OverridePolicy mutating webhook: empty selector namespaces take the policy's namespace. */
export function mutateOverridePolicy(obj: KubeObject, namespaced: boolean): void {
  if (!namespaced || !obj.metadata.namespace) return;
  for (const s of arr(rec(obj.spec).resourceSelectors)) if (!str(s.namespace)) s.namespace = obj.metadata.namespace;
}

/** Karmada's ValidateOverrideSpec: rules vs the deprecated pair, pointers, field overriders, label/annotation values. */
export function validateOverridePolicy(obj: KubeObject, namespaced: boolean): StatusCause[] {
  const out: StatusCause[] = [];
  const spec = rec(obj.spec);
  if (spec.targetCluster != null) out.push(...validateClusterAffinity(spec.targetCluster, "spec.targetCluster"));
  if (spec.targetCluster != null && spec.overrideRules != null)
    out.push(causes.invalid("spec.targetCluster", spec.targetCluster, "overrideRules and targetCluster can't co-exist"));
  const overriders = rec(spec.overriders);
  if (LISTED_OVERRIDERS.some((k) => arr(overriders[k]).length > 0) && spec.overrideRules != null)
    out.push(causes.invalid("spec.overriders", overriders, "overrideRules and overriders can't co-exist"));
  arr(spec.overrideRules).forEach((r, i) => out.push(...validateRule(r, `spec.overrideRules[${i}]`)));
  out.push(...validateSelectorNamespaces(arr(spec.resourceSelectors), namespaced ? obj.metadata.namespace ?? "" : "", "spec.resourceSelectors"));
  return out;
}

function validateRule(rule: Record<string, unknown>, path: string): StatusCause[] {
  const out: StatusCause[] = [];
  const o = rec(rule.overriders);
  const op = `${path}.overriders`;
  arr(o.annotationsOverrider).forEach((a, i) => {
    for (const k of Object.keys(rec(a.value))) for (const e of isQualifiedName(k.toLowerCase())) out.push(causes.invalid(`${op}.annotationsOverrider[${i}].value`, k, e));
  });
  arr(o.labelsOverrider).forEach((l, i) => {
    for (const [k, v] of Object.entries(rec(l.value))) {
      for (const e of isQualifiedName(k)) out.push(causes.invalid(`${op}.labelsOverrider[${i}].value`, k, e));
      for (const e of isValidLabelValue(String(v))) out.push(causes.invalid(`${op}.labelsOverrider[${i}].value`, v, e));
    }
  });
  arr(o.imageOverrider).forEach((im, i) => {
    const p = rec(im.predicate);
    if (im.predicate != null) {
      const err = jsonPointerError(str(p.path));
      if (err) out.push(causes.invalid(`${op}.imageOverrider[${i}].predicate.path`, str(p.path), err));
    }
  });
  arr(o.fieldOverrider).forEach((f, i) => {
    const fp = `${op}.fieldOverrider[${i}]`;
    const json = arr(f.json);
    const yaml = arr(f.yaml);
    if (json.length > 0 && yaml.length > 0) out.push(causes.invalid(fp, f, "FieldOverrider has both YAML and JSON set. Only one is allowed"));
    if (json.length === 0 && yaml.length === 0) out.push(causes.required(fp, "Required value: FieldOverrider must have either JSON or YAML set"));
    const err = jsonPointerError(str(f.fieldPath));
    if (err) out.push(causes.invalid(`${fp}.fieldPath`, str(f.fieldPath), err));
    json.forEach((p, j) => out.push(...validateSubPatch(p, `${fp}.json[${j}]`)));
    yaml.forEach((p, j) => out.push(...validateSubPatch(p, `${fp}.yaml[${j}]`)));
  });
  if (rule.targetCluster != null) out.push(...validateClusterAffinity(rule.targetCluster, `${path}.targetCluster`));
  return out;
}

function validateSubPatch(p: Record<string, unknown>, path: string): StatusCause[] {
  const out: StatusCause[] = [];
  const err = jsonPointerError(str(p.subPath));
  if (err) out.push(causes.invalid(`${path}.subPath`, str(p.subPath), err));
  const hasValue = p.value !== undefined && p.value !== null;
  if ((p.operator === "add" || p.operator === "replace") && !hasValue) out.push(causes.invalid(`${path}.value`, null, "value is required for add or replace operation"));
  if (p.operator === "remove" && hasValue) out.push(causes.invalid(`${path}.value`, p.value, "value is not allowed for remove operation"));
  return out;
}

export function overridePolicyDescriptor(): ResourceDescriptor {
  return withWebhook(karmadaCRDDescriptor("OverridePolicy"), {
    mutate: (o) => mutateOverridePolicy(o, true),
    validate: (o) => validateOverridePolicy(o, true),
  });
}

export function clusterOverridePolicyDescriptor(): ResourceDescriptor {
  return withWebhook(karmadaCRDDescriptor("ClusterOverridePolicy"), { validate: (o) => validateOverridePolicy(o, false) });
}
