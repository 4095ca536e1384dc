import type { OpenApiFragment } from "../api/openapi";
import type { JsonObject } from "../kube/types";

const ERR = { $ref: "#/components/responses/Error" };
const NAME_PARAM: JsonObject = { name: "name", in: "path", required: true, schema: { type: "string" }, description: "Sandbox name (DNS-1123 label)" };
const info = (description: string): JsonObject => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Sandbox" } } } });

const SPEC: JsonObject = {
  type: "object",
  required: ["name"],
  additionalProperties: false,
  properties: {
    name: { type: "string", maxLength: 63, pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" },
    mode: { type: "string", enum: ["Push", "Pull"], default: "Push" },
    nodes: { type: "integer", minimum: 0, default: 3 },
    cpu: { type: "string", description: "CPU per node (quantity)", default: "4" },
    memory: { type: "string", description: "Memory per node (quantity)", default: "16Gi" },
    pods: { type: "integer", minimum: 0, default: 110 },
    region: { type: "string" },
    zone: { type: "string" },
    provider: { type: "string" },
    labels: { type: "object", additionalProperties: { type: "string" } },
    kubernetesVersion: { type: "string", example: "1.32", description: "Reported by /version; 1.x or v1.x.y" },
    startupDelayMs: { type: "integer", minimum: 0, description: "Time for a scheduled pod to become Running/Ready" },
    evictionDelayMs: { type: "integer", minimum: 0, description: "Time pods stay on a failed node before eviction" },
    port: { type: "integer", minimum: 0, maximum: 65535, description: "0 = a free port chosen once and kept" },
  },
};

const FAULTS: JsonObject = {
  type: "object",
  additionalProperties: false,
  description: "The complete set of faults wanted; absent fields are cleared.",
  properties: {
    down: { type: "boolean", description: "Listener closed: connection refused" },
    slowMs: { type: "integer", minimum: 0, description: "Latency added to every request" },
    failing: {
      type: "object",
      properties: { fraction: { type: "number", minimum: 0, maximum: 1, default: 1 }, statusCode: { type: "integer", enum: [500, 503], default: 503 } },
      description: "A share of requests answered 500/503",
    },
    partitioned: { type: "boolean", description: "Requests hang until the client times out" },
    nodeFailure: { type: "integer", minimum: 0, description: "Nodes turned NotReady (highest numbers first); their pods are evicted" },
    capacity: {
      type: "object",
      properties: { nodes: { type: "integer", minimum: 0 }, cpu: { type: "string" }, memory: { type: "string" }, pods: { type: "integer", minimum: 0 } },
      description: "Nodes added/removed/resized until cleared",
    },
  },
};

/** OpenAPI 3 paths and schemas of `/api/v1/sandboxes`, merged by the lead into `/api/v1/openapi.json`. */
export function sandboxOpenApiFragment(): OpenApiFragment {
  return {
    paths: {
      "/api/v1/sandboxes": {
        get: {
          summary: "List sandbox member clusters",
          responses: {
            "200": { description: "All sandboxes", content: { "application/json": { schema: { type: "object", properties: { items: { type: "array", items: { $ref: "#/components/schemas/Sandbox" } } } } } } },
            "401": ERR,
          },
        },
        post: {
          summary: "Create a sandbox member cluster and register it as a Cluster",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/SandboxSpec" } } } },
          responses: { "201": info("Created and started"), "400": ERR, "401": ERR, "409": ERR, "422": ERR },
        },
      },
      "/api/v1/sandboxes/{name}": {
        parameters: [NAME_PARAM],
        get: { summary: "One sandbox", responses: { "200": info("The sandbox"), "401": ERR, "404": ERR } },
        delete: { summary: "Stop and remove a sandbox with its data", responses: { "200": info("Removed (phase Stopped)"), "401": ERR, "404": ERR } },
      },
      "/api/v1/sandboxes/{name}/faults": {
        parameters: [NAME_PARAM],
        put: {
          summary: "Replace the injected faults",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/SandboxFaults" } } } },
          responses: { "200": info("Faults applied"), "400": ERR, "401": ERR, "404": ERR, "422": ERR },
        },
        delete: { summary: "Clear every fault", responses: { "200": info("Faults cleared"), "401": ERR, "404": ERR } },
      },
    },
    schemas: {
      SandboxSpec: SPEC,
      SandboxFaults: FAULTS,
      Sandbox: {
        type: "object",
        properties: {
          name: { type: "string" },
          spec: { $ref: "#/components/schemas/SandboxSpec" },
          faults: { $ref: "#/components/schemas/SandboxFaults" },
          server: { type: "string", example: "https://127.0.0.1:40123" },
          kubeconfigPath: { type: "string" },
          phase: { type: "string", enum: ["Running", "Down", "Stopped"] },
          createdAt: { type: "string", format: "date-time" },
        },
      },
    },
  };
}
