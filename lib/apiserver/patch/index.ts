/**
 * Patch semantics of kube-apiserver as pure functions: JSON patch, merge patch, strategic
 * merge patch, managedFields and server-side apply. No I/O; the API handlers call these.
 */
export * from "./errors";
export * from "./json-pointer";
export * from "./json-patch";
export * from "./merge-patch";
export { cloneJson, isJsonObject, jsonEqual } from "./json-value";
export * from "./patch-meta";
export { applyStrategicMergePatch } from "./strategic-merge-patch";
export { FieldSet, pathString } from "./field-set";
export { toFieldSet, compareObjects } from "./field-walk";
export type { Comparison } from "./field-walk";
export {
  decodeManagedFields,
  defaultFieldManager,
  encodeManagedFields,
  managedFieldsTime,
  updateManagedFieldsForUpdate,
} from "./managed-fields";
export type { ManagerRecord } from "./managed-fields";
export { LAST_APPLIED_ANNOTATION, serverSideApply } from "./server-side-apply";
export type { ServerSideApplyArgs } from "./server-side-apply";
export { patchFieldManagement } from "./field-management-adapter";
export { applyPatchByType, supportedPatchTypes } from "./apply-patch";
