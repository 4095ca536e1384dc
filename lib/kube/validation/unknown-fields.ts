import type { JSONSchemaProps } from "./schema-types";
import { childPath, indexPath, isPlainObject } from "./schema-types";
import { baselineChild, unchangedSubtree } from "./update-baseline";

/** Fields every object may carry at the root, whatever its schema says. */
const ROOT_FIELDS = new Set(["apiVersion", "kind", "metadata"]);

/**
 * Paths of fields the schema does not know, for `fieldValidation=Strict` (kube answers 400
 * `strict decoding error: unknown field "spec.foo"`) and `Warn` (one warning per path).
 * Subtrees marked `x-kubernetes-preserve-unknown-fields` or typed by `additionalProperties`
 * accept anything. `metadata` is ObjectMeta and checked elsewhere.
 */
export function unknownFieldPaths(value: unknown, schema: JSONSchemaProps): string[] {
  const out: string[] = [];
  if (!isPlainObject(value)) return out;
  for (const [k, v] of Object.entries(value)) {
    if (ROOT_FIELDS.has(k)) continue;
    const prop = schema.properties?.[k];
    if (prop) collect(v, prop, k, out);
    else if (!schema["x-kubernetes-preserve-unknown-fields"] && !schema.additionalProperties) out.push(k);
  }
  return out;
}

function collect(value: unknown, s: JSONSchemaProps, path: string, out: string[]): void {
  if (s["x-kubernetes-embedded-resource"] || (s["x-kubernetes-preserve-unknown-fields"] && !s.properties)) return;
  if (Array.isArray(value)) {
    if (s.items) value.forEach((item, i) => collect(item, s.items as JSONSchemaProps, indexPath(path, i), out));
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [k, v] of Object.entries(value)) {
    const prop = s.properties?.[k];
    if (prop) collect(v, prop, childPath(path, k), out);
    else if (isPlainObject(s.additionalProperties)) collect(v, s.additionalProperties, `${path}[${k}]`, out);
    else if (!s.additionalProperties && !s["x-kubernetes-preserve-unknown-fields"]) out.push(childPath(path, k));
  }
}

/** The messages kube-apiserver uses for unknown fields, e.g. `unknown field "spec.foo"`. */
export function unknownFieldMessages(value: unknown, schema: JSONSchemaProps): string[] {
  return unknownFieldPaths(value, schema).map((p) => `unknown field "${p}"`);
}

/**
 * Removes unknown fields in place, as kube-apiserver prunes custom resources when strict
 * validation is not requested (so stored objects only ever hold schema fields).
 */
export function pruneUnknownFields(value: unknown, schema: JSONSchemaProps, old?: unknown): void {
  if (!isPlainObject(value) || unchangedSubtree(value, old)) return;
  for (const k of Object.keys(value)) {
    if (ROOT_FIELDS.has(k)) continue;
    const prop = schema.properties?.[k];
    if (prop) prune(value[k], prop, baselineChild(old, k));
    else if (!schema["x-kubernetes-preserve-unknown-fields"] && !schema.additionalProperties) delete value[k];
  }
}

/** Prunes below one schema node; subtrees still shared with `old` (already pruned when stored) are skipped. */
function prune(value: unknown, s: JSONSchemaProps, old: unknown): void {
  if (s["x-kubernetes-embedded-resource"] || (s["x-kubernetes-preserve-unknown-fields"] && !s.properties)) return;
  if (unchangedSubtree(value, old)) return;
  if (Array.isArray(value)) {
    if (s.items) value.forEach((item, i) => prune(item, s.items!, baselineChild(old, i)));
    return;
  }
  if (!isPlainObject(value)) return;
  for (const k of Object.keys(value)) {
    const prop = s.properties?.[k];
    if (prop) prune(value[k], prop, baselineChild(old, k));
    else if (isPlainObject(s.additionalProperties)) prune(value[k], s.additionalProperties, baselineChild(old, k));
    else if (!s.additionalProperties && !s["x-kubernetes-preserve-unknown-fields"]) delete value[k];
  }
}
