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
