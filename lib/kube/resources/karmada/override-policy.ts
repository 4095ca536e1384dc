import type { KubeObject, StatusCause } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { causes } from "../../errors";
import { arr, rec, str } from "../format";
import { karmadaCRDDescriptor, withWebhook } from "./crds";
import { validateClusterAffinity } from "./placement-validation";
import { validateSelectorNamespaces } from "./propagation-policy";
import { isLabelKey, isLabelValue } from "./content";

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

const LISTED_OVERRIDERS = ["plaintext", "imageOverrider", "commandOverrider", "argsOverrider", "labelsOverrider", "annotationsOverrider"];

/**
 * go-openapi/jsonpointer New as Karmada vendors it: only the start is checked (tokens, escapes
 * included, are not), and the error is errors.Join(ErrInvalidStart, ErrPointer).
 */
export function jsonPointerError(p: string): string | undefined {
  if (p === "" || p.startsWith("/")) return undefined;
  return 'JSON pointer must be empty or start with a "/"\nJSON pointer error';
}

/** OverridePolicy mutating webhook: empty selector namespaces take the policy's namespace. */
export function mutateOverridePolicy(obj: KubeObject, namespaced: boolean): void {
  if (!namespaced || !obj.metadata.namespace) return;
  for (const s of arr(rec(obj.spec).resourceSelectors)) if (!str(s.namespace)) s.namespace = obj.metadata.namespace;
}

/** Karmada's OverridePolicy/ClusterOverridePolicy validating webhook: ValidateOverrideSpec with the request namespace. */
export function validateOverridePolicy(obj: KubeObject, namespaced: boolean): StatusCause[] {
  return validateOverrideSpec(obj.spec, namespaced ? obj.metadata.namespace ?? "" : "");
}

/** Karmada's emptyOverrides: fieldOverrider does not count. */
export function emptyOverrides(overriders: unknown): boolean {
  const o = rec(overriders);
  return !LISTED_OVERRIDERS.some((k) => arr(o[k]).length > 0);
}

/** Karmada's ValidateOverrideSpec: rules vs the deprecated pair, pointers, field overriders, label/annotation values. */
export function validateOverrideSpec(specValue: unknown, policyNamespace: string): StatusCause[] {
  const out: StatusCause[] = [];
  const spec = rec(specValue);
  if (spec.targetCluster != null) out.push(...validateClusterAffinity(spec.targetCluster, "spec.targetCluster"));
  if (spec.targetCluster != null && spec.overrideRules != null)
    out.push(causes.invalid("spec.targetCluster", spec.targetCluster, "overrideRules and targetCluster can't co-exist"));
  if (!emptyOverrides(spec.overriders) && spec.overrideRules != null)
    out.push(causes.invalid("spec.overriders", spec.overriders, "overrideRules and overriders can't co-exist"));
  arr(spec.overrideRules).forEach((r, i) => out.push(...validateRule(r, `spec.overrideRules[${i}]`)));
  out.push(...validateSelectorNamespaces(arr(spec.resourceSelectors), policyNamespace, "spec.resourceSelectors"));
  return out;
}

function validateRule(rule: Record<string, unknown>, path: string): StatusCause[] {
  const out: StatusCause[] = [];
  const o = rec(rule.overriders);
  const op = `${path}.overriders`;
  arr(o.annotationsOverrider).forEach((a, i) => {
    // apivalidation.ValidateAnnotations: keys as lower-cased label keys, 256 KiB in all.
    const value = rec(a.value);
    for (const k of Object.keys(value)) for (const e of isLabelKey(k.toLowerCase())) out.push(causes.invalid(`${op}.annotationsOverrider[${i}].value`, k, e));
    const size = Object.entries(value).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(String(v)), 0);
    if (size > TOTAL_ANNOTATION_SIZE_LIMIT)
      out.push({ reason: "FieldValueTooLong", field: `${op}.annotationsOverrider[${i}].value`, message: `Too long: may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes` });
  });
  arr(o.labelsOverrider).forEach((l, i) => {
    for (const [k, v] of Object.entries(rec(l.value))) {
      for (const e of isLabelKey(k)) out.push(causes.invalid(`${op}.labelsOverrider[${i}].value`, k, e));
      for (const e of isLabelValue(String(v))) out.push(causes.invalid(`${op}.labelsOverrider[${i}].value`, v, e));
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
