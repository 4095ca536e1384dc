import { goJsonStringify, goString } from "./go-json";

/**
 * RFC 6902 JSON Patch with the behaviour of evanphx/json-patch v5.9 as Karmada applies it
 * (`DecodePatch` + `Apply`, default options): negative array indices allowed, `-` appends,
 * `replace`/`remove` of a missing member fail, `add` never creates missing parents, a `test`
 * of a missing member passes when the value is null, and the first path segment is not checked
 * (evanphx splits on "/" and drops it). Pure: the input is not mutated.
 *
 * `applyJsonPatch` works on JS values; `applyJsonPatchToText` works on JSON text and returns
 * the text evanphx writes: compact, object keys in their original order (added keys last),
 * untouched numbers and strings byte for byte as they were, `<`, `>`, `&`, U+2028 and U+2029
 * escaped, inserted values in Go's encoding (sorted keys).
 */

export interface JsonPatchOperation {
  op: string;
  path: string;
  value?: unknown;
  from?: string;
}

/** Raised when a patch does not apply; the message is evanphx's. */
export class JsonPatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JsonPatchError";
  }
}

/** Splits a JSON pointer into decoded reference tokens (RFC 6901). */
export function parsePointer(path: string): string[] {
  if (path === "") return [];
  if (!path.startsWith("/")) throw new JsonPatchError(`JSON pointer must be empty or start with a "/": ${path}`);
  return path.slice(1).split("/").map(decodeToken);
}

