import type { JSONSchemaProps } from "./schema-types";
import { isPlainObject } from "./schema-types";
import { baselineChild, unchangedSubtree } from "./update-baseline";

/**
 * Structural defaulting as kube-apiserver does it for custom resources: wherever an object is
 * present and one of its properties is absent (or null and not nullable) but declares a
 * `default`, a copy of the default is set; then defaults are applied inside the result.
 * Absent parents are never created (so `replicaScheduling.replicaSchedulingType: Divided`
 * only appears when `replicaScheduling` exists).
 */
export function applySchemaDefaults(value: unknown, schema: JSONSchemaProps, old?: unknown): void {
  // A subtree still shared with the stored object (see update-baseline.ts) was defaulted when stored.
  if (unchangedSubtree(value, old)) return;
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((item, i) => applySchemaDefaults(item, schema.items!, baselineChild(old, i)));
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [k, prop] of Object.entries(schema.properties ?? {})) {
    const absent = value[k] === undefined || (value[k] === null && !prop.nullable);
    if (absent && prop.default !== undefined) value[k] = structuredClone(prop.default);
    if (value[k] !== undefined) applySchemaDefaults(value[k], prop, baselineChild(old, k));
  }
  if (isPlainObject(schema.additionalProperties)) {
    for (const k of Object.keys(value)) if (!schema.properties?.[k]) applySchemaDefaults(value[k], schema.additionalProperties, baselineChild(old, k));
  }
}
