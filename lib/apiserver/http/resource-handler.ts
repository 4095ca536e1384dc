import type { ResourceDescriptor } from "../../kube/resource-descriptor";
import type { KubeObject } from "../../kube/types";
import { errors } from "../../kube/errors";
import type { ObjectApi, WriteQuery } from "../object-api";
import { deleteCollection, deleteObject, type DeleteQuery } from "../object-delete";
import { acceptedPatchTypes, patchObject } from "../object-patch";
import { unsupportedPatchType } from "../patch/index";
import { getScale, writeScale } from "../scale";
import { toTable, type IncludeObject, type TableVersion } from "../table";
import { contentTypeOf, includeObjectPolicy, wantsTable } from "./negotiation";
import { defaultFieldManager, type RequestQuery } from "./query";
import { bodyDuplicates, decodeObject, decodeText, readBody } from "./request-body";
import type { ApiRequest, ApiResponse } from "./api-message";
import { jsonResponse } from "./responses";
import type { ResourceRoute } from "./router";
import { watchResponse } from "./watch-stream";
import { finalizeNamespace } from "../namespace-finalize";

/**
 * The verbs of one resource over HTTP: decodes the request, calls ObjectApi, encodes the answer
 * (Tables when asked, Warning headers, 201 on create). Routing and auth happen before this.
 */
export interface ResourceRequest {
  req: ApiRequest;
  route: ResourceRoute;
  d: ResourceDescriptor;
  query: RequestQuery;
  api: ObjectApi;
  now: () => Date;
}

export async function handleResource(r: ResourceRequest): Promise<ApiResponse> {
  const { route, d } = r;
  if (route.namespace !== undefined && !d.namespaced) throw errors.notFoundMessage("the server could not find the requested resource");
  const sub = route.subresource;
  if (sub && !(sub === "status" && d.subresources.status) && !(sub === "scale" && d.subresources.scale) && !(sub === "finalize" && d.plural === "namespaces"))
    throw errors.notFoundMessage("the server could not find the requested resource");
  if (route.name === undefined) return collection(r);
  if (sub === "scale") return scale(r);
  return item(r);
}

function tableOf(r: ResourceRequest): { version: TableVersion; includeObject: IncludeObject } | undefined {
  const version = wantsTable(r.req.headers.get("accept"));
  return version && { version, includeObject: includeObjectPolicy(r.query.includeObject) };
}

function writeQuery(r: ResourceRequest, warnings: string[], body?: { type: string; bytes: Uint8Array }): WriteQuery {
  return {
    duplicateFields: body && r.query.fieldValidation !== "Ignore" ? bodyDuplicates(body.type, body.bytes) : undefined,
    dryRun: r.query.dryRun,
    fieldManager: r.query.fieldManager ?? defaultFieldManager(r.req.headers.get("user-agent")),
    fieldValidation: r.query.fieldValidation,
    warnings,
  };
}

function withWarnings(body: unknown, status: number, warnings: string[]): ApiResponse {
  const res = jsonResponse(body, status);
  if (warnings.length) res.headers.warning = warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  return res;
}

async function collection(r: ResourceRequest): Promise<ApiResponse> {
  const { req, d, query, api, route } = r;
  const namespace = route.namespace;
  const list = { namespace, labelSelector: query.labelSelector, fieldSelector: query.fieldSelector, limit: query.limit, continue: query.continue };
  switch (req.method) {
    case "GET": {
      requireVerb(d, query.watch ? "watch" : "list");
      const table = tableOf(r);
      if (query.watch) {
        return watchResponse(api, d, { ...list, resourceVersion: query.resourceVersion, allowWatchBookmarks: query.allowWatchBookmarks, sendInitialEvents: query.sendInitialEvents }, {
          signal: req.signal,
          timeoutSeconds: query.timeoutSeconds,
          allowWatchBookmarks: query.allowWatchBookmarks,
          table,
          now: r.now,
        });
      }
      const result = await api.list(d, list);
      if (table) return jsonResponse(toTable(d, result.items, { ...table, now: r.now() }, result.metadata));
      return jsonResponse(result);
    }
    case "POST": {
      requireVerb(d, "create");
      if (d.namespaced && namespace === undefined) throw errors.methodNotAllowed(`the server does not allow this method on the requested resource`);
      const type = contentTypeOf(req.headers.get("content-type"));
      const bytes = await readBody(req);
      const body = decodeObject(type, bytes);
      const warnings: string[] = [];
      const created = await api.create(d, namespace, body, writeQuery(r, warnings, { type, bytes }));
      return withWarnings(created, 201, warnings);
    }
    case "DELETE": {
      requireVerb(d, "deletecollection");
      const deleted = await deleteCollection(api, d, list, await deleteQuery(r));
      return jsonResponse({ apiVersion: d.group ? `${d.group}/${d.version}` : d.version, kind: d.listKind, metadata: {}, items: deleted });
    }
    default:
      throw methodNotAllowed();
  }
}

