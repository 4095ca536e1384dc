import type { JsonObject, JsonValue } from "../../kube/types";
import { patchBadRequest, patchInternal } from "./errors";
import { cloneJson, goString, isJsonObject, jsonKind } from "./json-value";
import { fieldMeta } from "./patch-meta-types";
import type { PatchMeta } from "./patch-meta-types";
import {
  cleanPatchValue,
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  DIRECTIVE_MARKER,
  directiveTarget,
  RETAIN_KEYS,
  SET_ELEMENT_ORDER_PREFIX,
} from "./smp-directives";
import { mergeList, orderBySetElementOrder, validateSetElementOrder } from "./smp-lists";

/**
 * Applies a strategic merge patch (`application/strategic-merge-patch+json`) the way
 * kube-apiserver does for built-in kinds, and returns a new object; inputs are not modified.
 *
 * Semantics (k8s.io/apimachinery strategicpatch): maps merge recursively and `null` deletes a key;
 * lists tagged `patchStrategy=merge` merge by their merge key (scalars: union), other lists are
 * replaced. Directives: `$patch: replace|delete` on maps and list items, `$retainKeys`,
 * `$setElementOrder/<list>`, `$deleteFromPrimitiveList/<list>`.
 * Errors: malformed directives → 400, lists of lists → 422, other failures → 500, as kube answers.
 *
 * `meta` comes from patchMetaFor(); callers must not use SMP on kinds without metadata
 * (custom resources answer 415, see supportsStrategicMergePatch).
 */
export function applyStrategicMergePatch<T = JsonObject>(original: T, patch: unknown, meta: PatchMeta | undefined): T {
  if (!isJsonObject(patch)) {
    throw patchBadRequest(`json: cannot unmarshal ${jsonKind(patch) === "slice" ? "array" : jsonKind(patch)} into Go value of type map[string]interface {}`);
  }
  const base = isJsonObject(original) ? cloneJson(original as unknown as JsonObject) : {};
  return mergeMap(base, cloneJson(patch), meta) as unknown as T;
}

/** Merges `patch` into `original`, both owned (mutated) by this call. */
function mergeMap(original: JsonObject, patch: JsonObject, meta: PatchMeta | undefined): JsonObject {
  if (DIRECTIVE_MARKER in patch) return mapDirective(patch);
  applyRetainKeys(original, patch);
  mergeOrderedLists(original, patch, meta);
  for (const rawKey of Object.keys(patch)) {
    const isDeleteList = rawKey.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX);
    const key = isDeleteList ? directiveTarget(rawKey, DELETE_FROM_PRIMITIVE_LIST_PREFIX) : rawKey;
    const pv = patch[rawKey];
    if (pv === null) {
      delete original[key];
      continue;
    }
    if (!Object.prototype.hasOwnProperty.call(original, key) || jsonKind(original[key]) !== jsonKind(pv)) {
      // Nothing to merge with: the patch value is taken as is (a delete list has nothing to delete).
      if (!isDeleteList) setCleaned(original, key, pv);
      continue;
    }
    original[key] = mergeValue(original[key], pv, fieldMeta(meta, key), isDeleteList);
  }
  return original;
}

function mergeValue(ov: JsonValue, pv: JsonValue, meta: PatchMeta | undefined, isDeleteList: boolean): JsonValue {
  if (isJsonObject(pv)) {
    return strategyOf(meta) === "replace" ? (cleanPatchValue(pv) ?? {}) : mergeMap(ov as JsonObject, pv, meta);
  }
  if (Array.isArray(pv)) {
    if (strategyOf(meta) !== "merge" && !isDeleteList) return pv;
    return mergeList(ov as JsonValue[], pv, meta, isDeleteList, mergeMap);
  }
  return pv;
}

function setCleaned(target: JsonObject, key: string, value: JsonValue): void {
  const c = cleanPatchValue(value);
  if (c === undefined) delete target[key];
  else target[key] = c;
}

/** The non-retainKeys part of a field's patchStrategy ("merge,retainKeys" → "merge"). */
function strategyOf(meta: PatchMeta | undefined): string {
  const s = meta?.strategy;
  if (!s) return "";
  return s.split(",").filter((x) => x !== "retainKeys")[0] ?? "";
}

/** `$patch` on a map: replace takes the patch as the new value, delete leaves an empty map. */
function mapDirective(patch: JsonObject): JsonObject {
  const d = patch[DIRECTIVE_MARKER];
  if (d === "replace") {
    delete patch[DIRECTIVE_MARKER];
    return (cleanPatchValue(patch) as JsonObject) ?? {};
  }
  if (d === "delete") return {};
  throw patchInternal(`unknown patch type: ${goString(d)} in map: ${goString(patch)}`);
}

/** `$retainKeys`: drop live keys not listed; every non-null patch key must be listed (else 400). */
function applyRetainKeys(original: JsonObject, patch: JsonObject): void {
  if (!(RETAIN_KEYS in patch)) return;
  const list = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(list)) throw patchBadRequest("invalid patch format of retainKeys");
  const keep = new Set(list);
  for (const k in patch) {
    if (patch[k] === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX) || k.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    if (!keep.has(k)) throw patchBadRequest("invalid patch format of retainKeys");
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

/**
 * `$setElementOrder/<list>`: merges the named list (if patched) and orders the result by the
 * directive, then removes both keys from the patch so the main loop leaves them alone.
 */
function mergeOrderedLists(original: JsonObject, patch: JsonObject, meta: PatchMeta | undefined): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    const order = patch[key];
    delete patch[key];
    if (!Array.isArray(order)) throw patchInternal(`expected a []interface {}, but received a ${jsonKind(order)}`);
    const target = directiveTarget(key, SET_ELEMENT_ORDER_PREFIX);
    const listMeta = fieldMeta(meta, target);
    const live = asList(original[target], target in original);
    const patched = asList(patch[target], target in patch);
    const mergeKey = listMeta?.mergeKey;
    validateSetElementOrder(patched ?? [], order, mergeKey);
    let merged: JsonValue[];
    if (live && !patched) merged = live;
    else if (!live && patched) merged = cleanPatchValue(patched) as JsonValue[];
    else if (live && patched) merged = mergeValue(live, patched, listMeta, false) as JsonValue[];
    else continue;
    original[target] = orderBySetElementOrder(merged, order, live ?? [], patched ?? [], mergeKey);
    delete patch[target];
  }
}

function asList(v: JsonValue | undefined, present: boolean): JsonValue[] | undefined {
  if (!present) return undefined;
  if (!Array.isArray(v)) throw patchInternal(`expected a []interface {}, but received a ${jsonKind(v)}`);
  return v;
}
