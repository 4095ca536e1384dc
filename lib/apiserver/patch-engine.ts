import type { KubeObject } from "../kube/types";
import {
  applyStrategicMergePatch,
  patchMetaFor,
  serverSideApply,
  supportsStrategicMergePatch,
  updateManagedFieldsForUpdate,
} from "./patch/index";
import type { FieldManagement } from "./field-management";
import { formatTime } from "./object-utils";

/** Manager recorded when a client names none and sends no User-Agent. */
const UNKNOWN_MANAGER = "unknown";

/**
 * FieldManagement backed by lib/apiserver/patch: managedFields upkeep on every write,
 * server-side apply, and strategic merge patch for built-in kinds.
 */
export function patchModuleEngine(): FieldManagement {
  return {
    onCreate({ obj, manager, apiVersion, now }) {
      obj.metadata.managedFields = updateManagedFieldsForUpdate({ updated: obj, manager: manager ?? UNKNOWN_MANAGER, apiVersion, now: formatTime(now) });
    },
    onUpdate({ old, obj, manager, apiVersion, now, subresource }) {
      obj.metadata.managedFields = updateManagedFieldsForUpdate({ old, updated: obj, manager: manager ?? UNKNOWN_MANAGER, apiVersion, now: formatTime(now), subresource });
    },
    apply: ({ live, applied, manager, force, apiVersion, now, subresource }) =>
      serverSideApply({ live, applied, manager, force, apiVersion, now: formatTime(now), subresource }),
    supportsStrategicMerge: supportsStrategicMergePatch,
    strategicMerge: ({ doc, patch, apiVersion, kind }) => applyStrategicMergePatch(doc, patch, patchMetaFor(apiVersion, kind)) as KubeObject,
  };
}
