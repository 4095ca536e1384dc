import type { KubeObject } from "../kube/types";
import { applyStrategicMergePatch, patchMetaFor, supportsStrategicMergePatch } from "./patch/index";
import type { FieldManagement } from "./field-management";

/**
 * FieldManagement backed by lib/apiserver/patch: strategic merge patch for built-in kinds.
 * managedFields upkeep and server-side apply plug in here as the patch module provides them.
 */
export function patchModuleEngine(): FieldManagement {
  return {
    onCreate() {},
    onUpdate() {},
    supportsStrategicMerge: supportsStrategicMergePatch,
    strategicMerge: ({ doc, patch, apiVersion, kind }) => applyStrategicMergePatch(doc, patch, patchMetaFor(apiVersion, kind)) as KubeObject,
  };
}
