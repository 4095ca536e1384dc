import type { JsonObject, JsonValue } from "../../kube/types";
import type { FieldSet } from "./field-set";
import { fieldPE } from "./field-set";
import { isAtomic, listItemPE } from "./field-walk";
import { cloneJson, isJsonObject } from "./json-value";
import { fieldMeta } from "./patch-meta-types";
import type { PatchMeta } from "./patch-meta-types";

/**
 * Merges an applied configuration into the live object (typed.Merge): maps merge key by key,
 * keyed and set lists merge item by item, atomic values are replaced, and a null in the
 * configuration removes the field. Returns a new value; inputs are not modified.
 */
export function mergeApplied(live: JsonValue | undefined, config: JsonValue, meta: PatchMeta | undefined): JsonValue | undefined {
  if (config === null) return undefined;
  if (live === undefined || live === null || isAtomic(config, meta) || Array.isArray(live) !== Array.isArray(config) || isJsonObject(live) !== isJsonObject(config)) {
    return stripNulls(config);
  }
  if (Array.isArray(config)) return mergeLists(live as JsonValue[], config, meta);
  const out: JsonObject = cloneJson(live as JsonObject);
  const c = config as JsonObject;
  for (const k in c) {
    const v = mergeApplied(out[k], c[k], fieldMeta(meta, k));
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

function stripNulls(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map(stripNulls);
  if (!isJsonObject(v)) return v;
  const out: JsonObject = {};
  for (const k in v) if (v[k] !== null) out[k] = stripNulls(v[k]);
  return out;
}

/**
 * Merges keyed/set lists. Items only in the live list keep their place; items of the
 * configuration come in configuration order, with shared items placed where the
 * configuration puts them (structured-merge-diff's ordering rule).
 */
function mergeLists(live: JsonValue[], config: JsonValue[], meta: PatchMeta | undefined): JsonValue[] {
  const lPE = live.map((v) => listItemPE(v, meta)!);
  const rPE = config.map((v) => listItemPE(v, meta)!);
  const lByPE = new Map<string, JsonValue>();
  lPE.forEach((pe, i) => lByPE.has(pe) || lByPE.set(pe, live[i]));
  const inConfig = new Set(rPE);
  const emitted = new Set<string>();
  const out: JsonValue[] = [];
  let li = 0;
  let ri = 0;
  while (li < live.length || ri < config.length) {
    if (li < live.length) {
      const pe = lPE[li];
      if (!inConfig.has(pe)) {
        out.push(cloneJson(live[li++]));
        continue;
      }
      if (emitted.has(pe)) {
        li++;
        continue;
      }
      if (ri < config.length && rPE[ri] === pe) li++;
    }
    // Either the items match, or the live item is one the configuration places elsewhere:
    // the configuration's order wins.
    const pe = rPE[ri];
    emitted.add(pe);
    const v = mergeApplied(lByPE.get(pe), config[ri++], meta?.elem);
    if (v !== undefined) out.push(v);
  }
  return out;
}

/**
 * Removes the members of `set` from an object (typed.RemoveItems). Containers emptied by the
 * removal disappear too, as they do in Kubernetes.
 */
export function removeItems(obj: JsonObject, set: FieldSet, meta: PatchMeta | undefined): JsonObject {
  return (removeAt(obj, set, meta) as JsonObject | undefined) ?? {};
}

function removeAt(v: JsonValue, set: FieldSet, meta: PatchMeta | undefined): JsonValue | undefined {
  if (!set.children || isAtomic(v, meta)) return v;
  if (Array.isArray(v)) {
    const out: JsonValue[] = [];
    for (const item of v) {
      const pe = listItemPE(item, meta);
      const sub = pe === undefined ? undefined : set.get(pe);
      if (sub?.member) continue;
      const kept = sub ? removeAt(item, sub, meta?.elem) : item;
      if (kept !== undefined) out.push(kept);
    }
    return out.length ? out : undefined;
  }
  if (!isJsonObject(v)) return v;
  const out: JsonObject = {};
  let touched = false;
  for (const k in v) {
    const sub = set.get(fieldPE(k));
    if (sub?.member) {
      touched = true;
      continue;
    }
    const kept = sub ? removeAt(v[k], sub, fieldMeta(meta, k)) : v[k];
    if (sub) touched = true;
    if (kept !== undefined) out[k] = kept;
  }
  return touched && Object.keys(out).length === 0 ? undefined : out;
}
