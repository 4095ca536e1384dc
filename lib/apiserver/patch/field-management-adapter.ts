import type { FieldManagement } from "../field-management";
import { defaultFieldManager, updateManagedFieldsForUpdate } from "./managed-fields";

/**
 * The write pipeline's FieldManagement backed by this module: creates and non-apply updates
 * record Update ownership in metadata.managedFields, in place. A missing manager falls back to
 * `userAgent` when the caller passes one, else "unknown" (see defaultFieldManager).
 */
export const patchFieldManagement: FieldManagement = {
  onCreate(args) {
    const { obj, apiVersion, now } = args;
    const manager = defaultFieldManager(args.manager, (args as { userAgent?: string }).userAgent);
    obj.metadata.managedFields = updateManagedFieldsForUpdate({ updated: obj, manager, apiVersion, now: now.toISOString() });
  },
  onUpdate(args) {
    const { old, obj, apiVersion, now, subresource } = args;
    const manager = defaultFieldManager(args.manager, (args as { userAgent?: string }).userAgent);
    obj.metadata.managedFields = updateManagedFieldsForUpdate({ old, updated: obj, manager, apiVersion, now: now.toISOString(), subresource });
  },
};
