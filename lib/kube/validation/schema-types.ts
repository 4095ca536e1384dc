/**
 * The structural OpenAPI v3 subset that CustomResourceDefinitions use (apiextensions.k8s.io/v1
 * JSONSchemaProps), as far as Flotilla evaluates it.
 */
export interface JSONSchemaProps {
  type?: "object" | "array" | "string" | "integer" | "number" | "boolean";
  properties?: Record<string, JSONSchemaProps>;
  additionalProperties?: JSONSchemaProps | boolean;
  items?: JSONSchemaProps;
  required?: string[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  nullable?: boolean;
  default?: unknown;
  anyOf?: JSONSchemaProps[];
  allOf?: JSONSchemaProps[];
  oneOf?: JSONSchemaProps[];
  "x-kubernetes-preserve-unknown-fields"?: boolean;
  "x-kubernetes-int-or-string"?: boolean;
  "x-kubernetes-embedded-resource"?: boolean;
  "x-kubernetes-list-type"?: string;
  "x-kubernetes-map-type"?: string;
  [extension: string]: unknown;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Go-style type name of a JSON value, as kube-openapi prints it in type errors. */
export function jsonTypeName(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

/** Appends a child to a field path the way apimachinery's field.Path prints it. */
export function childPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

export function indexPath(path: string, i: number): string {
  return `${path}[${i}]`;
}

/** Map keys render as `path[key]` in apimachinery paths. */
export function keyPath(path: string, key: string): string {
  return `${path}[${key}]`;
}
