import type { JSONSchemaProps } from "../../validation/schema-types";

/**
 * OpenAPI schema of cluster.karmada.io/v1alpha1 Cluster. Karmada serves Cluster from its
 * aggregated API server (no CRD), so this is written from the Go types (field names and
 * required fields of pkg/apis/cluster/v1alpha1/types.go). Only types are checked here: Karmada's
 * aggregated API server decodes into Go structs and leaves required values and enums (syncMode,
 * secretRef names, taint keys and effects) to ValidateCluster, whose messages cluster.ts gives.
 */
const str: JSONSchemaProps = { type: "string" };
const strMap: JSONSchemaProps = { type: "object", additionalProperties: { type: "string" } };
const quantity: JSONSchemaProps = { "x-kubernetes-int-or-string": true, anyOf: [{ type: "integer" }, { type: "string" }] };
const quantityMap: JSONSchemaProps = { type: "object", additionalProperties: quantity };
const secretRef: JSONSchemaProps = { type: "object", properties: { namespace: str, name: str } };

const taint: JSONSchemaProps = {
  type: "object",
  properties: { key: str, value: str, effect: str, timeAdded: { type: "string", format: "date-time" } },
};

const condition: JSONSchemaProps = {
  type: "object",
  required: ["type", "status", "lastTransitionTime", "reason", "message"],
  properties: {
    type: str,
    status: { type: "string", enum: ["True", "False", "Unknown"] },
    observedGeneration: { type: "integer", format: "int64", minimum: 0 },
    lastTransitionTime: { type: "string", format: "date-time" },
    reason: str,
    message: str,
  },
};

export const clusterSchema: JSONSchemaProps = {
  type: "object",
  properties: {
    apiVersion: str,
    kind: str,
    metadata: { type: "object" },
    spec: {
      type: "object",
      properties: {
        id: str,
        syncMode: str,
        apiEndpoint: str,
        secretRef,
        impersonatorSecretRef: secretRef,
        insecureSkipTLSVerification: { type: "boolean" },
        proxyURL: str,
        proxyHeader: strMap,
        provider: str,
        region: str,
        zone: str,
        zones: { type: "array", items: str },
        taints: { type: "array", items: taint },
        resourceModels: {
          type: "array",
          items: {
            type: "object",
            required: ["grade", "ranges"],
            properties: {
              grade: { type: "integer", minimum: 0 },
              ranges: { type: "array", items: { type: "object", required: ["name", "min", "max"], properties: { name: str, min: quantity, max: quantity } } },
            },
          },
        },
      },
    },
    status: {
      type: "object",
      properties: {
        kubernetesVersion: str,
        apiEnablements: {
          type: "array",
          items: {
            type: "object",
            required: ["groupVersion"],
            properties: { groupVersion: str, resources: { type: "array", items: { type: "object", required: ["name", "kind"], properties: { name: str, kind: str } } } },
          },
        },
        conditions: { type: "array", items: condition },
        nodeSummary: { type: "object", properties: { totalNum: { type: "integer" }, readyNum: { type: "integer" } } },
        resourceSummary: {
          type: "object",
          properties: {
            allocatable: quantityMap,
            allocating: quantityMap,
            allocated: quantityMap,
            allocatableModelings: { type: "array", items: { type: "object", required: ["grade", "count"], properties: { grade: { type: "integer" }, count: { type: "integer" } } } },
          },
        },
        remedyActions: { type: "array", items: str },
      },
    },
  },
};
