import type { OpenApiFragment } from "../api/openapi";
import type { JsonObject } from "../kube/types";

/** OpenAPI description of the dry-run endpoints and the binding explanation endpoint. */

const anyObject: JsonObject = { type: "object", additionalProperties: true };
const errorResponses: JsonObject = {
  "400": { $ref: "#/components/responses/Error" },
  "401": { $ref: "#/components/responses/Error" },
  "422": { $ref: "#/components/responses/Error" },
};

function post(summary: string, request: string, response: string): JsonObject {
  return {
    post: {
      summary,
      requestBody: { required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${request}` } } } },
      responses: { "200": { description: "The dry-run answer", content: { "application/json": { schema: { $ref: `#/components/schemas/${response}` } } } }, ...errorResponses },
    },
  };
}

function explanationGet(summary: string, params: string[]): JsonObject {
  return {
    get: {
      summary,
      parameters: params.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
      responses: {
        "200": { description: "The last scheduling (or a recomputed one)", content: { "application/json": { schema: { $ref: "#/components/schemas/SchedulingExplanation" } } } },
        "404": { $ref: "#/components/responses/Error" },
      },
    },
  };
}

const target: JsonObject = { type: "object", required: ["name"], properties: { name: { type: "string" }, replicas: { type: "integer", minimum: 0 } } };

export function placementOpenApi(): OpenApiFragment {
  return {
    paths: {
      "/api/v1/placement/preview": post("Where a resource would be scheduled by a policy's placement (dry run, same code as the scheduler)", "PlacementPreviewRequest", "PlacementPreview"),
      "/api/v1/policies/match": post("Which PropagationPolicy or ClusterPropagationPolicy claims a resource, and why the others do not", "PolicyMatchRequest", "PolicyMatch"),
      "/api/v1/overrides/preview": post("The manifest one cluster would receive after override policies, with the patches applied in order", "OverridePreviewRequest", "OverridePreview"),
      "/api/v1/bindings/{namespace}/{name}/explanation": explanationGet("Full explanation of a ResourceBinding's last scheduling", ["namespace", "name"]),
      "/api/v1/bindings/{name}/explanation": explanationGet("Full explanation of a ClusterResourceBinding's last scheduling", ["name"]),
    },
    schemas: {
      PlacementPreviewRequest: {
        type: "object",
        required: ["resource", "policy"],
        properties: {
          resource: { ...anyObject, description: "A manifest; replicas and per-replica requirements come from the resource interpreter; metadata.uid feeds the Webster tie-break" },
          policy: { ...anyObject, description: "A PropagationPolicy or ClusterPropagationPolicy, defaulted as the API server would store it" },
          clusters: { type: "array", items: anyObject, description: "Hypothetical Cluster objects (default: the registered clusters)" },
          previous: { type: "array", items: target, description: "The current assignment (the binding's spec.clusters)" },
          options: {
            type: "object",
            properties: {
              rescheduleTriggeredAt: { type: "string", format: "date-time" },
              lastScheduledTime: { type: "string", format: "date-time" },
              observedAffinityName: { type: "string" },
              gracefulEvictionTasks: { type: "array", items: anyObject },
              enableEmptyWorkloadPropagation: { type: "boolean" },
            },
          },
        },
      },
      PlacementPreview: {
        type: "object",
        required: ["clusters", "explanation", "summary"],
        properties: {
          clusters: { type: "array", items: target },
          explanation: { ...anyObject, description: "Per cluster: every filter verdict, score, available replicas; spread-constraint choices; replica arithmetic" },
          summary: { type: "string" },
          error: { type: "object", properties: { reason: { type: "string", enum: ["NoClusterFit", "Unschedulable", "SchedulerError"] }, message: { type: "string" } } },
          affinityName: { type: "string", description: "The clusterAffinities term the result came from" },
        },
      },
      PolicyMatchRequest: {
        type: "object",
        required: ["resource"],
        properties: { resource: anyObject, policies: { type: "array", items: anyObject, description: "Default: the stored policies" } },
      },
      PolicyMatch: {
        type: "object",
        required: ["winner", "candidates"],
        properties: {
          winner: { type: "object", nullable: true, properties: { kind: { type: "string" }, namespace: { type: "string" }, name: { type: "string" } } },
          candidates: {
            type: "array",
            items: { type: "object", properties: { kind: { type: "string" }, namespace: { type: "string" }, name: { type: "string" }, matched: { type: "boolean" }, reason: { type: "string" } } },
          },
        },
      },
      OverridePreviewRequest: {
        type: "object",
        required: ["resource", "cluster"],
        properties: {
          resource: anyObject,
          overridePolicies: { type: "array", items: anyObject, description: "Default: the stored OverridePolicies and ClusterOverridePolicies" },
          cluster: { oneOf: [{ type: "string", description: "A registered cluster's name" }, { ...anyObject, description: "A hypothetical Cluster object" }] },
        },
      },
      OverridePreview: {
        type: "object",
        required: ["manifest", "patches"],
        properties: {
          manifest: anyObject,
          patches: { type: "array", items: { type: "object", properties: { policy: { type: "string" }, op: { type: "string" }, path: { type: "string" }, value: {} } } },
          errors: { type: "array", items: anyObject },
          appliedClusterOverrides: {
            type: "array",
            nullable: true,
            items: { type: "object", properties: { policyName: { type: "string" }, overriders: anyObject } },
            description: "ClusterOverridePolicy rules applied, in order (Karmada's AppliedOverrides); null when none applied or a rule failed",
          },
          appliedOverrides: {
            type: "array",
            nullable: true,
            items: { type: "object", properties: { policyName: { type: "string" }, overriders: anyObject } },
            description: "OverridePolicy rules applied, in order; null when none applied or a rule failed",
          },
          annotations: { type: "object", additionalProperties: { type: "string" }, description: "The applied-overrides annotations the Work would carry" },
        },
      },
      SchedulingExplanation: {
        type: "object",
        properties: {
          kind: { type: "string" },
          namespace: { type: "string" },
          name: { type: "string" },
          generation: { type: "integer" },
          scheduledAt: { type: "string" },
          trigger: { type: "string" },
          clusters: { type: "array", items: target },
          error: anyObject,
          summary: { type: "string" },
          explanation: anyObject,
          source: { type: "string", enum: ["recorded", "recomputed"] },
        },
      },
    },
  };
}
