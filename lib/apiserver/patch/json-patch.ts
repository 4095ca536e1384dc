import type { JsonValue } from "../../kube/types";
import { patchBadRequest, patchTooLarge, patchUnprocessable } from "./errors";
import { parseJsonPointer } from "./json-pointer";
import { cloneJson, isJsonObject, jsonEqual } from "./json-value";

/** One RFC 6902 operation as decoded from the request body. */
export interface JsonPatchOperation {
  op: "add" | "remove" | "replace" | "move" | "copy" | "test";
  path: string;
  from?: string;
  value?: JsonValue;
}

/** kube-apiserver refuses JSON patches with more operations than this (413). */
export const MAX_JSON_PATCH_OPERATIONS = 10000;

/**
 * Checks a decoded `application/json-patch+json` body. Anything but an array of objects is a
 * 400 BadRequest, as jsonpatch.DecodePatch fails before kube-apiserver tries to apply it.
 */
export function decodeJsonPatch(body: unknown): JsonPatchOperation[] {
  if (!Array.isArray(body)) {
    throw patchBadRequest(`json: cannot unmarshal ${goJsonType(body)} into Go value of type jsonpatch.Patch`);
  }
  for (const op of body) {
    if (!isJsonObject(op)) {
      throw patchBadRequest(`json: cannot unmarshal ${goJsonType(op)} into Go value of type jsonpatch.Operation`);
    }
  }
  if (body.length > MAX_JSON_PATCH_OPERATIONS) {
    throw patchTooLarge(`The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${body.length}`);
  }
  return body as unknown as JsonPatchOperation[];
}

/**
 * Applies an RFC 6902 patch and returns a new document; `doc` is not modified.
 * Any failure while applying (a failed `test`, a missing path, an unknown op) is the 422
 * kube-apiserver answers for it; an undecodable body is a 400 (see decodeJsonPatch).
 */
export function applyJsonPatch<T = JsonValue>(doc: T, patch: unknown): T {
  const ops = decodeJsonPatch(patch);
  let root = cloneJson(doc) as unknown as JsonValue;
  for (const op of ops) root = applyOperation(root, op);
  return root as unknown as T;
}

/** A failed operation; the message is kept for logs though the HTTP answer drops it. */
class OpFailure extends Error {}

function applyOperation(root: JsonValue, op: JsonPatchOperation): JsonValue {
  try {
    switch (op.op) {
      case "add":
        return add(root, tokens(op.path), valueOf(op));
      case "remove":
        return remove(root, tokens(op.path)).root;
      case "replace":
        return replace(root, tokens(op.path), valueOf(op));
      case "move": {
        const from = tokens(fromOf(op));
        const taken = remove(root, from);
        return add(taken.root, tokens(op.path), taken.value);
      }
      case "copy":
        return add(root, tokens(op.path), cloneJson(get(root, tokens(fromOf(op)))));
      case "test":
        test(root, tokens(op.path), op);
        return root;
      default:
        throw new OpFailure(`Unexpected kind: ${String((op as { op?: unknown }).op)}`);
    }
  } catch (err) {
    if (err instanceof OpFailure) {
      const e = patchUnprocessable();
      (e as Error & { cause?: unknown }).cause = err;
      throw e;
    }
    throw err;
  }
}

function tokens(path: unknown): string[] {
  if (typeof path !== "string") throw new OpFailure("operation missing path field");
  const t = parseJsonPointer(path);
  if (!t) throw new OpFailure(`invalid JSON pointer ${JSON.stringify(path)}`);
  return t;
}

function fromOf(op: JsonPatchOperation): string {
  if (typeof op.from !== "string") throw new OpFailure(`${op.op} operation missing from field`);
  return op.from;
}

function valueOf(op: JsonPatchOperation): JsonValue {
  if (!("value" in op)) throw new OpFailure(`${op.op} operation missing value field`);
  return cloneJson(op.value as JsonValue);
}