function decodeToken(t: string): string {
  return t.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Escapes a single key for use in a JSON pointer. */
export function escapePointerToken(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Applies the operations in order to a copy of `doc` and returns it. `exactIntegers`: the
 * document may hold bigints, and integers beyond 2^53 come back as bigints (Go keeps them exact).
 */
export function applyJsonPatch<T>(doc: T, ops: readonly JsonPatchOperation[], opts: { exactIntegers?: boolean } = {}): T {
  validatePatch(ops);
  const root = fromValue(doc, false);
  if (!(root instanceof JObj) && !(root instanceof JArr)) throw new JsonPatchError(cannotUnmarshal(root));
  return toValue(applyOps(root, ops), opts.exactIntegers ?? false) as T;
}

/**
 * Applies the operations to a JSON text and returns the patched text, as evanphx's
 * `Patch.Apply` does on bytes. An empty text is returned unchanged.
 */
export function applyJsonPatchToText(text: string, ops: readonly JsonPatchOperation[]): string {
  validatePatch(ops);
  if (text.length === 0) return text;
  let root: JNode;
  try {
    root = parseJsonText(text);
  } catch {
    throw new JsonPatchError("invalid state detected"); // evanphx's ErrInvalid for bytes that are not JSON
  }
  // evanphx decides on the first byte: "[" is an array, anything else must be an object.
  if (text[0] === "[" ? !(root instanceof JArr) : !(root instanceof JObj)) throw new JsonPatchError(cannotUnmarshal(root));
  return serialize(applyOps(root, ops));
}

/** Reads the value at a JSON pointer (go-openapi/jsonpointer's Get), or undefined when a segment is missing. */
export function getAtPointer(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const t of parsePointer(path)) {
    if (Array.isArray(cur)) {
      // go-openapi/jsonpointer: strconv.Atoi, then 0 <= index < length.
      const i = atoi(t);
      if (i === undefined || i < 0) return undefined;
      cur = cur[i];
    } else if (cur !== null && typeof cur === "object" && Object.prototype.hasOwnProperty.call(cur, t)) {
      cur = (cur as Record<string, unknown>)[t];
    } else return undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

// ---------------------------------------------------------------------------------------------
// The document model: evanphx keeps object key order and scalar text ("lazy nodes").

/** A scalar (string, number, true, false, null) as its compact JSON text. */
class JRaw {
  constructor(readonly text: string) {}
}
/**
 * An object as evanphx's partialDoc: a key list and a map. Parsed text with a duplicate key keeps
 * it twice in the list (with the last value), as Go's decoder reports it; a key in the list but
 * no longer in the map is written as null.
 */
class JObj {
  keys: string[] = [];
  map = new Map<string, JNode>();
  set(key: string, value: JNode): void {
    if (!this.keys.includes(key)) this.keys.push(key);
    this.map.set(key, value);
  }
  /** The parser's insertion: every occurrence is listed. */
  parsed(key: string, value: JNode): void {
    this.keys.push(key);
    this.map.set(key, value);
  }
  delete(key: string): void {
    this.map.delete(key);
    this.keys.splice(this.keys.indexOf(key), 1);
  }
}
class JArr {
  constructor(public items: JNode[] = []) {}
}
type JNode = JRaw | JObj | JArr;
type Container = JObj | JArr;

const NULL = new JRaw("null");

/** A JS value as a node. `sortKeys`: objects as Go encodes maps (values reaching a patch went through one). */
function fromValue(v: unknown, sortKeys: boolean): JNode {
  if (v === null || v === undefined) return NULL;
  if (typeof v === "bigint") return new JRaw(v.toString());
  if (Array.isArray(v)) return new JArr(v.map((x) => fromValue(x, sortKeys)));
  if (typeof v === "object") {
    const o = new JObj();
    const keys = Object.keys(v);
    if (sortKeys) keys.sort(byteOrder);
    for (const k of keys) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) o.set(k, fromValue(x, sortKeys));
    }
    return o;
  }
  return new JRaw(goJsonStringify(v));
}

function toValue(n: JNode, exactIntegers: boolean): unknown {
  if (n instanceof JRaw) {
    const v = JSON.parse(n.text);
    return exactIntegers && typeof v === "number" && !Number.isSafeInteger(v) && /^-?\d+$/.test(n.text) ? BigInt(n.text) : v;
  }
  if (n instanceof JArr) return n.items.map((x) => toValue(x, exactIntegers));
  const out: Record<string, unknown> = {};
  for (const k of n.keys) out[k] = n.map.has(k) ? toValue(n.map.get(k)!, exactIntegers) : null;
  return out;
}

function clone(n: JNode): JNode {
  if (n instanceof JRaw) return n;
  if (n instanceof JArr) return new JArr(n.items.map(clone));
  const o = new JObj();
  for (const k of n.keys) o.parsed(k, n.map.has(k) ? clone(n.map.get(k)!) : NULL);
  return o;
}

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

function cannotUnmarshal(n: JNode): string {
  const what = n instanceof JArr ? "array" : n instanceof JObj ? "object" : scalarKind(n.text);
  return `json: cannot unmarshal ${what} into Go value of type map[string]*jsonpatch.lazyNode`;
}

function scalarKind(text: string): string {
  if (text.startsWith('"')) return "string";
  if (text === "true" || text === "false") return "bool";
  if (text === "null") return "null";
  return "number";
}

/** Compact text as Go's encoder writes a raw message: `<`, `>`, `&`, U+2028, U+2029 escaped. */
function escapeRaw(text: string): string {
  return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function serialize(n: JNode): string {
  if (n instanceof JRaw) return escapeRaw(n.text);
  if (n instanceof JArr) return `[${n.items.map(serialize).join(",")}]`;
  // Keys are re-encoded by evanphx's encoder (forked from an older Go: \b and \f as \u0008, \u000c).
  return `{${n.keys.map((k) => `${goString(k, true)}:${n.map.has(k) ? serialize(n.map.get(k)!) : "null"}`).join(",")}}`;
}

/** Strict JSON parser keeping key order and the text of every scalar (json.Valid rules). */
function parseJsonText(text: string): JNode {
  let i = 0;
  const fail = (): never => {
    throw new JsonPatchError(i >= text.length ? "unexpected end of JSON input" : `invalid character ${JSON.stringify(text[i])} looking for beginning of value`);
  };
  const ws = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const str = (): string => {
    const start = i++;
    for (;;) {
      if (i >= text.length) fail();
      const c = text[i];
      if (c === '"') break;
      if (c < " ") fail();
      if (c === "\\") {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail();
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) fail();
        i += 2;
        continue;
      }
      i++;
    }
    i++;
    return text.slice(start, i);
  };
  const num = (): string => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
    return m![0];
  };
  const value = (): JNode => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const o = new JObj();
      ws();
      if (text[i] === "}") {
        i++;
        return o;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        const key = JSON.parse(str()) as string;
        ws();
        if (text[i] !== ":") fail();
        i++;
        o.parsed(key, value());
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return o;
        }
        fail();
      }
    }
    if (c === "[") {
      i++;
      const a = new JArr();
      ws();
      if (text[i] === "]") {
        i++;
        return a;
      }
      for (;;) {
        a.items.push(value());
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return a;
        }
        fail();
      }
    }
    if (c === '"') return new JRaw(str());
    for (const lit of ["true", "false", "null"]) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return lit === "null" ? NULL : new JRaw(lit);
      }
    }
    if (c === "-" || (c >= "0" && c <= "9")) return new JRaw(num());
    return fail();
  };
  const root = value();
  ws();
  if (i < text.length) throw new JsonPatchError(`invalid character ${JSON.stringify(text[i])} after top-level value`);
  return root;
}

// ---------------------------------------------------------------------------------------------
// Operations, following evanphx's Patch.add/remove/replace/move/copy/test.

