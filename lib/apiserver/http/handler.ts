import type { ResourceRegistry } from "../../kube/resources/registry";
import { errors } from "../../kube/errors";
import type { ObjectApi } from "../object-api";
import type { Authorizer, UserInfo, VersionInfo } from "../options";
import { authorizeRequest, requestAttributes } from "./authorize";
import { aggregatedContentType, aggregatedDiscovery, apiGroupDocument, apiGroupList, apiResourceList, apiVersions } from "../discovery";
import { OPENAPI_V2_JSON, OPENAPI_V2_PROTOBUF, OPENAPI_V2_PROTOBUF_CONTENT_TYPE, openAPIV3Document, openAPIV3Index } from "../openapi";
import { parseMediaTypes, wantsAggregatedDiscovery } from "./negotiation";
import { parseQuery } from "./query";
import { handleResource } from "./resource-handler";
import { toWebResponse, type ApiRequest, type ApiResponse } from "./api-message";
import { errorResponse, jsonResponse } from "./responses";
import { parseRoute, type Route } from "./router";

/**
 * The web-standard entry point (Request in, Response out) shared by the HTTPS listener, the
 * Next.js `/k8s` route and every sandbox: authentication, routing, discovery, OpenAPI,
 * then the resource verbs. Every failure is a metav1.Status with its HTTP code.
 */
export interface HttpHandlerOptions {
  api: ObjectApi;
  registry: ResourceRegistry;
  version: VersionInfo;
  /** Reads headers only: node:http requests reach it as an ApiRequest, not a web Request. */
  authenticate?: (req: ApiRequest) => Promise<UserInfo | null>;
  /** Resource requests of authenticated users pass through it (403 when it refuses). */
  authorize?: Authorizer;
  now: () => Date;
  pathPrefix?: string;
  /** Runs before serving anything that reads objects (bootstrap namespaces). */
  ready?: () => Promise<void>;
}

/** Paths anyone may read, as kube's default RBAC allows for system:unauthenticated. */
const PUBLIC = new Set<Route["type"]>(["version", "health"]);

/** The web-standard handler: createApiHandler with web Response answers. */
export function createHttpHandler(opts: HttpHandlerOptions): (req: Request) => Promise<Response> {
  const serve = createApiHandler(opts);
  return async (req) => toWebResponse(await serve(req));
}

/** The handler on ApiRequest/ApiResponse, for transports that bridge node:http directly. */
export function createApiHandler(opts: HttpHandlerOptions): (req: ApiRequest) => Promise<ApiResponse> {
  return async (req) => {
    try {
      const url = new URL(req.url);
      const route = parseRoute(stripPrefix(url.pathname, opts.pathPrefix));
      if (!PUBLIC.has(route.type) && opts.authenticate) {
        const user = await opts.authenticate(req);
        if (!user) throw errors.unauthorized();
        if (opts.authorize && route.type === "resource") await authorizeRequest(opts.authorize, user, requestAttributes(req.method, route, url.searchParams.get("watch") === "true" || url.searchParams.get("watch") === "1"));
      }
      await opts.ready?.();
      return await dispatch(opts, req, url, route);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

function stripPrefix(path: string, prefix?: string): string {
  if (!prefix || prefix === "/") return path;
  const p = prefix.replace(/\/+$/, "");
  return path === p ? "/" : path.startsWith(p + "/") ? path.slice(p.length) : path;
}

async function dispatch(opts: HttpHandlerOptions, req: ApiRequest, url: URL, route: Route): Promise<ApiResponse> {
  const { registry } = opts;
  if (route.type !== "resource" && req.method !== "GET" && req.method !== "HEAD")
    throw errors.methodNotAllowed("the server does not allow this method on the requested resource");
  const accept = req.headers.get("accept");
  switch (route.type) {
    case "version":
      return jsonResponse(opts.version);
    case "health":
      return { status: 200, headers: { "content-type": "text/plain; charset=utf-8" }, body: "ok" };
    case "coreVersions":
    case "groupList": {
      const core = route.type === "coreVersions";
      const agg = wantsAggregatedDiscovery(accept);
      if (agg) return jsonResponse(aggregatedDiscovery(registry, core, agg), 200, { "content-type": aggregatedContentType(agg) });
      return jsonResponse(core ? apiVersions(url.host) : apiGroupList(registry));
    }
    case "group":
      return jsonResponse(apiGroupDocument(registry, route.group) ?? notFound());
    case "resourceList":
      return jsonResponse(apiResourceList(registry, route.group, route.version) ?? notFound());
    case "openapiV2": {
      const wantsJson = parseMediaTypes(accept).some((m) => m.type === "application/json");
      const wantsProto = parseMediaTypes(accept).some((m) => m.type.includes("protobuf"));
      if (wantsJson && !wantsProto) return jsonResponse(OPENAPI_V2_JSON);
      return { status: 200, headers: { "content-type": OPENAPI_V2_PROTOBUF_CONTENT_TYPE }, body: new Uint8Array(OPENAPI_V2_PROTOBUF) };
    }
    case "openapiV3Index":
      return jsonResponse(openAPIV3Index(registry, opts.version.gitVersion));
    case "openapiV3Doc":
      return jsonResponse(openAPIV3Document(registry, route.group, route.version, opts.version.gitVersion) ?? notFound());
    case "resource": {
      const d = registry.byResource(route.group, route.version, route.plural);
      if (!d) throw notFound();
      return handleResource({ req, route, d, query: parseQuery(url.searchParams), api: opts.api, now: opts.now });
    }
    default:
      throw notFound();
  }
}

function notFound(): never {
  throw errors.notFoundMessage("the server could not find the requested resource");
}
