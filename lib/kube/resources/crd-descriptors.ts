import type { KubeObject, JsonObject, StatusCause } from "../types";
import type { PrinterColumn, ResourceDescriptor } from "../resource-descriptor";
import type { JSONSchemaProps } from "../validation/schema-types";
import { compileJsonPath, evaluateJsonPath } from "./jsonpath";
import { validateStructural } from "../validation/structural";
import { applySchemaDefaults } from "../validation/defaults";
import { pruneUnknownFields } from "../validation/unknown-fields";
import { updateBaseline } from "../validation/update-baseline";
import { rec, arr, str } from "./format";

/** apiextensions.k8s.io/v1 CustomResourceColumnDefinition. */
export interface CRDColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
  jsonPath: string;
}

export const CRD_VERBS = ["delete", "deletecollection", "get", "list", "patch", "create", "update", "watch"];

/** Columns of a CRD version without additionalPrinterColumns: kube shows only the age. */
const DEFAULT_CRD_COLUMNS: CRDColumn[] = [{ name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp" }];

/**
 * One descriptor per served version of a CustomResourceDefinition: names and scope for
 * discovery, the version's printer columns (JSONPath evaluated like kube's CRD table
 * convertor: first match only), status/scale subresources, structural defaulting plus pruning
 * of unknown fields in `applyDefaults`, and validation against `openAPIV3Schema`.
 */
export function descriptorsFromCRD(crd: KubeObject): ResourceDescriptor[] {
  const spec = rec(crd.spec);
  const names = rec(spec.names);
  const group = str(spec.group);
  const namespaced = spec.scope !== "Cluster";
  return arr(spec.versions)
    .filter((v) => v.served !== false)
    .map((v) => {
      const schema = rec(rec(v.schema).openAPIV3Schema) as JSONSchemaProps;
      const subresources = rec(v.subresources);
      const cols = (v.additionalPrinterColumns as CRDColumn[] | undefined) ?? DEFAULT_CRD_COLUMNS;
      const d: ResourceDescriptor = {
        group,
        version: str(v.name),
        kind: str(names.kind),
        listKind: str(names.listKind) || `${str(names.kind)}List`,
        plural: str(names.plural),
        singular: str(names.singular) || str(names.kind).toLowerCase(),
        namespaced,
        shortNames: arr<string>(names.shortNames),
        categories: arr<string>(names.categories),
        verbs: CRD_VERBS,
        subresources: { status: subresources.status !== undefined, scale: subresources.scale !== undefined },
        nameValidation: "dns1123-subdomain",
        columns: cols.map(columnFromCRD),
        applyDefaults: (obj) => {
          // Inside an update, subtrees shared with the stored object are skipped (update-baseline.ts).
          const old = updateBaseline();
          pruneUnknownFields(obj, schema, old);
          applySchemaDefaults(obj, schema, old);
        },
        validate: (obj, old) => validateCustomResource(obj, schema, old),
        openAPISchema: schema as JsonObject,
        fromCRD: crd.metadata.name,
      };
      return d;
    });
}

/**
 * Structural validation of a custom resource, metadata excluded (ObjectMeta has its own rules).
 * On updates, subtrees that still hold `old`'s very value (same reference: the spec of a
 * status write, what a merge patch did not touch) are not walked again: they were valid when
 * stored, and kube's validation ratcheting accepts unchanged values anyway.
 */
export function validateCustomResource(obj: KubeObject, schema: JSONSchemaProps, old?: KubeObject): StatusCause[] {
  const { metadata, ...rest } = obj;
  const rootSchema: JSONSchemaProps = { ...schema, properties: { ...schema.properties } };
  delete rootSchema.properties!.metadata;
  // apiVersion and kind are set by the server path; the schema's "required" may not list them.
  return validateStructural(rest, rootSchema, "", old);
}

/** A Table column from a CRD printer column definition. */
export function columnFromCRD(c: CRDColumn): PrinterColumn {
  const path = compileJsonPath(c.jsonPath);
  const type = (["string", "integer", "number", "boolean", "date"].includes(c.type) ? c.type : "string") as PrinterColumn["type"];
  const col: PrinterColumn = {
    name: c.name,
    type,
    cell: (obj) => cellFor(type, evaluateJsonPath(path, obj)[0]),
  };
  if (c.format) col.format = c.format;
  if (c.description) col.description = c.description;
  if (c.priority) col.priority = c.priority;
  return col;
}

function cellFor(type: PrinterColumn["type"], v: unknown): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  switch (type) {
    case "string":
      return typeof v === "object" ? JSON.stringify(v) : String(v);
    case "integer":
      return typeof v === "number" && Number.isInteger(v) ? v : null;
    case "number":
      return typeof v === "number" ? v : null;
    case "boolean":
      return typeof v === "boolean" ? v : null;
    case "date":
      return typeof v === "string" ? v : null;
  }
}
