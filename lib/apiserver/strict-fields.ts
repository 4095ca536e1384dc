import type { ResourceDescriptor } from "../kube/resource-descriptor";
import type { KubeObject } from "../kube/types";
import { errors } from "../kube/errors";
import { unknownFieldPaths } from "../kube/validation/unknown-fields";
import type { JSONSchemaProps } from "../kube/validation/schema-types";

/**
 * `fieldValidation` (kube-api-surface.md §6): unknown fields of typed kinds are rejected
 * (Strict, 400 `strict decoding error: unknown field "spec.foo"`), reported as warnings (Warn,
 * the server default) or dropped silently (Ignore). Known fields come from the descriptor's
 * OpenAPI schema (lib/kube/validation walks it); metadata is checked against ObjectMeta.
 */
export type FieldValidation = "Strict" | "Warn" | "Ignore";

const OBJECT_META = new Set([
  "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
  "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers", "managedFields",
]);

export function parseFieldValidation(v: string | null | undefined): FieldValidation | undefined {
  if (!v) return undefined;
  if (v === "Strict" || v === "Warn" || v === "Ignore") return v;
  throw errors.badRequest(`fieldValidation must be one of "Ignore", "Warn" or "Strict", got "${v}"`);
}

/** Paths of fields the kind does not declare, as kube prints them ("spec.foo", "spec.items[0].x"). */
export function unknownFields(d: ResourceDescriptor, obj: KubeObject): string[] {
  const out = d.openAPISchema ? unknownFieldPaths(obj, d.openAPISchema as JSONSchemaProps) : [];
  const meta = obj.metadata;
  if (meta && typeof meta === "object") for (const k of Object.keys(meta)) if (!OBJECT_META.has(k)) out.push(`metadata.${k}`);
  return out;
}

/**
 * Applies the policy: throws 400 under Strict, appends warnings under Warn (default when the
 * client sent nothing, as kube-apiserver does), does nothing under Ignore. `duplicates` are the
 * keys the request body repeated (JSON.parse kept the last value; kube's decoder reports them).
 */
export function enforceFieldValidation(d: ResourceDescriptor, obj: KubeObject, mode: FieldValidation | undefined, warnings?: string[], duplicates: string[] = []): void {
  if (mode === "Ignore" || (mode === undefined && !warnings)) return;
  const messages = [...unknownFields(d, obj).map((p) => `unknown field "${p}"`), ...duplicates.map((k) => `duplicate field "${k}"`)];
  if (!messages.length) return;
  if (mode === "Strict") throw errors.badRequest(`strict decoding error: ${messages.join(", ")}`);
  warnings?.push(...messages);
}
