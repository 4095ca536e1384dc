import type { ResourceDescriptor } from "../kube/resource-descriptor";
import type { KubeObject } from "../kube/types";
import { errors } from "../kube/errors";

/**
 * `fieldValidation` (kube-api-surface.md §6): unknown fields of typed kinds are rejected
 * (Strict, 400 `strict decoding error: unknown field "spec.foo"`), reported as warnings (Warn,
 * the server default) or dropped silently (Ignore). Known fields come from the descriptor's
 * OpenAPI schema; kinds without one are only checked at the top level and in metadata.
 */
export type FieldValidation = "Strict" | "Warn" | "Ignore";

const TOP_LEVEL = new Set(["apiVersion", "kind", "metadata"]);
const OBJECT_META = new Set([
  "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
  "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers", "managedFields",
]);

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  "x-kubernetes-preserve-unknown-fields"?: boolean;
  "x-kubernetes-embedded-resource"?: boolean;
  "x-kubernetes-int-or-string"?: boolean;
}

export function parseFieldValidation(v: string | null | undefined): FieldValidation | undefined {
  if (!v) return undefined;
  if (v === "Strict" || v === "Warn" || v === "Ignore") return v;
  throw errors.badRequest(`fieldValidation must be one of "Ignore", "Warn" or "Strict", got "${v}"`);
}

/** Paths of fields the kind does not declare, as kube prints them ("spec.foo", "spec.items[0].x"). */
export function unknownFields(d: ResourceDescriptor, obj: KubeObject): string[] {
  const out: string[] = [];
  const schema = d.openAPISchema as Schema | undefined;
  for (const [k, v] of Object.entries(obj)) {
    if (TOP_LEVEL.has(k)) continue;
    if (!schema?.properties) continue;
    const sub = schema.properties[k];
    if (!sub) out.push(k);
    else walk(v, sub, k, out);
  }
  const meta = obj.metadata;
  if (meta && typeof meta === "object") for (const k of Object.keys(meta)) if (!OBJECT_META.has(k)) out.push(`metadata.${k}`);
  return out;
}

function walk(value: unknown, schema: Schema, path: string, out: string[]): void {
  if (schema["x-kubernetes-preserve-unknown-fields"] || schema["x-kubernetes-embedded-resource"]) return;
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((v, i) => walk(v, schema.items!, `${path}[${i}]`, out));
    return;
  }
  if (!value || typeof value !== "object") return;
  if (schema.properties) {
    for (const [k, v] of Object.entries(value)) {
      const sub = schema.properties[k];
      if (sub) walk(v, sub, `${path}.${k}`, out);
      else if (!schema.additionalProperties) out.push(`${path}.${k}`);
    }
  } else if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
    for (const [k, v] of Object.entries(value)) walk(v, schema.additionalProperties, `${path}.${k}`, out);
  }
}

/**
 * Applies the policy: throws 400 under Strict, appends warnings under Warn (default when the
 * client sent nothing, as kube-apiserver does), does nothing under Ignore.
 */
export function enforceFieldValidation(d: ResourceDescriptor, obj: KubeObject, mode: FieldValidation | undefined, warnings?: string[]): void {
  if (mode === "Ignore" || (mode === undefined && !warnings)) return;
  const unknown = unknownFields(d, obj);
  if (!unknown.length) return;
  const messages = unknown.map((p) => `unknown field "${p}"`);
  if (mode === "Strict") throw errors.badRequest(`strict decoding error: ${messages.join(", ")}`);
  warnings?.push(...messages);
}