async function item(r: ResourceRequest): Promise<ApiResponse> {
  const { req, d, query, api, route } = r;
  const name = route.name!;
  const namespace = route.namespace;
  const sub = route.subresource as "status" | "finalize" | undefined;
  const warnings: string[] = [];
  switch (req.method) {
    case "GET": {
      requireVerb(d, "get");
      const obj = await api.get(d, namespace, name);
      const table = tableOf(r);
      return jsonResponse(table ? toTable(d, [obj], { ...table, now: r.now() }, { resourceVersion: obj.metadata.resourceVersion }) : obj);
    }
    case "PUT": {
      requireVerb(d, "update");
      const type = contentTypeOf(req.headers.get("content-type"));
      const bytes = await readBody(req);
      const body = decodeObject(type, bytes);
      if (sub === "finalize") return jsonResponse(await finalizeNamespace(api, d, name, body, writeQuery(r, warnings)));
      const updated = await api.update(d, namespace, name, body, { ...writeQuery(r, warnings, { type, bytes }), subresource: sub });
      return withWarnings(updated, 200, warnings);
    }
    case "PATCH": {
      requireVerb(d, "patch");
      if (sub === "finalize") throw methodNotAllowed();
      const type = contentTypeOf(req.headers.get("content-type"));
      const bytes = await readBody(req);
      const body = await decodePatchBody(type, bytes, acceptedPatchTypes(api, d));
      const res = await patchObject(api, d, namespace, name, type, body, { ...writeQuery(r, warnings, { type, bytes }), fieldManager: r.query.fieldManager ?? (type === "application/apply-patch+yaml" ? undefined : defaultFieldManager(req.headers.get("user-agent"))), force: query.force, subresource: sub });
      return withWarnings(res.object, res.created ? 201 : 200, warnings);
    }
    case "DELETE": {
      requireVerb(d, "delete");
      if (sub) throw methodNotAllowed();
      return jsonResponse(await deleteObject(api, d, namespace, name, await deleteQuery(r)));
    }
    default:
      throw methodNotAllowed();
  }
}

async function scale(r: ResourceRequest): Promise<ApiResponse> {
  const { req, d, api, route } = r;
  const name = route.name!;
  const q = writeQuery(r, []);
  switch (req.method) {
    case "GET":
      return jsonResponse(await getScale(api, d, route.namespace, name));
    case "PUT": {
      const body = decodeObject(contentTypeOf(req.headers.get("content-type")), await readBody(req));
      return jsonResponse(await writeScale(api, d, route.namespace, name, { put: body }, q));
    }
    case "PATCH": {
      const type = contentTypeOf(req.headers.get("content-type"));
      const patch = await decodePatchBody(type, await readBody(req));
      return jsonResponse(await writeScale(api, d, route.namespace, name, { patchType: type, patch }, q));
    }
    default:
      throw methodNotAllowed();
  }
}

const PATCH_TYPES = new Set([
  "application/json-patch+json",
  "application/merge-patch+json",
  "application/strategic-merge-patch+json",
  "application/apply-patch+yaml",
]);

async function decodePatchBody(type: string, bytes: Uint8Array, accepted?: readonly string[]): Promise<unknown> {
  // Like kube, a PATCH with a non-patch type lists the patch types this resource accepts.
  if (!PATCH_TYPES.has(type) || (accepted && !accepted.includes(type))) throw unsupportedPatchType(accepted ?? [...PATCH_TYPES]);
  return decodeText(bytes, type === "application/apply-patch+yaml");
}

async function deleteQuery(r: ResourceRequest): Promise<DeleteQuery> {
  const bytes = await readBody(r.req);
  let body: Record<string, unknown> = {};
  if (bytes.byteLength && new TextDecoder().decode(bytes).trim()) body = decodeText(bytes, false) as Record<string, unknown>;
  const policy = (body.propagationPolicy as string | undefined) ?? r.query.propagationPolicy ?? (body.orphanDependents === true ? "Orphan" : undefined);
  if (policy !== undefined && policy !== "Orphan" && policy !== "Background" && policy !== "Foreground")
    throw errors.badRequest(`propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`);
  const dryRun = Array.isArray(body.dryRun) ? body.dryRun.includes("All") : r.query.dryRun;
  return { propagationPolicy: policy as DeleteQuery["propagationPolicy"], preconditions: body.preconditions as DeleteQuery["preconditions"], dryRun };
}

function requireVerb(d: ResourceDescriptor, verb: string): void {
  if (!d.verbs.includes(verb)) throw methodNotAllowed();
}

function methodNotAllowed() {
  return errors.methodNotAllowed("the server does not allow this method on the requested resource");
}

export type { KubeObject };
