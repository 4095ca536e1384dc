import type { KubeObject } from "../kube/types";
import type { CommandArgsOverrider } from "../kube/karmada";
import type { JsonPatchOperation } from "./json-patch";
import { podSpecPointer } from "./pod-spec-paths";
import { goFormatFloat } from "./go-yaml";

/**
 * JSON patches for one commandOverrider or argsOverrider (Karmada's
 * `buildCommandArgsPatches`). Every container (not init container) whose name equals
 * `containerName` gets one patch: `add` of the new list when the field is absent, `replace`
 * otherwise. `add` appends the values; `remove` drops every occurrence of each value; any other
 * operator leaves the list as it is. Unsupported kinds get no patches.
 */
export function commandArgsPatches(target: "command" | "args", obj: KubeObject, overrider: CommandArgsOverrider): JsonPatchOperation[] {
  const prefix = podSpecPointer(obj.kind);
  if (!prefix) return [];
  const containers = nestedSlice(obj, `${prefix}/containers`);
  if (!containers?.length) return [];
  const patches: JsonPatchOperation[] = [];
  containers.forEach((c, i) => {
    const container = (c ?? {}) as Record<string, unknown>;
    if (container.name !== overrider.containerName) return;
    const path = `${prefix}/containers/${i}/${target}`;
    const existing = container[target];
    if (existing === undefined || existing === null) {
      patches.push({ op: "add", path, value: overrideList([], overrider) });
      return;
    }
    const current = Array.isArray(existing) ? existing.map(goFormatS) : [];
    patches.push({ op: "replace", path, value: overrideList(current, overrider) });
  });
  return patches;
}

function overrideList(current: string[], overrider: CommandArgsOverrider): string[] {
  const values = overrider.value ?? [];
  switch (overrider.operator) {
    case "add":
      return [...current, ...values];
    case "remove":
      return current.filter((v) => !values.includes(v));
    default:
      return current;
  }
}

/**
 * unstructured.NestedSlice: the list at the path, undefined when a segment is missing, and an
 * error (as Karmada's) when something on the way is not a map or the end is not a list.
 */
function nestedSlice(obj: KubeObject, pointer: string): unknown[] | undefined {
  const fields = pointer.slice(1).split("/");
  let cur: unknown = obj;
  for (let i = 0; i < fields.length; i++) {
    if (cur === null || cur === undefined) return undefined;
    if (typeof cur !== "object" || Array.isArray(cur)) throw accessorError(fields, i, cur, "map[string]interface{}");
    if (!Object.prototype.hasOwnProperty.call(cur, fields[i])) return undefined;
    cur = (cur as Record<string, unknown>)[fields[i]];
  }
  if (cur === null || cur === undefined) return undefined;
  if (!Array.isArray(cur)) throw accessorError(fields, fields.length, cur, "[]interface{}");
  return cur;
}

function accessorError(fields: string[], upTo: number, value: unknown, expected: string): Error {
  const path = `.${fields.slice(0, Math.max(upTo, 1)).join(".")}`;
  return new Error(
    `failed to retrieves path(${fields.join("/")}) from rawObj, error: ${path} accessor error: ${goFormatV(value)} is of the type ${goTypeName(value)}, expected ${expected}`,
  );
}

function goTypeName(v: unknown): string {
  if (Array.isArray(v)) return "[]interface {}";
  if (v !== null && typeof v === "object") return "map[string]interface {}";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int64" : "float64";
  return "<nil>";
}

/** Go's %v of a decoded JSON scalar (maps and lists approximated). */
function goFormatV(v: unknown): string {
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : goFormatFloat(v);
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return `[${v.map(goFormatV).join(" ")}]`;
  if (typeof v === "object") {
    const keys = Object.keys(v).sort();
    return `map[${keys.map((k) => `${k}:${goFormatV((v as Record<string, unknown>)[k])}`).join(" ")}]`;
  }
  return String(v);
}

/** fmt.Sprintf("%s", v) of a decoded JSON value: strings as they are, anything else Go's %!s(type=value). */
function goFormatS(v: unknown): string {
  if (typeof v === "string") return v;
  if (v === null || v === undefined) return "%!s(<nil>)";
  if (typeof v === "number" || typeof v === "boolean") return `%!s(${goTypeName(v)}=${goFormatV(v)})`;
  if (Array.isArray(v)) return `[${v.map(goFormatS).join(" ")}]`;
  const keys = Object.keys(v as object).sort();
  return `map[${keys.map((k) => `${k}:${goFormatS((v as Record<string, unknown>)[k])}`).join(" ")}]`;
}
