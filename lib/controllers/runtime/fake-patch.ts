import { errors } from "../../kube/errors";

/**
 * Minimal patch engines for the fake client only (the real server uses lib/apiserver/patch).
 * Enough for reconciler tests: RFC 7386 merge patch and RFC 6902 JSON patch.
 */

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** RFC 7386: objects merge recursively, null deletes, everything else replaces. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return structuredClone(patch);
  const out: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

interface Op {
  op: "add" | "remove" | "replace" | "move" | "copy" | "test";
  path: string;
  from?: string;
  value?: Json;
}

/** RFC 6902 JSON patch; a failed op or test answers 422 like the API server. */
export function jsonPatch(target: Json, ops: unknown): Json {
  if (!Array.isArray(ops)) throw errors.badRequest("json patch must be an array of operations");
  let doc = structuredClone(target);
  for (const op of ops as Op[]) doc = applyOp(doc, op);
  return doc;
}

function applyOp(doc: Json, op: Op): Json {
  switch (op.op) {
    case "add":
      return setAt(doc, op.path, structuredClone(op.value), "add");
    case "replace":
      getAt(doc, op.path);
      return setAt(doc, op.path, structuredClone(op.value), "replace");
    case "remove":
      return removeAt(doc, op.path);
    case "move": {
      const v = getAt(doc, op.from ?? "");
      return setAt(removeAt(doc, op.from ?? ""), op.path, v, "add");
    }
    case "copy":
      return setAt(doc, op.path, structuredClone(getAt(doc, op.from ?? "")), "add");
    case "test":
      if (JSON.stringify(getAt(doc, op.path)) !== JSON.stringify(op.value)) throw failed(`testing value ${op.path} failed`);
      return doc;
    default:
      throw errors.badRequest(`unknown json patch operation ${(op as { op: string }).op}`);
  }
}

function tokens(path: string): string[] {
  if (path === "") return [];
  return path.slice(1).split("/").map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function failed(message: string) {
  return errors.invalid("Patch", "", [{ message }]);
}

function getAt(doc: Json, path: string): Json {
  let cur = doc;
  for (const t of tokens(path)) {
    if (Array.isArray(cur)) cur = cur[Number(t)];
    else if (isObject(cur) && t in cur) cur = cur[t];
    else throw failed(`doc is missing path: ${path}`);
    if (cur === undefined) throw failed(`doc is missing path: ${path}`);
  }
  return cur;
}

function parentOf(doc: Json, path: string): { parent: Json; last: string } {
  const ts = tokens(path);
  const last = ts.pop();
  if (last === undefined) throw failed("cannot patch the document root");
  const parentPath = ts.length ? "/" + ts.map((t) => t.replace(/~/g, "~0").replace(/\//g, "~1")).join("/") : "";
  return { parent: getAt(doc, parentPath), last };
}

function setAt(doc: Json, path: string, value: Json, mode: "add" | "replace"): Json {
  if (path === "") return value;
  const { parent, last } = parentOf(doc, path);
  if (Array.isArray(parent)) {
    const i = last === "-" ? parent.length : Number(last);
    if (!Number.isInteger(i) || i < 0 || i > parent.length) throw failed(`index out of range: ${path}`);
    if (mode === "add") parent.splice(i, 0, value);
    else parent[i] = value;
  } else if (isObject(parent)) parent[last] = value;
  else throw failed(`doc is missing path: ${path}`);
  return doc;
}

function removeAt(doc: Json, path: string): Json {
  getAt(doc, path);
  const { parent, last } = parentOf(doc, path);
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (isObject(parent)) delete parent[last];
  return doc;
}
