import type { JsonObject, JsonValue } from "../../kube/types";
import { patchBadRequest } from "./errors";
import { cloneJson, isJsonObject } from "./json-value";

/**
 * Applies an RFC 7386 JSON merge patch (`application/merge-patch+json`) and returns a new
 * document; `doc` is not modified. Objects merge recursively, `null` deletes a member, arrays
 * and scalars replace. A `null` patch body is a 400, as in kube-apiserver ("Invalid JSON Patch").
 */
export function applyMergePatch<T = JsonValue>(doc: T, patch: unknown): T {
  if (patch === null || patch === undefined) throw patchBadRequest("Invalid JSON Patch");
  if (!isJsonObject(patch)) return withoutNulls(patch as JsonValue) as unknown as T;
  const base = isJsonObject(doc) ? cloneJson(doc as unknown as JsonObject) : {};
  mergeInto(base, patch);
  return base as unknown as T;
}

/**
 * The same merge as applyMergePatch, copy-on-write: only the objects on a path the patch
 * touches are copied, every other subtree of the result is `doc`'s own (same reference).
 * The write path relies on this to see what a patch left alone without comparing values
 * (managedFields, validation, generation). Callers must treat shared subtrees as read-only.
 */
export function applyMergePatchShared<T = JsonValue>(doc: T, patch: unknown): T {
  if (patch === null || patch === undefined) throw patchBadRequest("Invalid JSON Patch");
  if (!isJsonObject(patch)) return withoutNulls(patch as JsonValue) as unknown as T;
  return mergeShared(isJsonObject(doc) ? (doc as unknown as JsonObject) : {}, patch) as unknown as T;
}

/** A shallow copy of `target` with `patch` merged in; untouched members keep their reference. */
function mergeShared(target: JsonObject, patch: JsonObject): JsonObject {
  const out: JsonObject = { ...target };
  for (const key in patch) {
    const pv = patch[key];
    if (pv === null) {
      delete out[key];
      continue;
    }
    const cur = out[key];
    out[key] = isJsonObject(pv) && isJsonObject(cur) ? mergeShared(cur, pv) : withoutNulls(pv);
  }
  return out;
}

/** Merges `patch` into `target` in place. Values copied from the patch are cloned. */
function mergeInto(target: JsonObject, patch: JsonObject): void {
  for (const key in patch) {
    const pv = patch[key];
    if (pv === null) {
      delete target[key];
      continue;
    }
    const cur = target[key];
    if (isJsonObject(pv) && isJsonObject(cur)) {
      mergeInto(cur, pv);
    } else {
      target[key] = withoutNulls(pv);
    }
  }
}

/**
 * A value that replaces (rather than merges) is stored without its null members: a null in a
 * merge patch means "absent", even inside a new subtree (json-patch's pruneNulls).
 */
function withoutNulls(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map((x) => (x === null ? null : withoutNulls(x)));
  if (!isJsonObject(v)) return v;
  const out: JsonObject = {};
  for (const k in v) {
    const x = v[k];
    if (x !== null) out[k] = withoutNulls(x);
  }
  return out;
}
