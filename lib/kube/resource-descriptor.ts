import type { KubeObject, StatusCause, JsonObject } from "./types";

/**
 * Everything the generic API machinery needs to know about one resource (a kind at one
 * group/version). Built-in kinds, Karmada kinds and CRD-defined kinds all become descriptors;
 * discovery, OpenAPI, Tables, validation, defaulting, field selectors and the UI's generic
 * tables are derived from them.
 */
export interface PrinterColumn {
  name: string;
  type: "string" | "integer" | "number" | "boolean" | "date";
  format?: string;
  description?: string;
  /** 0 = always shown; > 0 only with `kubectl get -o wide`. */
  priority?: number;
  /** The cell for one object. For type "date" return the ISO timestamp; the Table layer renders it as an age. */
  cell: (obj: KubeObject) => string | number | boolean | null | undefined;
}

export type NameValidation = "dns1123-subdomain" | "dns1123-label" | "path-segment";

export interface ResourceDescriptor {
  group: string;
  version: string;
  kind: string;
  listKind: string;
  /** Plural lower-case resource name, e.g. "deployments". */
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  verbs: string[];
  subresources: { status?: boolean; scale?: boolean };
  nameValidation: NameValidation;
  /** Columns after NAME (and NAMESPACE with -A); AGE is included explicitly where kubectl shows it. */
  columns?: PrinterColumn[];
  /** Field selector labels beyond metadata.name and metadata.namespace (e.g. involvedObject.name for events). */
  fieldLabels?: Record<string, (obj: KubeObject) => string | undefined>;
  /** Fills server-side defaults in place, on create and update (e.g. Deployment spec.replicas = 1). */
  applyDefaults?: (obj: KubeObject) => void;
  /** Full validation; each cause has `field` as Kubernetes prints it (e.g. "spec.placement.clusterAffinity"). */
  validate?: (obj: KubeObject, old?: KubeObject) => StatusCause[];
  /** OpenAPI v3 schema of the kind, for /openapi/v3 (optional; a permissive object schema is used otherwise). */
  openAPISchema?: JsonObject;
  /** Set for kinds served because a CustomResourceDefinition defines them. */
  fromCRD?: string;
}

export function apiVersionOf(d: Pick<ResourceDescriptor, "group" | "version">): string {
  return d.group ? `${d.group}/${d.version}` : d.version;
}

/** The resource name as Kubernetes prints it in messages, e.g. "deployments.apps" or "configmaps". */
export function qualifiedResource(d: Pick<ResourceDescriptor, "group" | "plural">): string {
  return d.group ? `${d.plural}.${d.group}` : d.plural;
}
