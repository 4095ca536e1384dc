import { parseAllDocuments, type ScalarTag } from "yaml";
import type { KubeObject } from "../kube/types";
import type { FieldOverrider, SubPathOverrider } from "../kube/karmada";
import type { JsonPatchOperation } from "./json-patch";
import { applyJsonPatch, applyJsonPatchToText, getAtPointer, parsePointer } from "./json-patch";
import { goResolve, goYamlMarshal, resolvesToNonString } from "./go-yaml";

/**
 * The single `replace` patch produced by one fieldOverrider (Karmada's `applyFieldOverriders`):
 * the string at `fieldPath` is parsed as YAML (when `yaml` operations are given, preferred) or
 * JSON (when `json` operations are given), patched with the sub-path operations and written
 * back as text. YAML comes back as sigs.k8s.io/yaml writes it (see go-yaml.ts); JSON comes back
 * as evanphx/json-patch writes it (see json-patch.ts). With neither list the field becomes "" (Karmada
 * does exactly that). Throws when the path is missing or does not hold a string.
 */
export function fieldOverriderPatch(obj: KubeObject, overrider: FieldOverrider): JsonPatchOperation {
  const path = overrider.fieldPath;
  parsePointer(path); // validates the pointer syntax
  const current = getAtPointer(obj, path);
  if (current === undefined) throw new Error(`Get value by overrider's path(${path}) err: path not found`);
  if (typeof current !== "string") throw new Error(`Get object's value by overrider's path(${path}) is not string`);
  let next = "";
  if (overrider.yaml?.length) next = patchYaml(current, overrider.yaml);
  else if (overrider.json?.length) next = patchJson(current, overrider.json);
  return { op: "replace", path, value: next };
}

function subOps(ops: SubPathOverrider[]): JsonPatchOperation[] {
  return ops.map((o) => ({ op: o.operator, path: o.subPath, value: o.value ?? null }));
}

function patchJson(text: string, ops: SubPathOverrider[]): string {
  // evanphx patches the bytes themselves: key order, number and string text are kept.
  return applyJsonPatchToText(text, subOps(ops));
}

function patchYaml(text: string, ops: SubPathOverrider[]): string {
  let doc: unknown;
  try {
    doc = yamlToJson(text);
  } catch (e) {
    throw new Error(`Failed to convert yaml to json: ${(e as Error).message}`);
  }
  return goYamlMarshal(applyJsonPatch(doc, subOps(ops), { exactIntegers: true }));
}

/**
 * sigs.k8s.io/yaml's YAMLToJSON as far as values go: the first document, plain scalars resolved
 * by go-yaml v2's rules (yes/no/on/off are booleans, 0777 is octal, timestamps and sexagesimal
 * numbers stay strings, integers exact), merge keys merged, a later duplicate key wins; .inf and
 * .nan cannot be written as JSON.
 */
function yamlToJson(text: string): unknown {
  const docs = parseAllDocuments(text, {
    version: "1.1",
    merge: true,
    uniqueKeys: false,
    // Plain scalars resolve as go-yaml v2's resolve does; the 1.1 schema's own scalar types
    // (which read timestamps, sexagesimals and 0o17 differently) are left out.
    customTags: (tags) => [...tags.filter((t) => (typeof t !== "string" && (t as { collection?: string }).collection !== undefined) || isKept(t)), GO_PLAIN_SCALAR],
  });
  const first = Array.isArray(docs) ? docs[0] : undefined;
  if (!first) return null;
  if (first.errors.length) throw first.errors[0];
  return jsonable(first.toJS({ maxAliasCount: -1, mapAsMap: true }) ?? null);
}

const KEPT_SCALAR_TAGS = new Set(["tag:yaml.org,2002:str", "tag:yaml.org,2002:binary", "tag:yaml.org,2002:merge"]);

function isKept(t: unknown): boolean {
  return typeof t === "object" && t !== null && KEPT_SCALAR_TAGS.has((t as { tag: string }).tag);
}

/** Every untagged plain scalar that go-yaml v2 would not read as a string. */
const GO_PLAIN_SCALAR: ScalarTag = {
  tag: "tag:yaml.org,2002:go-v2-plain",
  default: true,
  test: { test: (s: string) => resolvesToNonString(s) } as unknown as RegExp,
  resolve: (s: string) => goResolve(s).value as never,
};

/**
 * sigs.k8s.io/yaml's convertToJSONableObject plus json.Marshal's limits: map keys become strings
 * (ints in decimal, floats with strconv 'g' at float32 precision, booleans as true/false), other
 * key types fail, and so do .inf and .nan.
 */
function jsonable(v: unknown): unknown {
  if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`json: unsupported value: ${Number.isNaN(v) ? "NaN" : v > 0 ? "+Inf" : "-Inf"}`);
  if (Array.isArray(v)) return v.map(jsonable);
  if (v instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of v) out[jsonKey(k, x)] = jsonable(x);
    return out;
  }
  if (v instanceof Set) return jsonable(new Map([...v].map((k) => [k, null])));
  return v;
}

function jsonKey(k: unknown, value: unknown): string {
  if (typeof k === "string") return k;
  if (typeof k === "boolean") return k ? "true" : "false";
  if (typeof k === "bigint" && k >= -(2n ** 63n) && k < 2n ** 63n) return k.toString();
  if (typeof k === "number") {
    if (!Number.isFinite(k)) return Number.isNaN(k) ? ".nan" : k > 0 ? ".inf" : "-.inf";
    return goFormatFloat32(k);
  }
  const type = k === null ? "<nil>" : typeof k === "bigint" ? "uint64" : Array.isArray(k) ? "[]interface {}" : "map[interface {}]interface {}";
  throw new Error(`unsupported map key of type: ${type}, key: ${String(k)}, value: ${JSON.stringify(value) ?? String(value)}`);
}

/** strconv.FormatFloat(f, 'g', -1, 32): the shortest digits that read back as the same float32. */
function goFormatFloat32(f: number): string {
  const target = Math.fround(f);
  let digits = target.toExponential();
  for (let p = 1; p <= 9; p++) {
    const candidate = target.toExponential(p - 1);
    if (Math.fround(Number(candidate)) === target) {
      digits = candidate;
      break;
    }
  }
  const [m, e] = digits.split("e");
  const n = Number(e);
  const mantissa = m.includes(".") ? m.replace(/0+$/, "").replace(/\.$/, "") : m;
  if (n < -4 || n >= 6) return `${mantissa}e${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
  return String(Number(`${mantissa}e${n}`));
}
