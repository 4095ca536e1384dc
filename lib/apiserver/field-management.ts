import type { KubeObject } from "../kube/types";

/**
 * The patch machinery that lives in lib/apiserver/patch, seen through the few calls the verbs
 * make: managedFields upkeep on create/update, server-side apply and strategic merge patch.
 * `noFieldManagement` lets bare servers and tests run without it.
 */
export interface FieldManagement {
  /** Records `manager` as owner (operation Update) of every field of a new object, in place. */
  onCreate(args: { obj: KubeObject; manager?: string; apiVersion: string; now: Date }): void;
  /** Updates `obj.metadata.managedFields` in place for a non-apply write of `old` → `obj`. */
  onUpdate(args: { old: KubeObject; obj: KubeObject; manager?: string; apiVersion: string; now: Date; subresource?: string }): void;
  /**
   * Server-side apply: merges `applied` into `live` (undefined = create) for `manager` and
   * returns the result with managedFields. Throws 409 Conflict (FieldManagerConflict causes)
   * unless `force`. Absent = the server answers 415 to apply patches.
   */
  apply?(args: { live?: KubeObject; applied: KubeObject; manager: string; force: boolean; apiVersion: string; now: Date; subresource?: string }): KubeObject;
  /** Strategic merge patch of a built-in kind, returning a new object (`doc` is the stored object: never modified); absent = 415 for SMP. */
  strategicMerge?(args: { doc: KubeObject; patch: unknown; apiVersion: string; kind: string }): KubeObject;
  /** Whether SMP is accepted for this kind (built-ins only; custom resources answer 415). */
  supportsStrategicMerge?(apiVersion: string, kind: string): boolean;
}

/** Leaves managedFields as the client sent them. */
export const noFieldManagement: FieldManagement = {
  onCreate() {},
  onUpdate() {},
};
