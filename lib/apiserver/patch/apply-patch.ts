import type { KubeObject } from "../../kube/types";
import { unsupportedPatchType } from "./errors";
import { applyJsonPatch } from "./json-patch";
import { applyMergePatch } from "./merge-patch";
import { PATCH_TYPES_BUILTIN, PATCH_TYPES_COMMON, patchMetaFor } from "./patch-meta";
import { applyStrategicMergePatch } from "./strategic-merge-patch";

/** PATCH media types a kind accepts, in kube's order (SMP only for built-in kinds). */
export function supportedPatchTypes(apiVersion: string, kind: string): readonly string[] {
  return patchMetaFor(apiVersion, kind) ? PATCH_TYPES_BUILTIN : PATCH_TYPES_COMMON;
}

/**
 * Applies a non-apply PATCH body to the live object by Content-Type (parameters such as
 * "; charset=utf-8" are ignored). Unsupported types, including strategic merge patch on custom
 * resources, are the 415 kube-apiserver answers. Server-side apply is separate (serverSideApply),
 * and the caller still records managedFields and checks resourceVersion preconditions.
 */
export function applyPatchByType(contentType: string, live: KubeObject, body: unknown): KubeObject {
  const type = contentType.split(";")[0].trim().toLowerCase();
  const accepted = supportedPatchTypes(live.apiVersion, live.kind);
  if (!accepted.includes(type) || type === "application/apply-patch+yaml") throw unsupportedPatchType(accepted);
  switch (type) {
    case "application/json-patch+json":
      return applyJsonPatch(live, body);
    case "application/merge-patch+json":
      return applyMergePatch(live, body);
    default:
      return applyStrategicMergePatch(live, body, patchMetaFor(live.apiVersion, live.kind));
  }
}
