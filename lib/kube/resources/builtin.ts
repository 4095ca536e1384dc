import type { KubeObject } from "../types";
import type { NameValidation, PrinterColumn, ResourceDescriptor } from "../resource-descriptor";
import { builtinSchema } from "./builtin-schemas";

export const STANDARD_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

/** The AGE column: the Table layer renders the creation timestamp as an age. */
export const AGE: PrinterColumn = {
  name: "Age",
  type: "date",
  description:
    "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
  cell: (obj: KubeObject) => obj.metadata.creationTimestamp,
};

export interface BuiltinSpec {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  verbs?: string[];
  subresources?: ResourceDescriptor["subresources"];
  nameValidation?: NameValidation;
  columns?: PrinterColumn[];
  fieldLabels?: ResourceDescriptor["fieldLabels"];
  applyDefaults?: ResourceDescriptor["applyDefaults"];
  validate?: ResourceDescriptor["validate"];
  openAPISchema?: ResourceDescriptor["openAPISchema"];
}

/**
 * Fills the derivable facts of a built-in kind (listKind, singular, standard verbs, a shallow
 * OpenAPI schema) so each kind file only states what is particular to it.
 */
export function builtin(s: BuiltinSpec): ResourceDescriptor {
  return {
    group: s.group,
    version: s.version,
    kind: s.kind,
    listKind: `${s.kind}List`,
    plural: s.plural,
    singular: s.kind.toLowerCase(),
    namespaced: s.namespaced,
    shortNames: s.shortNames ?? [],
    categories: s.categories ?? [],
    verbs: s.verbs ?? STANDARD_VERBS,
    subresources: s.subresources ?? {},
    nameValidation: s.nameValidation ?? "dns1123-subdomain",
    columns: s.columns ?? [AGE],
    fieldLabels: s.fieldLabels,
    applyDefaults: s.applyDefaults,
    validate: s.validate,
    openAPISchema: s.openAPISchema ?? builtinSchema(s.group, s.version, s.kind) ?? shallowSchema(s.group, s.version, s.kind),
  };
}

/** A permissive object schema naming the kind, enough for /openapi/v3 and editors. */
export function shallowSchema(group: string, version: string, kind: string): NonNullable<ResourceDescriptor["openAPISchema"]> {
  return {
    type: "object",
    "x-kubernetes-group-version-kind": [{ group, version, kind }],
    properties: {
      apiVersion: { type: "string" },
      kind: { type: "string" },
      metadata: { type: "object" },
      spec: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
      status: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
    },
    "x-kubernetes-preserve-unknown-fields": true,
  };
}

/** A column with the common defaults filled. */
export function col(name: string, type: PrinterColumn["type"], cell: PrinterColumn["cell"], opts: { priority?: number; description?: string } = {}): PrinterColumn {
  const c: PrinterColumn = { name, type, cell };
  if (opts.priority) c.priority = opts.priority;
  if (opts.description) c.description = opts.description;
  return c;
}

/** Ensures `obj[key]` is an object and returns it (defaulting helpers write into it). */
export function ensureObj(obj: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = obj[key];
  if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
  const created: Record<string, unknown> = {};
  obj[key] = created;
  return created;
}

/** Sets `obj[key] = value` when the field is absent (undefined or null). */
export function setDefault(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (obj[key] === undefined || obj[key] === null) obj[key] = value;
}
