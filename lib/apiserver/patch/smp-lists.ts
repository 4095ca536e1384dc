import type { JsonObject, JsonValue } from "../../kube/types";
import { patchInternal, patchUnprocessable } from "./errors";
import { goString, isJsonObject, jsonKind } from "./json-value";
import type { PatchMeta } from "./patch-meta-types";
import { cleanPatchValue, DIRECTIVE_MARKER } from "./smp-directives";

/** Merges two list items (maps) that share a merge key value; supplied by the map merger. */
export type MergeItem = (original: JsonObject, patch: JsonObject, meta: PatchMeta | undefined) => JsonObject;

type Kind = "map" | "scalar";

/**
 * Merges a patch list into a list with `patchStrategy=merge` (or applies a
 * `$deleteFromPrimitiveList` list). Maps are matched by merge key and merged, `$patch: delete`
 * items remove entries, `$patch: replace` replaces the list; scalars are unioned. The result
 * keeps patch order for patched items and live order for the rest, interleaved as kube does.
 */
export function mergeList(
  original: JsonValue[],
  patch: JsonValue[],
  meta: PatchMeta | undefined,
  isDeleteList: boolean,
  mergeItem: MergeItem,
): JsonValue[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = elementKind(original, patch);
  const mergeKey = kind === "map" ? meta?.mergeKey : undefined;
  let merged: JsonValue[];
  if (kind === "scalar") {
    if (isDeleteList) {
      const drop = new Set(patch);
      return original.filter((v) => !drop.has(v));
    }
    merged = dedupe(original.concat(patch));
  } else {
    if (!mergeKey) throw patchInternal(`cannot merge lists without merge key for ${meta ? "list" : "unknown list"}`);
    const special = applySpecialElements(original, patch, mergeKey);
    original = special.original;
    patch = special.patch;
    merged = mergeByKey(original, patch, mergeKey, meta?.elem, mergeItem);
  }
  const { inList, others } = partition(merged, patch, mergeKey);
  return normalizeOrder(inList, others, patch, original, mergeKey, kind);
}

/** Orders `merged` for a `$setElementOrder` list: its items follow that order, the rest live order. */
export function orderBySetElementOrder(
  merged: JsonValue[],
  order: JsonValue[],
  live: JsonValue[],
  patchList: JsonValue[],
  mergeKey: string | undefined,
): JsonValue[] {
  const kind = elementKind(live, patchList);
  const { inList, others } = partition(merged, order, mergeKey);
  return normalizeOrder(inList, others, order, live, mergeKey, kind);
}

/**
 * Checks that the patch list follows the `$setElementOrder` list (deletions aside); a mismatch is
 * the plain error kube-apiserver turns into a 500.
 */
export function validateSetElementOrder(patchList: JsonValue[], order: JsonValue[], mergeKey: string | undefined): void {
  if (order.length === 0 || patchList.length === 0) return;
  const items = mergeKey ? patchList.filter((v) => !(isJsonObject(v) && v[DIRECTIVE_MARKER] === "delete")) : patchList;
  let p = 0;
  let o = 0;
  while (p < items.length && o < order.length) {
    if (isJsonObject(items[p]) && DIRECTIVE_MARKER in (items[p] as JsonObject)) {
      p++;
      continue;
    }
    if (keyOf(items[p], mergeKey) === keyOf(order[o], mergeKey)) p++;
    o++;
  }
  if (p < items.length) {
    throw patchInternal(
      `The order in patch list:\n${goString(patchList)}\n doesn't match $setElementOrder list:\n${goString(order)}\n`,
    );
  }
}

/** Element kind of the lists together; lists of lists are a 422, mixed kinds a 500. */
export function elementKind(...lists: JsonValue[][]): Kind {
  let seen: string | undefined;
  for (const l of lists) {
    for (const v of l) {
      const k = jsonKind(v);
      if (k === "slice") throw patchUnprocessable();
      if (seen === undefined) seen = k;
      else if (seen !== k) throw patchInternal(`list element types are not identical: ${goString(lists)}`);
    }
  }
  if (seen === undefined) throw patchInternal("no elements in any of the given slices");
  return seen === "map" ? "map" : "scalar";
}

function keyOf(v: JsonValue, mergeKey: string | undefined): JsonValue | undefined {
  if (!mergeKey) return v;
  return isJsonObject(v) ? v[mergeKey] : undefined;
}

function requireKey(v: JsonValue, mergeKey: string): JsonValue {
  if (!isJsonObject(v)) throw patchInternal(`expected a map[string]interface {}, but received a ${jsonKind(v)}`);
  if (!(mergeKey in v)) throw patchInternal(`map: ${goString(v)} does not contain declared merge key: ${mergeKey}`);
  return v[mergeKey];
}

