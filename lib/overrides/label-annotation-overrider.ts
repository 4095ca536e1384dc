import type { KubeObject } from "../kube/types";
import type { LabelAnnotationOverrider } from "../kube/karmada";
import type { JsonPatchOperation } from "./json-patch";
import { escapePointerToken } from "./json-patch";

/**
 * JSON patches for one labelsOverrider/annotationsOverrider (Karmada's
 * `buildLabelAnnotationOverriderPatches`): one operation per key of `value`, with the
 * overrider's operator. `replace` and `remove` of a key the object does not have are skipped
 * (not errors); `add` first creates an empty map when the object has none.
 * Keys are processed in sorted order so the patch list is deterministic.
 */
export function labelAnnotationPatches(
  field: "labels" | "annotations",
  obj: KubeObject,
  overrider: LabelAnnotationOverrider,
): JsonPatchOperation[] {
  const current = obj.metadata?.[field];
  const patches: JsonPatchOperation[] = [];
  const entries = Object.entries(overrider.value ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let ensured = current !== undefined && current !== null;
  for (const [key, value] of entries) {
    if (overrider.operator === "remove" || overrider.operator === "replace") {
      if (!current || !Object.prototype.hasOwnProperty.call(current, key)) continue;
    } else if (overrider.operator === "add" && !ensured) {
      patches.push({ op: "add", path: `/metadata/${field}`, value: {} });
      ensured = true;
    }
    patches.push({ op: overrider.operator, path: `/metadata/${field}/${escapePointerToken(key)}`, value });
  }
  return patches;
}