function validatePatch(ops: readonly JsonPatchOperation[]): void {
  for (const op of ops) {
    if (!["add", "replace", "move", "copy", "remove", "test"].includes(op.op))
      throw new JsonPatchError(`invalid operation ${goJsonStringify(op)}: unsupported operation`);
  }
}

function applyOps(root: JNode, ops: readonly JsonPatchOperation[]): JNode {
  let doc = root as Container;
  for (const op of ops) {
    const value = () => fromValue(op.value, true);
    switch (op.op) {
      case "add":
        doc = add(doc, op.path, value());
        break;
      case "remove":
        remove(doc, op.path);
        break;
      case "replace":
        doc = replace(doc, op.path, value());
        break;
      case "move":
        move(doc, op.from ?? "", op.path);
        break;
      case "copy":
        copy(doc, op.from ?? "", op.path);
        break;
      case "test":
        test(doc, op.path, value());
        break;
    }
  }
  return doc;
}

/** evanphx's findObject: the container holding the last segment, and that (decoded) segment. */
function findObject(doc: Container, path: string): [Container, string] | undefined {
  const split = path.split("/");
  if (split.length < 2) return path === "" ? [doc, ""] : undefined;
  let cur: Container = doc;
  for (const part of split.slice(1, -1)) {
    const next = get(cur, decodeToken(part));
    if (!(next instanceof JObj) && !(next instanceof JArr)) return undefined;
    cur = next;
  }
  return [cur, decodeToken(split[split.length - 1])];
}

/** Go's strconv.Atoi, or undefined. */
function atoi(key: string): number | undefined {
  if (!/^[+-]?\d+$/.test(key)) return undefined;
  const n = Number(key);
  return Number.isSafeInteger(n) ? n : undefined;
}

function invalidIndex(i: number | string): string {
  return `Unable to access invalid index: ${i}: invalid index referenced`;
}

function atoiError(key: string): string {
  return `strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`;
}

/** container.get: the child, an Error for a bad index, or undefined for a missing key. */
function get(c: Container, key: string): JNode | Error | undefined {
  if (c instanceof JObj) return c.map.get(key);
  const idx = atoi(key);
  if (idx === undefined) return new Error(atoiError(key));
  let i = idx;
  if (i < 0) {
    if (i < -c.items.length) return new Error(invalidIndex(idx));
    i += c.items.length;
  }
  if (i >= c.items.length) return new Error(invalidIndex(i));
  return c.items[i];
}

/** container.add; throws with the inner message. */
function containerAdd(c: Container, key: string, value: JNode): void {
  if (c instanceof JObj) return c.set(key, value);
  if (key === "-") {
    c.items.push(value);
    return;
  }
  const idx = atoi(key);
  if (idx === undefined) throw new Error(`value was not a proper array index: '${key}': ${atoiError(key)}`);
  const size = c.items.length + 1;
  if (idx >= size) throw new Error(invalidIndex(idx));
  let i = idx;
  if (i < 0) {
    if (i < -size) throw new Error(invalidIndex(idx));
    i += size;
  }
  c.items.splice(i, 0, value);
}

/** container.remove; throws with the inner message. */
function containerRemove(c: Container, key: string): void {
  if (c instanceof JObj) {
    if (!c.map.has(key)) throw new Error(`unable to remove nonexistent key: ${key}: missing value`);
    c.delete(key);
    return;
  }
  const idx = atoi(key);
  if (idx === undefined) throw new Error(atoiError(key));
  let i = idx;
  if (i >= c.items.length) throw new Error(invalidIndex(idx));
  if (i < 0) {
    if (i < -c.items.length) throw new Error(invalidIndex(idx));
    i += c.items.length;
  }
  c.items.splice(i, 1);
}

function asRootContainer(value: JNode, op: string): Container {
  if (value instanceof JObj || value instanceof JArr) return value;
  if (op === "replace") throw new JsonPatchError("replace operation value must be object or array: <nil>");
  throw new JsonPatchError(cannotUnmarshal(value));
}

function add(doc: Container, path: string, value: JNode): Container {
  if (path === "") return asRootContainer(value, "add");
  const found = findObject(doc, path);
  if (!found) throw new JsonPatchError(`add operation does not apply: doc is missing path: "${path}": missing value`);
  try {
    containerAdd(found[0], found[1], value);
  } catch (e) {
    throw new JsonPatchError(`error in add for path: '${path}': ${(e as Error).message}`);
  }
  return doc;
}

function remove(doc: Container, path: string): void {
  const found = findObject(doc, path);
  if (!found) throw new JsonPatchError(`remove operation does not apply: doc is missing path: "${path}": missing value`);
  try {
    containerRemove(found[0], found[1]);
  } catch (e) {
    throw new JsonPatchError(`error in remove for path: '${path}': ${(e as Error).message}`);
  }
}

