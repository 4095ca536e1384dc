import type { JsonObject, JsonValue } from "../../kube/types";
import { FieldSet, fieldPE, keyPE, valuePE } from "./field-set";
import { isJsonObject, jsonEqual } from "./json-value";
import { fieldMeta } from "./patch-meta-types";
import type { PatchMeta } from "./patch-meta-types";

/**
 * Walks objects against their schema the way structured-merge-diff does, to compute field sets
 * (typed.ToFieldSet) and differences (typed.Compare) for managedFields.
 */

/** True when SSA treats the value at this schema as one leaf (scalars, atomic maps and lists). */
export function isAtomic(v: JsonValue | undefined, meta: PatchMeta | undefined): boolean {
  if (Array.isArray(v)) return !meta?.list || meta.list === "atomic";
  if (isJsonObject(v)) return !!meta?.atomic;
  return true;
}

/** Path element of a list item, or undefined when the list is atomic. */
export function listItemPE(item: JsonValue, meta: PatchMeta | undefined): string | undefined {
  if (meta?.list === "set") return valuePE(item);
  if (meta?.list !== "map" || !meta.keys) return undefined;
  if (!isJsonObject(item)) return valuePE(item);
  const fields: Record<string, JsonValue> = {};
  for (const k of meta.keys) {
    const v = item[k] ?? meta.keyDefaults?.[k];
    if (v !== undefined && v !== null) fields[k] = v;
  }
  return keyPE(fields);
}

/** Field set of an object (typed.ToFieldSet): leaves, list items and map entries. */
export function toFieldSet(obj: JsonValue, meta: PatchMeta | undefined): FieldSet {
  const set = new FieldSet();
  collect(obj, meta, set);
  set.member = false;
  return set;
}

function collect(v: JsonValue, meta: PatchMeta | undefined, node: FieldSet): void {
  if (isAtomic(v, meta)) {
    node.member = true;
    return;
  }
  if (Array.isArray(v)) {
    for (const item of v) {
      const pe = listItemPE(item, meta)!;
      const c = node.child(pe);
      collect(item, meta?.elem, c);
      c.member = true;
    }
    return;
  }
  const o = v as JsonObject;
  for (const k in o) {
    const val = o[k];
    const c = node.child(fieldPE(k));
    collect(val, fieldMeta(meta, k), c);
    // Map entries and empty/null values are members themselves (". " in FieldsV1).
    if (val === null || (isJsonObject(val) && Object.keys(val).length === 0) || meta?.map) c.member = true;
  }
}

/** Fields added, modified and removed between two versions of an object (typed.Compare). */
export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

export function compareObjects(oldObj: JsonValue | undefined, newObj: JsonValue | undefined, meta: PatchMeta | undefined): Comparison {
  const cmp: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  // A create compares against nothing: every field is added. Built straight into the set,
  // without the general walk's path arrays and root-down inserts (every create pays this).
  if ((oldObj === undefined || isEmptyObject(oldObj)) && isJsonObject(newObj) && !meta?.atomic) addFields(newObj, meta, cmp.added);
  else compareAt(oldObj, newObj, meta, [], cmp, false);
  return cmp;
}

function isEmptyObject(v: JsonValue): boolean {
  if (!isJsonObject(v)) return false;
  for (const _ in v) return false;
  return true;
}

/**
 * What compareAt(undefined, r) records, into the node at r's path: r and everything below it
 * as added. `selfTracked` as in compareAt (list items and map entries record themselves).
 */
function addAll(r: JsonValue, meta: PatchMeta | undefined, node: FieldSet, selfTracked: boolean): void {
  if (isAtomic(r, meta) || isEmptyContainer(r)) {
    node.member = true;
    return;
  }
  if (selfTracked) node.member = true;
  if (!Array.isArray(r)) return addFields(r as JsonObject, meta, node);
  // Like indexItems: the first item per path element counts.
  const seen = new Set<string>();
  for (const item of r) {
    const pe = listItemPE(item, meta);
    if (pe === undefined || seen.has(pe)) continue;
    seen.add(pe);
    if (item !== undefined) addChild(node, pe, item, meta?.elem, true);
  }
}

