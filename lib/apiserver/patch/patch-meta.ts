import type { PatchMeta } from "./patch-meta-types";
import { builtinKindMeta, genericObjectMeta } from "./schemas/builtin-kinds";

export type { PatchMeta } from "./patch-meta-types";
export { atomicList, fieldMeta, isNamedField, keyedList, mapOf, setList, struct } from "./patch-meta-types";

/** Media types every resource accepts for PATCH. */
export const PATCH_TYPES_COMMON = [
  "application/json-patch+json",
  "application/merge-patch+json",
  "application/apply-patch+yaml",
] as const;

/** Media types a built-in kind accepts for PATCH (kube's order). */
export const PATCH_TYPES_BUILTIN = [
  "application/json-patch+json",
  "application/merge-patch+json",
  "application/strategic-merge-patch+json",
  "application/apply-patch+yaml",
] as const;

/**
 * Strategic merge patch metadata of a built-in kind, or undefined for kinds SMP does not
 * support (custom resources: kube-apiserver answers 415 there, see supportsStrategicMergePatch).
 */
export function patchMetaFor(apiVersion: string, kind: string): PatchMeta | undefined {
  return builtinKindMeta[`${apiVersion}/${kind}`];
}

/** True when kube-apiserver accepts `application/strategic-merge-patch+json` for the kind. */
export function supportsStrategicMergePatch(apiVersion: string, kind: string): boolean {
  return patchMetaFor(apiVersion, kind) !== undefined;
}

/**
 * Schema used by server-side apply and managedFields for any kind: the built-in schema when
 * known, else ObjectMeta plus deduced rules (objects granular, lists atomic), which is how
 * Kubernetes treats custom resources without list markers.
 */
export function fieldSchemaFor(apiVersion: string, kind: string): PatchMeta {
  return patchMetaFor(apiVersion, kind) ?? genericObjectMeta;
}
