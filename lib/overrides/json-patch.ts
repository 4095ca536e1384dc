import { cloneJson } from "../store/json-clone";

/**
 * RFC 6902 JSON Patch with the behaviour of evanphx/json-patch v5 as Karmada applies it
 * (default options): negative array indices allowed, `-` appends, `replace`/`remove` of a
 * missing member fail, `add` never creates missing parents. Pure: the input is not mutated.
 */

export interface JsonPatchOperation {
  op: string;
  path: string;
  value?: unknown;
  from?: string;
}

/** Raised when a patch does not apply; the message says which operation and path. */
export class JsonPatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JsonPatchError";
  }
}

type Container = Record<string, unknown> | unknown[];

/** Splits a JSON pointer into decoded reference tokens. */
export function parsePointer(path: string): string[] {
  if (path === "") return [];
  if (!path.startsWith("/")) throw new JsonPatchError(`JSON pointer must be empty or start with a "/": ${path}`);
  return path
    .slice(1)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Escapes a single key for use in a JSON pointer. */
export function escapePointerToken(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Applies the operations in order to a deep copy of `doc` and returns it. */
export function applyJsonPatch<T>(doc: T, ops: readonly JsonPatchOperation[]): T {
  let root: unknown = cloneJson(doc);
  for (const op of ops) root = applyOne(root, op);
  return root as T;
}

function applyOne(root: unknown, op: JsonPatchOperation): unknown {
  switch (op.op) {
    case "add":
      return add(root, op.path, clone(op.value));
    case "remove":
      return remove(root, op.path);
    case "replace":
      return replace(root, op.path, clone(op.value));
    case "move": {
      const value = get(root, op.from ?? "", "move");
      return add(remove(root, op.from ?? ""), op.path, value);
    }
    case "copy":
      return add(root, op.path, clone(get(root, op.from ?? "", "copy")));
    case "test":
      if (JSON.stringify(get(root, op.path, "test")) !== JSON.stringify(op.value ?? null))
        throw new JsonPatchError(`testing value ${op.path} failed: test failed`);
      return root;
    default:
      throw new JsonPatchError(`Unexpected kind: ${op.op}`);
  }
}

function clone(v: unknown): unknown {
  return v === undefined ? null : cloneJson(v);
}

/** Walks to the parent container of the last token. */
function parentOf(root: unknown, path: string, op: string): { parent: Container; key: string } {
  const tokens = parsePointer(path);
  const key = tokens.pop()!;
  let cur: unknown = root;
  for (const t of tokens) {
    const next = childOf(cur, t);
    if (next === undefined || next === null || typeof next !== "object")
      throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}"`);
    cur = next;
  }
  if (cur === null || typeof cur !== "object") throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}"`);
  return { parent: cur as Container, key };
}

function childOf(cur: unknown, token: string): unknown {
  if (Array.isArray(cur)) {
    const i = arrayIndex(token, cur.length, false);
    return i === undefined ? undefined : cur[i];
  }
  if (cur && typeof cur === "object" && Object.prototype.hasOwnProperty.call(cur, token)) return (cur as Record<string, unknown>)[token];
  return undefined;
}

/** Index for get/replace/remove (`forAdd`: index == length allowed). Negative counts from the end. */
function arrayIndex(token: string, length: number, forAdd: boolean): number | undefined {
  if (!/^-?\d+$/.test(token)) return undefined;
  let i = Number(token);
  const size = forAdd ? length + 1 : length;
  if (i < 0) {
    if (i < -size) return undefined;
    i += size;
  }
  return i < size ? i : undefined;
}

function get(root: unknown, path: string, op: string): unknown {
  if (path === "") return root;
  const { parent, key } = parentOf(root, path, op);
  const v = childOf(parent, key);
  if (v === undefined) throw new JsonPatchError(`${op} operation does not apply: doc is missing key: ${path}`);
  return v;
}

function add(root: unknown, path: string, value: unknown): unknown {
  if (path === "") return value;
  const { parent, key } = parentOf(root, path, "add");
  if (Array.isArray(parent)) {
    const i = key === "-" ? parent.length : arrayIndex(key, parent.length, true);
    if (i === undefined) throw new JsonPatchError(`add operation does not apply: index out of bounds: "${path}"`);
    parent.splice(i, 0, value);
  } else parent[key] = value;
  return root;
}

function remove(root: unknown, path: string): unknown {
  if (path === "") throw new JsonPatchError("remove operation does not apply: cannot remove the document root");
  const { parent, key } = parentOf(root, path, "remove");
  if (Array.isArray(parent)) {
    const i = arrayIndex(key, parent.length, false);
    if (i === undefined) throw new JsonPatchError(`remove operation does not apply: index out of bounds: "${path}"`);
    parent.splice(i, 1);
  } else {
    if (!Object.prototype.hasOwnProperty.call(parent, key))
      throw new JsonPatchError(`remove operation does not apply: doc is missing key: "${path}"`);
    delete parent[key];
  }
  return root;
}

function replace(root: unknown, path: string, value: unknown): unknown {
  if (path === "") return value;
  const { parent, key } = parentOf(root, path, "replace");
  if (Array.isArray(parent)) {
    const i = arrayIndex(key, parent.length, false);
    if (i === undefined) throw new JsonPatchError(`replace operation does not apply: doc is missing key: "${path}"`);
    parent[i] = value;
  } else {
    if (!Object.prototype.hasOwnProperty.call(parent, key))
      throw new JsonPatchError(`replace operation does not apply: doc is missing key: "${path}"`);
    parent[key] = value;
  }
  return root;
}

/** Reads the value at a JSON pointer, or undefined when a segment is missing. */
export function getAtPointer(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const t of parsePointer(path)) {
    cur = childOf(cur, t);
    if (cur === undefined) return undefined;
  }
  return cur;
}
