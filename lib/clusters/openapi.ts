import type { OpenApiFragment } from "../api/openapi";
import type { JsonObject } from "../kube/types";

const ERR = { $ref: "#/components/responses/Error" };
const NAME = { name: "name", in: "path", required: true, schema: { type: "string" }, description: "Cluster name" };
const ok = (schema: string, description = "OK") => ({ description, content: { "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } } });

const TAINT: JsonObject = {
  type: "object",
  required: ["key", "effect"],
  properties: { key: { type: "string" }, value: { type: "string" }, effect: { type: "string", enum: ["NoSchedule", "NoExecute"] }, timeAdded: { type: "string", format: "date-time" } },
};

const schemas: JsonObject = {
  Taint: TAINT,
  RegisterClusterRequest: {
    type: "object",
    description: "Either kubeconfig (+ context) or apiEndpoint + token (+ caData). Credentials are stored encrypted and never returned.",
    required: ["name"],
    properties: {
      name: { type: "string", description: "DNS-1123 label, at most 48 characters" },
      kubeconfig: { type: "string", description: "kubeconfig YAML with embedded CA and token or client certificate" },
      context: { type: "string", description: "context of the kubeconfig (default: current-context)" },
      apiEndpoint: { type: "string", description: "https URL, host:port or IP:port of the member API server" },
      token: { type: "string", description: "bearer token" },
      caData: { type: "string", description: "PEM of the member's CA" },
      insecureSkipTLSVerification: { type: "boolean" },
      labels: { type: "object", additionalProperties: { type: "string" } },
      provider: { type: "string" },
      region: { type: "string" },
      zone: { type: "string", deprecated: true },
      zones: { type: "array", items: { type: "string" } },
      taints: { type: "array", items: { $ref: "#/components/schemas/Taint" } },
      syncMode: { type: "string", enum: ["Push"] },
      sandbox: { type: "boolean", description: "label the cluster flotilla.io/sandbox=true" },
    },
  },
  ClusterSummary: {
    type: "object",
    required: ["name", "syncMode", "ready", "sandbox", "labels", "zones", "taints", "apiEnablements"],
    properties: {
      name: { type: "string" },
      uid: { type: "string" },
      creationTimestamp: { type: "string", format: "date-time" },
      deletionTimestamp: { type: "string", format: "date-time", description: "set while the cluster drains" },
      syncMode: { type: "string", enum: ["Push", "Pull"] },
      apiEndpoint: { type: "string" },
      sandbox: { type: "boolean" },
      labels: { type: "object", additionalProperties: { type: "string" } },
      provider: { type: "string" },
      region: { type: "string" },
      zones: { type: "array", items: { type: "string" } },
      taints: { type: "array", items: { $ref: "#/components/schemas/Taint" } },
      kubernetesVersion: { type: "string" },
      ready: { type: "string", enum: ["True", "False", "Unknown"] },
      readyReason: { type: "string" },
      readyMessage: { type: "string" },
      lastTransitionTime: { type: "string", format: "date-time" },
      nodes: { type: "object", properties: { total: { type: "integer" }, ready: { type: "integer" } } },
      resources: { type: "object", additionalProperties: { type: "object", additionalProperties: { type: "string" } } },
      apiEnablements: { type: "integer", description: "number of group versions served" },
    },
  },
  ClusterSummaryList: {
    type: "object",
    required: ["items"],
    properties: { items: { type: "array", items: { $ref: "#/components/schemas/ClusterSummary" } }, continue: { type: "string" } },
  },
  ClusterDetail: {
    type: "object",
    properties: { summary: { $ref: "#/components/schemas/ClusterSummary" }, cluster: { type: "object", description: "the cluster.karmada.io/v1alpha1 Cluster", additionalProperties: true } },
  },
  ClusterPatch: {
    type: "object",
    properties: {
      labels: { type: "object", additionalProperties: { type: "string", nullable: true }, description: "labels to set; null removes one" },
      taints: { type: "array", items: { $ref: "#/components/schemas/Taint" }, description: "the full taint list" },
    },
  },
  ClusterHealth: {
    type: "object",
    properties: {
      cluster: { type: "string" },
      from: { type: "string", format: "date-time" },
      to: { type: "string", format: "date-time" },
      samples: {
        type: "array",
        items: {
          type: "object",
          properties: {
            time: { type: "string", format: "date-time" },
            ready: { type: "boolean" },
            cpuAllocatable: { type: "number", description: "cores" },
            cpuAllocated: { type: "number" },
            memoryAllocatable: { type: "number", description: "bytes" },
            memoryAllocated: { type: "number" },
            podsAllocatable: { type: "integer" },
            podsAllocated: { type: "integer" },
          },
        },
      },
    },
  },
};

const paths: JsonObject = {
  "/api/v1/clusters": {
    get: {
      summary: "List member clusters (console summary)",
      parameters: [
        { name: "limit", in: "query", schema: { type: "integer" } },
        { name: "continue", in: "query", schema: { type: "string" } },
        { name: "labelSelector", in: "query", schema: { type: "string" } },
      ],
      responses: { "200": ok("ClusterSummaryList"), "401": ERR },
    },
    post: {
      summary: "Register a Push member cluster; connectivity is checked before anything is stored",
      requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/RegisterClusterRequest" } } } },
      responses: {
        "201": { description: "The created Cluster object", content: { "application/json": { schema: { type: "object" } } } },
        "409": { ...ERR, description: "A cluster of that name exists" },
        "422": { ...ERR, description: "Invalid fields, or the member cluster refused the credentials" },
        "502": { ...ERR, description: "The endpoint is not a Kubernetes API server" },
        "503": { ...ERR, description: "The member cluster cannot be reached" },
        "504": { ...ERR, description: "The member cluster did not answer in time" },
      },
    },
  },
  "/api/v1/clusters/{name}": {
    parameters: [NAME],
    get: { summary: "One cluster", responses: { "200": ok("ClusterDetail"), "404": ERR } },
    patch: {
      summary: "Change labels and taints",
      requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/ClusterPatch" } } } },
      responses: { "200": ok("ClusterSummary"), "404": ERR, "409": ERR, "422": ERR },
    },
    delete: { summary: "Unregister: Works and the execution namespace are drained, then the credentials removed", responses: { "200": ok("ClusterSummary", "The cluster, terminating"), "404": ERR } },
  },
  "/api/v1/clusters/{name}/health": {
    parameters: [NAME],
    get: {
      summary: "Stored health history (one sample per probe, throttled)",
      parameters: [
        { name: "from", in: "query", schema: { type: "string", format: "date-time" } },
        { name: "to", in: "query", schema: { type: "string", format: "date-time" } },
      ],
      responses: { "200": ok("ClusterHealth"), "400": ERR, "404": ERR },
    },
  },
};

/** The clusters area's part of /api/v1/openapi.json. */
export function clustersOpenApi(): OpenApiFragment {
  return { paths, schemas };
}
