import type { JsonObject } from "../kube/types";

/**
 * The OpenAPI 3 document of Flotilla's REST API (`/api/v1/openapi.json`). Each feature area
 * contributes a fragment (paths + component schemas) next to its code; this merges them.
 */
export interface OpenApiFragment {
  paths: JsonObject;
  schemas?: JsonObject;
}

const STATUS_SCHEMA: JsonObject = {
  type: "object",
  description: "metav1.Status: every error answer",
  properties: {
    kind: { type: "string", enum: ["Status"] },
    apiVersion: { type: "string" },
    status: { type: "string", enum: ["Success", "Failure"] },
    message: { type: "string" },
    reason: { type: "string" },
    code: { type: "integer" },
    details: { type: "object", additionalProperties: true },
  },
  required: ["kind", "status", "code"],
};

const AUTH_PATHS: JsonObject = {
  "/api/v1/auth/sign-in": {
    post: {
      summary: "Exchange username and password for a session cookie",
      security: [],
      requestBody: {
        required: true,
        content: { "application/json": { schema: { type: "object", required: ["username", "password"], properties: { username: { type: "string" }, password: { type: "string" } } } } },
      },
      responses: { "200": { description: "Signed in; Set-Cookie carries the session" }, "401": { $ref: "#/components/responses/Error" } },
    },
  },
  "/api/v1/auth/sign-out": { post: { summary: "End the current session", responses: { "200": { description: "Signed out" } } } },
  "/api/v1/auth/session": { get: { summary: "The signed-in user", responses: { "200": { description: "The user" }, "401": { $ref: "#/components/responses/Error" } } } },
};

export function buildOpenApiDocument(fragments: OpenApiFragment[]): JsonObject {
  const paths: JsonObject = { ...AUTH_PATHS };
  const schemas: JsonObject = { Status: STATUS_SCHEMA };
  for (const f of fragments) {
    Object.assign(paths, f.paths);
    Object.assign(schemas, f.schemas ?? {});
  }
  return {
    openapi: "3.0.3",
    info: { title: "Flotilla REST API", version: "v1", description: "What is not an object operation; objects are served by the Kubernetes-compatible API at /k8s." },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }, { session: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer" },
        session: { type: "apiKey", in: "cookie", name: "flotilla_session" },
      },
      responses: { Error: { description: "An error, as a metav1.Status", content: { "application/json": { schema: { $ref: "#/components/schemas/Status" } } } } },
      schemas,
    },
  };
}
