import type { JSONSchemaProps } from "../../../validation/schema-types";

/**
 * Small builders for the structural schemas of Karmada's CRD kinds. They produce the same
 * shapes controller-gen derives from Go types: properties and `required` sorted by name (so
 * validation causes come out in the order kube-apiserver reports them), int32/int64 formats,
 * and `x-kubernetes-preserve-unknown-fields` for raw JSON.
 */

export interface ObjectOptions {
  /** Fields without `omitempty`/`+optional` in the Go type. */
  required?: string[];
  /** Extra schema keywords (list/map types, defaults...). */
  extra?: JSONSchemaProps;
}

/** An object with named properties, keys and `required` sorted like controller-gen emits them. */
export function obj(properties: Record<string, JSONSchemaProps>, opts: ObjectOptions = {}): JSONSchemaProps {
  const sorted = Object.fromEntries(Object.keys(properties).sort().map((k) => [k, properties[k]]));
  const out: JSONSchemaProps = { type: "object", properties: sorted, ...opts.extra };
  if (opts.required?.length) out.required = [...opts.required].sort();
  return out;
}

/** A list of `items`, with optional extras such as minItems or x-kubernetes-list-type. */
export function list(items: JSONSchemaProps, extra: JSONSchemaProps = {}): JSONSchemaProps {
  return { type: "array", items, ...extra };
}

/** A string restricted to `values` (a kubebuilder Enum marker); order is kept for error messages. */
export function oneOf(values: string[], extra: JSONSchemaProps = {}): JSONSchemaProps {
  return { type: "string", enum: values, ...extra };
}

/** A plain string, optionally with a default or length/pattern bounds. */
export function str(extra: JSONSchemaProps = {}): JSONSchemaProps {
  return { type: "string", ...extra };
}

export const bool: JSONSchemaProps = { type: "boolean" };
/** Go `int`: controller-gen gives no format. */
export const int: JSONSchemaProps = { type: "integer" };

export function int32(extra: JSONSchemaProps = {}): JSONSchemaProps {
  return { type: "integer", format: "int32", ...extra };
}

export function int64(extra: JSONSchemaProps = {}): JSONSchemaProps {
  return { type: "integer", format: "int64", ...extra };
}

/** metav1.Time. */
export const dateTime: JSONSchemaProps = { type: "string", format: "date-time" };
/** map[string]string. */
export const strMap: JSONSchemaProps = { type: "object", additionalProperties: { type: "string" } };
/** []string. */
export const strList: JSONSchemaProps = list({ type: "string" });
/** []string marked `+listType=atomic` (core selector values). */
export const atomicStrList: JSONSchemaProps = list({ type: "string" }, { "x-kubernetes-list-type": "atomic" });

/** apiextensionsv1.JSON: any JSON value, kept as is. */
export const anyJSON: JSONSchemaProps = { "x-kubernetes-preserve-unknown-fields": true };
/** runtime.RawExtension marked PreserveUnknownFields: an object kept as is. */
export const rawObject: JSONSchemaProps = { type: "object", "x-kubernetes-preserve-unknown-fields": true };

/** The decimal/binary-SI/exponent syntax resource.Quantity accepts. */
export const QUANTITY_PATTERN = "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";

/** resource.Quantity: integer or a quantity string. */
export const quantity: JSONSchemaProps = {
  anyOf: [{ type: "integer" }, { type: "string" }],
  pattern: QUANTITY_PATTERN,
  "x-kubernetes-int-or-string": true,
};

/** corev1.ResourceList. */
export const resourceList: JSONSchemaProps = { type: "object", additionalProperties: quantity };

/** The top of every CRD kind: apiVersion, kind, metadata plus the kind's own parts. */
export function kindRoot(parts: Record<string, JSONSchemaProps>, required: string[]): JSONSchemaProps {
  return obj({ apiVersion: str(), kind: str(), metadata: { type: "object" }, ...parts }, { required });
}
