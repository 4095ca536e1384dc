import { createHash } from "node:crypto";
import type { ResourceDescriptor } from "../kube/resource-descriptor";
import type { ResourceRegistry } from "../kube/resources/registry";
import type { JsonObject } from "../kube/types";
import { servedGroups } from "./discovery";

/**
 * OpenAPI documents, only as far as kubectl needs them (kube-api-surface.md §6): a v3 index,
 * per-group-version v3 documents whose PATCH operations accept `fieldValidation` (so kubectl
 * leaves validation to the server), and the minimal 32-byte v2 protobuf document.
 */

/** swagger "2.0", info {title "Kubernetes", version "v1.32.0"}, empty paths and definitions. */
export const OPENAPI_V2_PROTOBUF = Buffer.from("0a03322e3012150a0a4b756265726e65746573120776312e33322e3042004a00", "hex");
/** A Content-Type Go's mime.ParseMediaType accepts (the request's `@` form does not parse). */
export const OPENAPI_V2_PROTOBUF_CONTENT_TYPE = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

export const OPENAPI_V2_JSON = { swagger: "2.0", info: { title: "Kubernetes", version: "v1.32.0" }, paths: {}, definitions: {} };

function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

/** `GET /openapi/v3`: one entry per served group-version, with a content hash for caching. */
export function openAPIV3Index(registry: ResourceRegistry, gitVersion: string) {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const g of servedGroups(registry)) {
    for (const v of g.versions) {
      const doc = openAPIV3Document(registry, g.group, v, gitVersion);
      const hash = createHash("sha512").update(JSON.stringify(doc)).digest("hex").slice(0, 128).toUpperCase();
      paths[gvPath(g.group, v)] = { serverRelativeURL: `/openapi/v3/${gvPath(g.group, v)}?hash=${hash}` };
    }
  }
  return { paths };
}

const QUERY = (name: string, description: string) => ({ name, in: "query", description, schema: { type: "string", uniqueItems: true } });

function patchOperation(d: ResourceDescriptor, schemaRef: string) {
  const body = { schema: { $ref: schemaRef } };
  return {
    description: `partially update the specified ${d.kind}`,
    operationId: `patch${d.kind}`,
    parameters: [
      QUERY("dryRun", "When present, indicates that modifications should not be persisted."),
      QUERY("fieldManager", "fieldManager is a name associated with the actor or entity that is making these changes."),
      QUERY("fieldValidation", "fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields."),
      { name: "force", in: "query", description: "Force is going to force Apply requests.", schema: { type: "boolean", uniqueItems: true } },
    ],
    // No strategic-merge-patch entry: without patch metadata in the schemas kubectl would try to
    // build the patch from them (it uses its compiled-in types for built-ins instead).
    requestBody: {
      content: { "application/apply-patch+yaml": body, "application/json-patch+json": body, "application/merge-patch+json": body },
      required: true,
    },
    responses: { "200": { description: "OK", content: { "application/json": { schema: { $ref: schemaRef } } } } },
    "x-kubernetes-action": "patch",
    "x-kubernetes-group-version-kind": { group: d.group, version: d.version, kind: d.kind },
  };
}

function schemaName(d: ResourceDescriptor): string {
  const reversed = (d.group || "core").split(".").reverse().join(".");
  return `${reversed}.${d.version}.${d.kind}`;
}

/** `GET /openapi/v3/<api/v1 | apis/g/v>`: an OpenAPI 3.0 document; undefined when not served. */
export function openAPIV3Document(registry: ResourceRegistry, group: string, version: string, gitVersion: string) {
  const ds = registry.all().filter((d) => d.group === group && d.version === version);
  if (!ds.length) return undefined;
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, JsonObject> = {};
  for (const d of ds.sort((a, b) => a.plural.localeCompare(b.plural))) {
    const name = schemaName(d);
    schemas[name] = {
      ...(d.openAPISchema ?? { type: "object", "x-kubernetes-preserve-unknown-fields": true }),
      "x-kubernetes-group-version-kind": [{ group: d.group, version: d.version, kind: d.kind }],
    } as JsonObject;
    const base = `/${gvPath(group, version)}${d.namespaced ? "/namespaces/{namespace}" : ""}/${d.plural}/{name}`;
    paths[base] = { patch: patchOperation(d, `#/components/schemas/${name}`) };
  }
  return { openapi: "3.0.0", info: { title: "Kubernetes", version: gitVersion }, paths, components: { schemas } };
}
