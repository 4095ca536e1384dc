import { parseAllDocuments } from "yaml";
import type { KubeObject } from "../kube/types";
import type { FieldOverrider, SubPathOverrider } from "../kube/karmada";
import type { JsonPatchOperation } from "./json-patch";
import { applyJsonPatch, applyJsonPatchToText, getAtPointer, parsePointer } from "./json-patch";
import { goYamlMarshal } from "./go-yaml";

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
 * sigs.k8s.io/yaml's YAMLToJSON as far as values go: the first document, read as YAML 1.1
 * (yes/no/on/off are booleans, 0777 is octal) with go-yaml v2's exceptions: timestamps stay
 * strings and sexagesimal numbers (1:20) are strings; a later duplicate key wins; integers are
 * exact; .inf and .nan cannot be written as JSON.
 */
function yamlToJson(text: string): unknown {
  const docs = parseAllDocuments(text, {
    version: "1.1",
    intAsBigInt: true, // go-yaml keeps int64/uint64 exact
    uniqueKeys: false,
    customTags: (tags) => tags.filter((t) => typeof t === "string" || (t.tag !== "tag:yaml.org,2002:timestamp" && t.format !== "TIME")),
  });
  const first = Array.isArray(docs) ? docs[0] : undefined;
  if (!first) return null;
  if (first.errors.length) throw first.errors[0];
  const value = first.toJS({ maxAliasCount: -1 }) ?? null;
  checkFinite(value);
  return value;
}

function checkFinite(v: unknown): void {
  if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`json: unsupported value: ${Number.isNaN(v) ? "NaN" : v > 0 ? "+Inf" : "-Inf"}`);
  if (v !== null && typeof v === "object") for (const x of Object.values(v)) checkFinite(x);
}