/** Walks to the container holding the last token. */
function parentOf(root: JsonValue, path: string[]): JsonValue {
  let cur: JsonValue = root;
  for (let i = 0; i < path.length - 1; i++) {
    const next = child(cur, path[i]);
    if (next === undefined) throw new OpFailure(`doc is missing path: "/${path.slice(0, i + 1).join("/")}"`);
    cur = next;
  }
  return cur;
}

function child(container: JsonValue, token: string): JsonValue | undefined {
  if (Array.isArray(container)) {
    const i = arrayIndex(token, container.length, false);
    return container[i];
  }
  if (isJsonObject(container)) return Object.prototype.hasOwnProperty.call(container, token) ? container[token] : undefined;
  return undefined;
}

/**
 * Parses an array index. evanphx/json-patch v4 (the library kube-apiserver uses) accepts
 * negative indices counted from the end, so we do too.
 */
function arrayIndex(token: string, length: number, forInsert: boolean): number {
  if (!/^-?(0|[1-9][0-9]*)$/.test(token)) throw new OpFailure(`invalid array index ${JSON.stringify(token)}`);
  let i = Number(token);
  if (i < 0) i += length;
  const max = forInsert ? length : length - 1;
  if (i < 0 || i > max) throw new OpFailure(`index out of bounds: ${token}`);
  return i;
}

function get(root: JsonValue, path: string[]): JsonValue {
  if (path.length === 0) return root;
  const v = child(parentOf(root, path), path[path.length - 1]);
  if (v === undefined) throw new OpFailure(`doc is missing key: /${path.join("/")}`);
  return v;
}

function add(root: JsonValue, path: string[], value: JsonValue): JsonValue {
  if (path.length === 0) return value;
  const parent = parentOf(root, path);
  const last = path[path.length - 1];
  if (Array.isArray(parent)) {
    if (last === "-") parent.push(value);
    else parent.splice(arrayIndex(last, parent.length, true), 0, value);
  } else if (isJsonObject(parent)) {
    parent[last] = value;
  } else {
    throw new OpFailure(`cannot add to a non-container at /${path.join("/")}`);
  }
  return root;
}

function remove(root: JsonValue, path: string[]): { root: JsonValue; value: JsonValue } {
  if (path.length === 0) throw new OpFailure("cannot remove the whole document");
  const parent = parentOf(root, path);
  const last = path[path.length - 1];
  if (Array.isArray(parent)) {
    const i = arrayIndex(last, parent.length, false);
    return { root, value: parent.splice(i, 1)[0] };
  }
  if (isJsonObject(parent) && Object.prototype.hasOwnProperty.call(parent, last)) {
    const value = parent[last];
    delete parent[last];
    return { root, value };
  }
  throw new OpFailure(`Unable to remove nonexistent key: ${last}: missing value`);
}

function replace(root: JsonValue, path: string[], value: JsonValue): JsonValue {
  if (path.length === 0) return value;
  const parent = parentOf(root, path);
  const last = path[path.length - 1];
  if (Array.isArray(parent)) {
    parent[arrayIndex(last, parent.length, false)] = value;
  } else if (isJsonObject(parent) && Object.prototype.hasOwnProperty.call(parent, last)) {
    parent[last] = value;
  } else {
    throw new OpFailure(`replace operation does not apply: doc is missing key: /${path.join("/")}`);
  }
  return root;
}

function test(root: JsonValue, path: string[], op: JsonPatchOperation): void {
  let actual: JsonValue | undefined;
  try {
    actual = get(root, path);
  } catch (err) {
    if (!(err instanceof OpFailure)) throw err;
    actual = undefined;
  }
  const expected = op.value === undefined ? null : op.value;
  // json-patch v4 lets `"value": null` match a missing member.
  if (actual === undefined ? expected === null : jsonEqual(actual, expected)) return;
  throw new OpFailure(`testing value /${path.join("/")} failed: test failed`);
}

function goJsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "object") return "object";
  return typeof v;
}
