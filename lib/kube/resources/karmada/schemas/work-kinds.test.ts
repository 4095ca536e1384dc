import { describe, expect, it } from "vitest";
import type { JSONSchemaProps } from "../../../validation/schema-types";
import { applySchemaDefaults } from "../../../validation/defaults";
import { pruneUnknownFields } from "../../../validation/unknown-fields";
import { validateStructural } from "../../../validation/structural";
import { resourceBindingSchema, workSchema } from "./work-kinds";

const resource = { apiVersion: "apps/v1", kind: "Deployment", name: "nginx", namespace: "default" };
const cond = { type: "Scheduled", status: "True", reason: "Success", message: "ok", lastTransitionTime: "2024-01-01T00:00:00Z" };
const task = { fromCluster: "m1", reason: "TaintUntolerated", producer: "taint-manager" };

function errors(schema: JSONSchemaProps, body: Record<string, unknown>): string[] {
  return validateStructural(body, schema).map((c) => `${c.field}: ${c.reason}`);
}

describe("ResourceBinding schema", () => {
  it.each([
    ["spec is required", {}, ["spec: FieldValueRequired"]],
    ["resource is required", { spec: {} }, ["spec.resource: FieldValueRequired"]],
    ["resource needs apiVersion, kind and name", { spec: { resource: {} } }, ["spec.resource.apiVersion: FieldValueRequired", "spec.resource.kind: FieldValueRequired", "spec.resource.name: FieldValueRequired"]],
    ["target clusters need a name", { spec: { resource, clusters: [{ replicas: 1 }] } }, ["spec.clusters[0].name: FieldValueRequired"]],
    ["component names are at most 32 characters", { spec: { resource, components: [{ name: "c".repeat(33), replicas: 1 }] } }, ["spec.components[0].name: FieldValueTooLong"]],
    ["eviction reason follows the condition reason syntax", { spec: { resource, gracefulEvictionTasks: [{ ...task, reason: "not a reason" }] } }, ["spec.gracefulEvictionTasks[0].reason: FieldValueInvalid"]],
    ["eviction purge mode enum", { spec: { resource, gracefulEvictionTasks: [{ ...task, purgeMode: "Later" }] } }, ["spec.gracefulEvictionTasks[0].purgeMode: FieldValueNotSupported"]],
    ["resource requests are quantities", { spec: { resource, replicaRequirements: { resourceRequest: { cpu: "lots" } } } }, ["spec.replicaRequirements.resourceRequest[cpu]: FieldValueInvalid"]],
    ["hard node affinity needs terms", { spec: { resource, replicaRequirements: { nodeClaim: { hardNodeAffinity: {} } } } }, ["spec.replicaRequirements.nodeClaim.hardNodeAffinity.nodeSelectorTerms: FieldValueRequired"]],
    ["condition status enum", { spec: { resource }, status: { conditions: [{ ...cond, status: "Maybe" }] } }, ["status.conditions[0].status: FieldValueNotSupported"]],
    // An empty reason breaks both minLength and the pattern; kube reports both.
    ["condition reason must not be empty", { spec: { resource }, status: { conditions: [{ ...cond, reason: "" }] } }, ["status.conditions[0].reason: FieldValueInvalid", "status.conditions[0].reason: FieldValueInvalid"]],
    ["aggregated status health enum", { spec: { resource }, status: { aggregatedStatus: [{ clusterName: "m1", health: "Sick" }] } }, ["status.aggregatedStatus[0].health: FieldValueNotSupported"]],
    [
      "a scheduled binding is valid",
      {
        spec: { resource, replicas: 2, clusters: [{ name: "m1", replicas: 2 }], suspension: { scheduling: true, dispatchingOnClusters: { clusterNames: ["m2"] } }, gracefulEvictionTasks: [task], rescheduleTriggeredAt: "2024-01-01T00:00:00Z" },
        status: { conditions: [cond], aggregatedStatus: [{ clusterName: "m1", applied: true, status: { readyReplicas: 2 } }], schedulerObservedGeneration: 3 },
      },
      [],
    ],
  ])("%s", (_name, body, want) => {
    expect(errors(resourceBindingSchema, body)).toEqual(want);
  });

  it("defaults conflictResolution, and schedulePriority.priority when present", () => {
    const o = { spec: { resource, schedulePriority: {} } as Record<string, unknown> };
    applySchemaDefaults(o, resourceBindingSchema);
    expect(o.spec.conflictResolution).toBe("Abort");
    expect(o.spec.schedulePriority).toEqual({ priority: 0 });
    // Unlike the policy, the binding's schedulerName has no schema default.
    expect(o.spec.schedulerName).toBeUndefined();
  });

  it("keeps member status as collected, prunes unknown binding fields", () => {
    const status = { readyReplicas: 2, custom: { deep: [1] } };
    const o = { spec: { resource: { ...resource, extra: 1 } }, status: { aggregatedStatus: [{ clusterName: "m1", status }] } };
    pruneUnknownFields(o, resourceBindingSchema);
    expect(o.spec.resource).toEqual(resource);
    expect(o.status.aggregatedStatus[0].status).toEqual(status);
  });
});

describe("Work schema", () => {
  const manifest = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "nginx" }, spec: { replicas: 2, anything: { x: 1 } } };
  const identifier = { ordinal: 0, version: "v1", kind: "Deployment", resource: "deployments", name: "nginx" };

  it.each([
    ["an empty spec is valid", { spec: {} }, []],
    ["manifests are objects", { spec: { workload: { manifests: ["text"] } } }, ["spec.workload.manifests[0]: FieldValueTypeInvalid"]],
    ["manifest statuses need an identifier", { spec: {}, status: { manifestStatuses: [{}] } }, ["status.manifestStatuses[0].identifier: FieldValueRequired"]],
    [
      "identifier fields",
      { spec: {}, status: { manifestStatuses: [{ identifier: { group: "apps" } }] } },
      ["kind", "name", "ordinal", "resource", "version"].map((f) => `status.manifestStatuses[0].identifier.${f}: FieldValueRequired`),
    ],
    ["a valid Work", { spec: { workload: { manifests: [manifest] }, suspendDispatching: false }, status: { manifestStatuses: [{ identifier, health: "Healthy", status: { a: 1 } }] } }, []],
  ])("%s", (_name, body, want) => {
    expect(errors(workSchema, body)).toEqual(want);
  });

  it("stores manifests untouched when pruning", () => {
    const o = { spec: { workload: { manifests: [structuredClone(manifest)] }, bogus: true } };
    pruneUnknownFields(o, workSchema);
    expect(o.spec).toEqual({ workload: { manifests: [manifest] } });
  });
});
