import type { StatusCause } from "../types";
import { causes } from "../errors";
import type { JSONSchemaProps } from "./schema-types";
import { childPath, indexPath, isPlainObject, jsonTypeName, keyPath } from "./schema-types";
import { baselineChild, unchangedSubtree } from "./update-baseline";

/**
 * Validates a value against a structural schema the way kube-apiserver validates custom
 * resources: type, required, enum, pattern, numeric and length bounds, item counts, nested
 * properties, items and additionalProperties, honouring `nullable`,
 * `x-kubernetes-int-or-string` and `x-kubernetes-preserve-unknown-fields`. Causes carry the
 * field path and message kube-openapi produces (e.g. `spec.size in body must be of type integer: "string"`).
 * Unknown fields are not errors here (CRDs prune them); see unknown-fields.ts for strict mode.
 */
export function validateStructural(value: unknown, schema: JSONSchemaProps, path = "", old?: unknown): StatusCause[] {
  const out: StatusCause[] = [];
  walk(value, schema, path, out, old);
  return out;
}

/**
 * `old` is the value at the same place in the stored object on updates: a subtree that is
 * still that very object was valid when stored and is not walked again (kube's validation
 * ratcheting accepts unchanged values too).
 */
function walk(value: unknown, s: JSONSchemaProps, path: string, out: StatusCause[], old?: unknown): void {
  if (unchangedSubtree(value, old)) return;
  if (value === null || value === undefined) {
    if (s.nullable || !s.type) return;
    out.push(typeError(path, value, s.type));
    return;
  }
  if (s["x-kubernetes-int-or-string"]) {
    if (!(typeof value === "string" || (typeof value === "number" && Number.isInteger(value)))) {
      out.push(causes.typeInvalid(path, jsonTypeName(value), `${path} in body must be of type integer,string: "${jsonTypeName(value)}"`));
      return;
    }
    checkScalar(value, s, path, out);
    for (const sub of s.anyOf ?? []) if (sub.type === jsonTypeName(value) || (sub.type === "string" && typeof value === "string")) checkScalar(value, sub, path, out);
    return;
  }
  if (s.type && !typeMatches(value, s.type)) {
    out.push(typeError(path, value, s.type));
    return;
  }
  if (s.enum && !s.enum.some((e) => e === value)) {
    out.push(causes.notSupported(path, value, s.enum.map((e) => String(e))));
  }
  for (const sub of s.allOf ?? []) walk(value, sub, path, out, old);
  if (Array.isArray(value)) return walkArray(value, s, path, out, old);
  if (isPlainObject(value)) return walkObject(value, s, path, out, old);
  checkScalar(value, s, path, out);
}

function typeMatches(v: unknown, type: string): boolean {
  switch (type) {
    case "object":
      return isPlainObject(v);
    case "array":
      return Array.isArray(v);
    case "string":
      return typeof v === "string";
    case "integer":
      return typeof v === "number" && Number.isInteger(v);
    case "number":
      return typeof v === "number";
    case "boolean":
      return typeof v === "boolean";
    default:
      return true;
  }
}

function typeError(path: string, value: unknown, expected: string): StatusCause {
  const actual = jsonTypeName(value);
  return causes.typeInvalid(path, actual, `${path} in body must be of type ${expected}: "${actual}"`);
}

function walkArray(value: unknown[], s: JSONSchemaProps, path: string, out: StatusCause[], old: unknown): void {
  if (s.minItems !== undefined && value.length < s.minItems)
    out.push(causes.invalid(path, value.length, `${path} in body should have at least ${s.minItems} items`));
  if (s.maxItems !== undefined && value.length > s.maxItems)
    out.push({ reason: "FieldValueTooMany", field: path, message: `Too many: ${value.length}: must have at most ${s.maxItems} items` });
  if (s.items) value.forEach((item, i) => walk(item, s.items as JSONSchemaProps, indexPath(path, i), out, baselineChild(old, i)));
  const listType = s["x-kubernetes-list-type"];
  if (listType === "set") {
    const seen = new Set<string>();
    value.forEach((item, i) => {
      const k = JSON.stringify(item);
      if (seen.has(k)) out.push(causes.duplicate(indexPath(path, i), item));
      seen.add(k);
    });
  }
}

function walkObject(value: Record<string, unknown>, s: JSONSchemaProps, path: string, out: StatusCause[], old: unknown): void {
  for (const r of s.required ?? []) {
    if (value[r] === undefined) out.push(causes.required(childPath(path, r)));
  }
  const n = Object.keys(value).length;
  if (s.minProperties !== undefined && n < s.minProperties)
    out.push(causes.invalid(path, n, `${path} in body should have at least ${s.minProperties} properties`));
  if (s.maxProperties !== undefined && n > s.maxProperties)
    out.push({ reason: "FieldValueTooMany", field: path, message: `Too many: ${n}: must have at most ${s.maxProperties} items` });
  for (const [k, v] of Object.entries(value)) {
    const prop = s.properties?.[k];
    if (prop) walk(v, prop, childPath(path, k), out, baselineChild(old, k));
    else if (isPlainObject(s.additionalProperties)) walk(v, s.additionalProperties, keyPath(path, k), out, baselineChild(old, k));
  }
}

function checkScalar(value: unknown, s: JSONSchemaProps, path: string, out: StatusCause[]): void {
  if (typeof value === "string") {
    const len = [...value].length;
    if (s.maxLength !== undefined && len > s.maxLength)
      out.push({ reason: "FieldValueTooLong", field: path, message: `Too long: may not be more than ${s.maxLength} bytes` });
    if (s.minLength !== undefined && len < s.minLength)
      out.push(causes.invalid(path, value, `${path} in body should be at least ${s.minLength} chars long`));
    if (s.pattern && !safeRegex(s.pattern).test(value))
      out.push(causes.invalid(path, value, `${path} in body should match '${s.pattern}'`));
  }
  if (typeof value === "number") {
    if (s.minimum !== undefined && (s.exclusiveMinimum ? value <= s.minimum : value < s.minimum))
      out.push(causes.invalid(path, value, `${path} in body should be greater than ${s.exclusiveMinimum ? "" : "or equal to "}${s.minimum}`));
    if (s.maximum !== undefined && (s.exclusiveMaximum ? value >= s.maximum : value > s.maximum))
      out.push(causes.invalid(path, value, `${path} in body should be less than ${s.exclusiveMaximum ? "" : "or equal to "}${s.maximum}`));
  }
}

const regexCache = new Map<string, RegExp>();

function safeRegex(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (!re) {
    try {
      re = new RegExp(pattern, "u");
    } catch {
      re = new RegExp(pattern);
    }
    regexCache.set(pattern, re);
  }
  return re;
}
