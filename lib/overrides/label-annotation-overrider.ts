import type { KubeObject } from "../kube/types";
import type { LabelAnnotationOverrider } from "../kube/karmada";
import type { JsonPatchOperation } from "./json-patch";

/**
 * JSON patches for one labelsOverrider/annotationsOverrider (Karmada's
 * `buildLabelAnnotationOverriderPatches`): one operation per key of `value`, with the
 * overrider's operator. `replace` and `remove` of a key the object does not have are skipped
 * (not errors); `add` first creates an empty map when the object has none (or has something
 * that is not a map of strings, which Karmada overwrites the same way). Keys are processed in
 * sorted order so the patch list is deterministic (Karmada's follows Go's map order).
 */
export function labelAnnotationPatches(
  field: "labels" | "annotations",
  obj: KubeObject,
  overrider: LabelAnnotationOverrider,
): JsonPatchOperation[] {
  const current = stringMap(obj.metadata?.[field]);
  const patches: JsonPatchOperation[] = [];
  const entries = Object.entries(overrider.value ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let ensured = current !== undefined;
  for (const [key, value] of entries) {
    if (overrider.operator === "remove" || overrider.operator === "replace") {
      if (!current || !Object.prototype.hasOwnProperty.call(current, key)) continue;
    } else if (overrider.operator === "add" && !ensured) {
      patches.push({ op: "add", path: `/metadata/${field}`, value: {} });
      ensured = true;
    }
    // Karmada escapes only "/" ("~" cannot occur in a valid label or annotation key).
    patches.push({ op: overrider.operator, path: `/metadata/${field}/${key.replace(/\//g, "~1")}`, value });
  }
  return patches;
}

/** unstructured.NestedStringMap: the map when it is an object of strings, else undefined. */
function stringMap(v: unknown): Record<string, string> | undefined {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return undefined;
  return Object.values(v).every((x) => typeof x === "string") ? (v as Record<string, string>) : undefined;
}