function applySpecialElements(original: JsonValue[], patch: JsonValue[], mergeKey: string) {
  const plain: JsonValue[] = [];
  let replace = false;
  for (const v of patch) {
    const item = v as JsonObject;
    if (!(DIRECTIVE_MARKER in item)) {
      plain.push(v);
      continue;
    }
    const directive = item[DIRECTIVE_MARKER];
    if (directive === "delete") {
      const key = requireKey(item, mergeKey);
      original = original.filter((o) => requireKey(o, mergeKey) !== key);
    } else if (directive === "replace") {
      replace = true;
    } else if (directive === "merge") {
      throw patchInternal("merging lists cannot yet be specified in the patch");
    } else {
      throw patchInternal(`unknown patch type: ${goString(directive)} in map: ${goString(item)}`);
    }
  }
  if (replace) return { original: plain.map((v) => cleanPatchValue(v) as JsonValue), patch: [] as JsonValue[] };
  return { original, patch: plain };
}

function mergeByKey(
  original: JsonValue[],
  patch: JsonValue[],
  mergeKey: string,
  itemMeta: PatchMeta | undefined,
  mergeItem: MergeItem,
): JsonValue[] {
  const out = original.slice();
  for (const v of patch) {
    const key = requireKey(v, mergeKey);
    const i = out.findIndex((o) => requireKey(o, mergeKey) === key);
    if (i >= 0) out[i] = mergeItem(out[i] as JsonObject, v as JsonObject, itemMeta);
    else {
      const c = cleanPatchValue(v);
      if (c !== undefined) out.push(c);
    }
  }
  return out;
}

function dedupe(list: JsonValue[]): JsonValue[] {
  const seen = new Set<JsonValue>();
  const out: JsonValue[] = [];
  for (const v of list) {
    if (seen.has(v)) continue;
    seen.add(v);
    out.push(v);
  }
  return out;
}

/** Splits `merged` into items present in `by` (by merge key) and the others. */
function partition(merged: JsonValue[], by: JsonValue[], mergeKey: string | undefined) {
  const keys = new Set<JsonValue | undefined>();
  for (const v of by) keys.add(keyOf(v, mergeKey));
  const inList: JsonValue[] = [];
  const others: JsonValue[] = [];
  for (const v of merged) {
    const k = mergeKey ? requireKey(v, mergeKey) : v;
    (keys.has(k) ? inList : others).push(v);
  }
  return { inList, others };
}

function normalizeOrder(
  patchItems: JsonValue[],
  serverOnly: JsonValue[],
  patchOrder: JsonValue[],
  serverOrder: JsonValue[],
  mergeKey: string | undefined,
  kind: Kind,
): JsonValue[] {
  const left = sortByOrder(serverOnly, serverOrder, mergeKey, kind);
  const right = sortByOrder(patchItems, patchOrder, mergeKey, kind);
  return mergeSorted(left, right, serverOrder, mergeKey);
}

function indexIn(order: JsonValue[], v: JsonValue, mergeKey: string | undefined): number {
  const k = keyOf(v, mergeKey);
  for (let i = 0; i < order.length; i++) if (keyOf(order[i], mergeKey) === k) return i;
  return -1;
}

function sortByOrder(items: JsonValue[], order: JsonValue[], mergeKey: string | undefined, kind: Kind): JsonValue[] {
  let deleted: JsonValue[] = [];
  if (kind === "map" && mergeKey) {
    for (const v of items) requireKey(v, mergeKey);
    for (const v of order) requireKey(v, mergeKey);
    deleted = items.filter((v) => (v as JsonObject)[DIRECTIVE_MARKER] === "delete");
    items = items.filter((v) => (v as JsonObject)[DIRECTIVE_MARKER] !== "delete");
  }
  const ranked = items.map((v, i) => ({ v, i, at: indexIn(order, v, mergeKey) }));
  ranked.sort((a, b) => (a.at >= 0 && b.at >= 0 ? a.at - b.at : a.i - b.i));
  return ranked.map((r) => r.v).concat(deleted);
}

/**
 * Interleaves server-only items (left) into patch items (right): a server item goes first only
 * when both are in the live list and it came first there; otherwise the patch item does.
 */
function mergeSorted(left: JsonValue[], right: JsonValue[], serverOrder: JsonValue[], mergeKey: string | undefined): JsonValue[] {
  const out: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], mergeKey);
      const ri = indexIn(serverOrder, right[j], mergeKey);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}
