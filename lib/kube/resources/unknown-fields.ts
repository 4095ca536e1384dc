import type { KubeObject } from "../types";
import type { ResourceDescriptor } from "../resource-descriptor";
import type { JSONSchemaProps } from "../validation/schema-types";
import { unknownFieldPaths } from "../validation/unknown-fields";

/**
 * Messages for fields the kind's schema does not know, e.g. `unknown field "spec.foo"`, for
 * `fieldValidation=Strict` (400 BadRequest `strict decoding error: <messages joined by ", ">`)
 * and `Warn` (one Warning header per message). Call it on the request body before
 * `applyDefaults` (which prunes unknown fields of Karmada and CRD kinds). Built-in kinds have
 * only shallow schemas, so nothing is reported for them below the top level.
 */
export function unknownFields(d: ResourceDescriptor, obj: KubeObject): string[] {
  if (!d.openAPISchema) return [];
  return unknownFieldPaths(obj, d.openAPISchema as JSONSchemaProps).map((p) => `unknown field "${p}"`);
}