function addFields(o: JsonObject, meta: PatchMeta | undefined, node: FieldSet): void {
  for (const k in o) {
    const v = o[k];
    if (v === undefined) continue;
    const child = fieldMeta(meta, k);
    addChild(node, fieldPE(k), v, child, !!meta?.map || !!child?.map);
  }
}

/** addAll under `pe`; a child that recorded nothing is dropped (the walk would not have made it). */
function addChild(node: FieldSet, pe: string, v: JsonValue, meta: PatchMeta | undefined, selfTracked: boolean): void {
  const c = node.child(pe);
  addAll(v, meta, c, selfTracked);
  if (!c.member && !c.children?.size) node.children!.delete(pe);
}

function compareAt(
  l: JsonValue | undefined,
  r: JsonValue | undefined,
  meta: PatchMeta | undefined,
  path: string[],
  cmp: Comparison,
  selfTracked: boolean,
): void {
  // Same reference (or equal scalar): nothing below changed. Copy-on-write patches leave
  // untouched subtrees shared with the stored object, so this prunes most of the walk.
  if (l === r) return;
  const container = (l !== undefined ? l : r) as JsonValue;
  const bothPresent = l !== undefined && r !== undefined;
  const kindsDiffer = bothPresent && (Array.isArray(l) !== Array.isArray(r) || isJsonObject(l) !== isJsonObject(r));
  if (kindsDiffer || isAtomic(container, meta) || (isEmptyContainer(l) && isEmptyContainer(r))) {
    if (!path.length) return;
    if (l === undefined) cmp.added.insert(path);
    else if (r === undefined) cmp.removed.insert(path);
    else if (!jsonEqual(l, r)) cmp.modified.insert(path);
    return;
  }
  // Granular containers record themselves only when they are list items or map entries,
  // mirroring what Kubernetes records for its optional (pointer/omitempty) fields.
  if (selfTracked && path.length) {
    if (l === undefined) cmp.added.insert(path);
    else if (r === undefined) cmp.removed.insert(path);
  }
  if (Array.isArray(container)) compareLists(l as JsonValue[] | undefined, r as JsonValue[] | undefined, meta, path, cmp);
  else compareMaps(l as JsonObject | undefined, r as JsonObject | undefined, meta, path, cmp);
}

function isEmptyContainer(v: JsonValue | undefined): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return isJsonObject(v) && Object.keys(v).length === 0;
}

function compareMaps(l: JsonObject | undefined, r: JsonObject | undefined, meta: PatchMeta | undefined, path: string[], cmp: Comparison): void {
  const seen = new Set<string>();
  for (const o of [l, r]) {
    if (!o) continue;
    for (const k in o) {
      if (seen.has(k)) continue;
      seen.add(k);
      const child = fieldMeta(meta, k);
      // Map entries and map-typed fields (labels, data) record themselves; structs do not.
      compareAt(l?.[k], r?.[k], child, [...path, fieldPE(k)], cmp, !!meta?.map || !!child?.map);
    }
  }
}

function compareLists(l: JsonValue[] | undefined, r: JsonValue[] | undefined, meta: PatchMeta | undefined, path: string[], cmp: Comparison): void {
  const left = indexItems(l, meta);
  const right = indexItems(r, meta);
  for (const [pe, lv] of left) compareAt(lv, right.get(pe), meta?.elem, [...path, pe], cmp, true);
  for (const [pe, rv] of right) if (!left.has(pe)) compareAt(undefined, rv, meta?.elem, [...path, pe], cmp, true);
}

function indexItems(list: JsonValue[] | undefined, meta: PatchMeta | undefined): Map<string, JsonValue> {
  const out = new Map<string, JsonValue>();
  if (!list) return out;
  for (const item of list) {
    const pe = listItemPE(item, meta);
    if (pe !== undefined && !out.has(pe)) out.set(pe, item);
  }
  return out;
}
