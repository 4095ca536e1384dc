import type { JsonObject, JsonValue } from "../../kube/types";
import { patchBadRequest } from "./errors";
import { isJsonObject } from "./json-value";

/** Strategic merge patch directive keys (k8s.io/apimachinery/pkg/util/strategicpatch). */
export const DIRECTIVE_MARKER = "$patch";
export const RETAIN_KEYS = "$retainKeys";
export const SET_ELEMENT_ORDER_PREFIX = "$setElementOrder";
export const DELETE_FROM_PRIMITIVE_LIST_PREFIX = "$deleteFromPrimitiveList";

/** True for keys that only carry instructions and must never reach a stored object. */
export function isDirectiveKey(key: string): boolean {
  return (
    key === DIRECTIVE_MARKER ||
    key === RETAIN_KEYS ||
    key.startsWith(SET_ELEMENT_ORDER_PREFIX + "/") ||
    key.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX + "/")
  );
}

/**
 * The list field a `$setElementOrder/<f>` or `$deleteFromPrimitiveList/<f>` key refers to.
 * A key without the "/<f>" part is a 400, as kube-apiserver reports it.
 */
export function directiveTarget(key: string, prefix: string): string {
  const i = key.indexOf("/");
  if (i < 0 || key.slice(0, i) !== prefix) {
    throw patchBadRequest(
      prefix === SET_ELEMENT_ORDER_PREFIX
        ? "invalid patch format of setElementOrder list"
        : "invalid patch format of primitive list",
    );
  }
  return key.slice(i + 1);
}

/**
 * Prepares a patch value that is stored as is (the original had nothing to merge with): maps
 * carrying `$patch` vanish, directive keys are dropped and null members are discarded, as the
 * typed decode in kube-apiserver would. Returns undefined when the value must not be kept.
 */
export function cleanPatchValue(v: JsonValue): JsonValue | undefined {
  if (Array.isArray(v)) {
    const out: JsonValue[] = [];
    for (const item of v) {
      const c = cleanPatchValue(item);
      if (c !== undefined) out.push(c);
    }
    return out;
  }
  if (!isJsonObject(v)) return v;
  if (DIRECTIVE_MARKER in v) return undefined;
  const out: JsonObject = {};
  for (const k in v) {
    const x = v[k];
    if (x === null || isDirectiveKey(k)) continue;
    const c = cleanPatchValue(x);
    if (c !== undefined) out[k] = c;
  }
  return out;
}
