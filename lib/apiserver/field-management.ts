import type { KubeObject } from "../kube/types";

/**
 * How writes maintain metadata.managedFields. The real implementation sits on the patch module
 * (lib/apiserver/patch); tests and bare servers can run without it.
 */
export interface FieldManagement {
  /** Records `manager` as owner (operation Update) of every field of a new object, in place. */
  onCreate(args: { obj: KubeObject; manager?: string; apiVersion: string; now: Date }): void;
  /** Updates `obj.metadata.managedFields` in place for a non-apply write of `old` → `obj`. */
  onUpdate(args: { old: KubeObject; obj: KubeObject; manager?: string; apiVersion: string; now: Date; subresource?: string }): void;
}

/** Leaves managedFields as the client sent them. */
export const noFieldManagement: FieldManagement = {
  onCreate() {},
  onUpdate() {},
};
