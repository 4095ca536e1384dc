import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import type { KubeObject } from "../kube/types";
import type { FieldOverrider, SubPathOverrider } from "../kube/karmada";
import type { JsonPatchOperation } from "./json-patch";
import { applyJsonPatch, getAtPointer, parsePointer } from "./json-patch";

/**
 * The single `replace` patch produced by one fieldOverrider (Karmada's `applyFieldOverriders`):
 * the string at `fieldPath` is parsed as YAML (when `yaml` operations are given, preferred) or
 * JSON (when `json` operations are given), patched with the sub-path operations and written
 * back as text. YAML comes back in Go's sigs.k8s.io/yaml style (sorted keys, block style, list
 * items not indented); JSON comes back compact. With neither list the field becomes "" (Karmada
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
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`Error applying raw JSON patch: ${(e as Error).message}`);
  }
  return JSON.stringify(applyJsonPatch(doc, subOps(ops)));
}

function patchYaml(text: string, ops: SubPathOverrider[]): string {
  let doc: unknown;
  try {
    // sigs.k8s.io/yaml reads YAML 1.1 (yes/no/on/off are booleans).
    doc = parseYaml(text, { version: "1.1" }) ?? null;
  } catch (e) {
    throw new Error(`Failed to convert yaml to json: ${(e as Error).message}`);
  }
  const patched = applyJsonPatch(doc, subOps(ops));
  return stringifyYaml(patched, {
    version: "1.1",
    sortMapEntries: true,
    indentSeq: false,
    lineWidth: 80,
    blockQuote: "literal",
  });
}
