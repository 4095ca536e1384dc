import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import type { KubeObject } from "../kube/types";
import type { FieldOverrider, SubPathOverrider } from "../kube/karmada";
import type { JsonPatchOperation } from "./json-patch";
import { applyJsonPatch, applyJsonPatchToText, getAtPointer, parsePointer } from "./json-patch";

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
  // evanphx patches the bytes themselves: key order, number and string text are kept.
  return applyJsonPatchToText(text, subOps(ops));
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
    sortMapEntries: (a, b) => goYamlKeyCompare(keyText(a.key), keyText(b.key)),
    indentSeq: false,
    lineWidth: 80,
    blockQuote: "literal",
  });
}

/** A map key (a scalar node, or the plain value) as text. */
function keyText(key: unknown): string {
  return String(key !== null && typeof key === "object" && "value" in key ? (key as { value: unknown }).value : key);
}

/**
 * The order go-yaml v2 writes map keys in (its keyList.Less on strings): letters by code point,
 * anything else before letters, runs of digits compared as numbers ("a2" before "a10").
 */
export function goYamlKeyCompare(a: string, b: string): number {
  return goYamlKeyLess(a, b) ? -1 : goYamlKeyLess(b, a) ? 1 : 0;
}

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string) => /\p{Nd}/u.test(c);

function goYamlKeyLess(x: string, y: string): boolean {
  const ar = Array.from(x);
  const br = Array.from(y);
  const code = (c: string) => c.codePointAt(0)!;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return code(ar[i]) < code(br[i]);
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === "0" || br[i] === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== "0") {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + (code(ar[ai]) - 48);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + (code(br[bi]) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return code(ar[i]) < code(br[i]);
  }
  return ar.length < br.length;
}
