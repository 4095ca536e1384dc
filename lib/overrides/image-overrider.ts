import type { KubeObject } from "../kube/types";
import type { ImageOverrider } from "../kube/karmada";
import type { JsonPatchOperation } from "./json-patch";
import { getAtPointer } from "./json-patch";
import { parseImage } from "./image-parser";
import { podSpecPointer } from "./pod-spec-paths";

/**
 * JSON patches for one imageOverrider (Karmada's `buildPatches`): always `replace` operations
 * on image strings. Without a predicate every container of a supported workload kind
 * (Pod, ReplicaSet, Deployment, DaemonSet, StatefulSet, Job; init containers excluded) is
 * rewritten; with a predicate only the image at `predicate.path`, for any kind.
 * Throws an Error when an image cannot be parsed or the predicate path does not lead to a string.
 */
export function imageOverriderPatches(obj: KubeObject, overrider: ImageOverrider): JsonPatchOperation[] {
  if (overrider.predicate) {
    const path = overrider.predicate.path;
    let current: string;
    try {
      current = imageAtPredicatePath(obj, path);
    } catch (e) {
      throw new Error(`failed to obtain imageValue with predicate path(${path}), error: ${(e as Error).message}`);
    }
    return [replaceImage(path, current, overrider)];
  }
  const prefix = podSpecPointer(obj.kind);
  if (!prefix) return [];
  const containers = getAtPointer(obj, `${prefix}/containers`);
  if (!Array.isArray(containers)) return [];
  return containers.map((c, i) => {
    const image = (c as { image?: unknown } | null)?.image;
    return replaceImage(`${prefix}/containers/${i}/image`, typeof image === "string" ? image : "", overrider);
  });
}

/**
 * Walks the predicate path the way Karmada does: segments split on "/", a list consumes the
 * next segment as its index, and the last segment must name a string field.
 */
function imageAtPredicatePath(obj: KubeObject, path: string): string {
  const segments = path.replace(/^\/+|\/+$/g, "").split("/");
  let current = obj as Record<string, unknown>;
  for (let i = 0; i < segments.length - 1; i++) {
    const next = current[segments[i]];
    if (Array.isArray(next)) {
      const token = segments[i + 1];
      if (!/^[-+]?\d+$/.test(token)) throw new Error(`path(${token}) of rawObj's is not number`);
      const item = next[Number(token)];
      if (!item || typeof item !== "object" || Array.isArray(item)) throw new Error(`path(${token}) of rawObj's is out of range or not an object`);
      current = item as Record<string, unknown>;
      i++;
    } else if (next && typeof next === "object") {
      current = next as Record<string, unknown>;
    } else {
      throw new Error(`path(${segments[i]}) of rawObj's type is not map[string]interface{} and []interface{}`);
    }
  }
  const last = segments[segments.length - 1];
  const value = current[last];
  if (typeof value !== "string") throw new Error(`failed to convert path(${last}) to string`);
  return value;
}

function replaceImage(path: string, current: string, overrider: ImageOverrider): JsonPatchOperation {
  if (!path.startsWith("/")) throw new Error("imagePath should be start with / character");
  return { op: "replace", path, value: overrideImage(current, overrider) };
}

/** Applies the component/operator of an imageOverrider to one image reference. */
export function overrideImage(image: string, overrider: ImageOverrider): string {
  let c;
  try {
    c = parseImage(image);
  } catch (e) {
    throw new Error(`failed to parse image value(${image}), error: ${(e as Error).message}`);
  }
  const value = overrider.value ?? "";
  switch (overrider.component) {
    case "Registry":
      if (overrider.operator === "add") c.hostname += value;
      else if (overrider.operator === "replace") c.hostname = value;
      else if (overrider.operator === "remove") c.hostname = "";
      return c.toString();
    case "Repository":
      if (overrider.operator === "add") c.repository += value;
      else if (overrider.operator === "replace") c.repository = value;
      else if (overrider.operator === "remove") c.repository = "";
      return c.toString();
    case "Tag":
      if (overrider.operator === "add") c.setTagOrDigest(c.tagOrDigest() + value);
      else if (overrider.operator === "replace") c.setTagOrDigest(value);
      else if (overrider.operator === "remove") c.removeTagOrDigest();
      return c.toString();
    default:
      throw new Error(`unsupported image component(${String(overrider.component)})`);
  }
}
