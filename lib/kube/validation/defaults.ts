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
  const plan = planOf(schema);
  if (!plan.any) return;
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((item, i) => applySchemaDefaults(item, schema.items!, baselineChild(old, i)));
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [k, prop] of plan.own) {
    if (value[k] === undefined || (value[k] === null && !prop.nullable)) value[k] = structuredClone(prop.default);
  }
  for (const [k, prop] of plan.nested) if (value[k] !== undefined) applySchemaDefaults(value[k], prop, baselineChild(old, k));
  if (plan.additional) {
    for (const k of Object.keys(value)) if (!schema.properties?.[k]) applySchemaDefaults(value[k], plan.additional, baselineChild(old, k));
  }
}

/**
 * What defaulting has to look at under one schema node, computed once per schema: properties
 * with their own default, properties with defaults somewhere below, and whether anything
 * below declares a default at all (most of a large schema does not, and is never walked).
 */
interface DefaultsPlan {
  any: boolean;
  own: [string, JSONSchemaProps][];
  nested: [string, JSONSchemaProps][];
  additional?: JSONSchemaProps;
}

const plans = new WeakMap<JSONSchemaProps, DefaultsPlan>();

function planOf(schema: JSONSchemaProps): DefaultsPlan {
  let plan = plans.get(schema);
  if (plan) return plan;
  plan = { any: false, own: [], nested: [] };
  // Set before recursing: a (malformed) self-referencing schema ends here instead of looping.
  plans.set(schema, plan);
  for (const [k, prop] of Object.entries(schema.properties ?? {})) {
    if (prop.default !== undefined) plan.own.push([k, prop]);
    if (planOf(prop).any) plan.nested.push([k, prop]);
  }
  if (isPlainObject(schema.additionalProperties) && planOf(schema.additionalProperties).any) plan.additional = schema.additionalProperties;
  const itemsHave = !!schema.items && planOf(schema.items).any;
  plan.any = plan.own.length > 0 || plan.nested.length > 0 || !!plan.additional || itemsHave;
  return plan;
}
