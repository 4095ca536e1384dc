import type { OpenApiFragment } from "../api/openapi";
import type { JsonObject } from "../kube/types";

const err = (codes: string[]): JsonObject => Object.fromEntries(codes.map((c) => [c, { $ref: "#/components/responses/Error" }]));
const ok = (description: string, schema: string): JsonObject => ({ description, content: { "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } } });

/** OpenAPI description of Pull-mode registration: bootstrap tokens, the exchange, agent credentials. */
export function pullTokensOpenApi(): OpenApiFragment {
  return {
    paths: {
      "/api/v1/clusters/pull-tokens": {
        get: { summary: "List bootstrap tokens and agent credentials (never the tokens themselves)", responses: { "200": ok("The tokens", "PullTokenList"), ...err(["401", "403"]) } },
        post: {
          summary: "Issue a bootstrap token that registers one Pull cluster, with the exact agent command to run",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/PullTokenRequest" } } } },
          responses: { "201": ok("The token, shown once", "IssuedPullToken"), ...err(["401", "403", "422"]) },
        },
      },
      "/api/v1/clusters/pull-tokens/{id}": {
        delete: {
          summary: "Revoke a bootstrap token or an agent credential (a running agent stops)",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": ok("The revoked token", "PullToken"), ...err(["401", "403", "404"]) },
        },
      },
      "/api/v1/clusters/pull-tokens/exchange": {
        post: {
          summary: "Trade a bootstrap token (as bearer; valid, unexpired, unrevoked, unused, for this cluster) for the agent's credential",
          security: [{ bearer: [] }],
          requestBody: { required: true, content: { "application/json": { schema: { type: "object", required: ["clusterName"], properties: { clusterName: { type: "string" } } } } } },
          responses: { "200": ok("The agent credential", "AgentCredential"), ...err(["400", "401", "403"]) },
        },
      },
    },
    schemas: {
      PullTokenRequest: {
        type: "object",
        required: ["clusterName"],
        properties: {
          clusterName: { type: "string", description: "DNS-1123 label: the Cluster the agent registers" },
          ttlSeconds: { type: "integer", minimum: 1, maximum: 2592000, default: 86400 },
          controlPlaneUrl: { type: "string", description: "URL the agent reaches the console at (default: this request's origin)" },
          kubeconfigPath: { type: "string", description: "Member kubeconfig path to put in the command (default ~/.kube/config)" },
          kubeApi: { type: "string", enum: ["kube-port", "console"], default: "kube-port", description: "kube-port: the agent uses the control plane's HTTPS kube API with --ca-file (works as printed on the same machine); console: the console's /k8s mount at controlPlaneUrl" },
        },
      },
      IssuedPullToken: {
        type: "object",
        required: ["id", "token", "clusterName", "expiresAt", "command"],
        properties: { id: { type: "string" }, token: { type: "string" }, clusterName: { type: "string" }, expiresAt: { type: "string", format: "date-time" }, command: { type: "string" } },
      },
      PullToken: {
        type: "object",
        properties: {
          id: { type: "string" },
          name: { type: "string" },
          kind: { type: "string", enum: ["bootstrap", "agent"] },
          clusterName: { type: "string" },
          expiresAt: { type: "string", format: "date-time", nullable: true },
          revokedAt: { type: "string", format: "date-time", nullable: true },
          createdAt: { type: "string", format: "date-time" },
          lastUsedAt: { type: "string", format: "date-time", nullable: true },
          state: { type: "string", enum: ["Active", "Expired", "Revoked", "Used"] },
        },
      },
      PullTokenList: { type: "object", properties: { items: { type: "array", items: { $ref: "#/components/schemas/PullToken" } } } },
      AgentCredential: { type: "object", properties: { kind: { type: "string", enum: ["AgentCredential"] }, clusterName: { type: "string" }, token: { type: "string" } } },
    },
  };
}