function replace(doc: Container, path: string, value: JNode): Container {
  if (path === "") return asRootContainer(value, "replace");
  const found = findObject(doc, path);
  if (!found) throw new JsonPatchError(`replace operation does not apply: doc is missing path: ${path}: missing value`);
  const [c, key] = found;
  // An object's get("") answers the object itself, so replacing key "" always succeeds.
  const current = c instanceof JObj && key === "" ? c : get(c, key);
  if (current === undefined || current instanceof Error) throw new JsonPatchError(`replace operation does not apply: doc is missing key: ${path}: missing value`);
  if (c instanceof JObj) c.set(key, value);
  else c.items[(atoi(key)! + c.items.length) % c.items.length] = value;
  return doc;
}

function move(doc: Container, from: string, path: string): void {
  if (from === "") throw new JsonPatchError("unable to move entire document to another path: invalid state detected");
  const src = findObject(doc, from);
  if (!src) throw new JsonPatchError(`move operation does not apply: doc is missing from path: ${from}: missing value`);
  const value = get(src[0], src[1]);
  if (value === undefined) throw new JsonPatchError(`error in move for path: '${src[1]}': unable to get nonexistent key: ${src[1]}: missing value`);
  if (value instanceof Error) throw new JsonPatchError(`error in move for path: '${src[1]}': ${value.message}`);
  try {
    containerRemove(src[0], src[1]);
  } catch (e) {
    throw new JsonPatchError(`error in move for path: '${src[1]}': ${(e as Error).message}`);
  }
  const dst = findObject(doc, path);
  if (!dst) throw new JsonPatchError(`move operation does not apply: doc is missing destination path: ${path}: missing value`);
  try {
    containerAdd(dst[0], dst[1], value);
  } catch (e) {
    throw new JsonPatchError(`error in move for path: '${path}': ${(e as Error).message}`);
  }
}

function copy(doc: Container, from: string, path: string): void {
  const src = findObject(doc, from);
  if (!src) throw new JsonPatchError(`copy operation does not apply: doc is missing from path: "${from}": missing value`);
  const value = src[0] instanceof JObj && src[1] === "" ? src[0] : get(src[0], src[1]);
  if (value === undefined) throw new JsonPatchError(`error in copy for from: '${from}': unable to get nonexistent key: ${src[1]}: missing value`);
  if (value instanceof Error) throw new JsonPatchError(`error in copy for from: '${from}': ${value.message}`);
  const dst = findObject(doc, path);
  if (!dst) throw new JsonPatchError(`copy operation does not apply: doc is missing destination path: ${path}: missing value`);
  try {
    containerAdd(dst[0], dst[1], clone(value));
  } catch (e) {
    throw new JsonPatchError(`error while adding value during copy: ${(e as Error).message}`);
  }
}

function test(doc: Container, path: string, value: JNode): void {
  const failed = () => new JsonPatchError(`testing value ${path} failed: test failed`);
  if (path === "") {
    if (!equal(doc, value)) throw failed();
    return;
  }
  const found = findObject(doc, path);
  if (!found) throw new JsonPatchError(`test operation does not apply: is missing path: ${path}: missing value`);
  const current = found[0] instanceof JObj && found[1] === "" ? found[0] : get(found[0], found[1]);
  if (current instanceof Error) throw new JsonPatchError(`error in test for path: '${path}': ${current.message}`);
  const isNull = (n: JNode | undefined) => n === undefined || (n instanceof JRaw && n.text === "null");
  // A missing member, or a null one, equals only a null value.
  if (isNull(current) || isNull(value)) {
    if (isNull(current) && isNull(value)) return;
    throw failed();
  }
  if (!equal(current!, value)) throw failed();
}

/** evanphx's lazyNode.equal: objects by key set, arrays in order, strings by value, other scalars by text. */
function equal(a: JNode, b: JNode): boolean {
  if (a instanceof JRaw || b instanceof JRaw) {
    if (!(a instanceof JRaw) || !(b instanceof JRaw)) return false;
    if (a.text.startsWith('"') && b.text.startsWith('"')) return JSON.parse(a.text) === JSON.parse(b.text);
    return a.text === b.text;
  }
  if (a instanceof JObj) {
    if (!(b instanceof JObj) || a.map.size !== b.map.size) return false;
    for (const [k, v] of a.map) {
      const w = b.map.get(k);
      if (w === undefined || !equal(v, w)) return false;
    }
    return true;
  }
  if (!(b instanceof JArr) || a.items.length !== b.items.length) return false;
  return a.items.every((v, i) => equal(v, b.items[i]));
}
