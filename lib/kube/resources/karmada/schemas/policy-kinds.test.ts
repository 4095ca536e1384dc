import { describe, expect, it } from "vitest";
import type { JSONSchemaProps } from "../../../validation/schema-types";
import { applySchemaDefaults } from "../../../validation/defaults";
import { pruneUnknownFields } from "../../../validation/unknown-fields";
import { validateStructural } from "../../../validation/structural";
import { clusterTaintPolicySchema, overridePolicySchema, propagationPolicySchema } from "./policy-kinds";

const selector = { apiVersion: "apps/v1", kind: "Deployment" };

function errors(schema: JSONSchemaProps, spec: unknown): string[] {
  return validateStructural({ spec }, schema).map((c) => `${c.field}: ${c.reason}`);
}

function defaulted(schema: JSONSchemaProps, spec: Record<string, unknown>): Record<string, unknown> {
  const o = { spec: structuredClone(spec) };
  applySchemaDefaults(o, schema);
  return o.spec;
}

describe("PropagationPolicy schema", () => {
  it.each([
    ["resourceSelectors is required", {}, ["spec.resourceSelectors: FieldValueRequired"]],
    ["resourceSelectors needs one item", { resourceSelectors: [] }, ["spec.resourceSelectors: FieldValueInvalid"]],
    ["selector apiVersion and kind are required", { resourceSelectors: [{}] }, ["spec.resourceSelectors[0].apiVersion: FieldValueRequired", "spec.resourceSelectors[0].kind: FieldValueRequired"]],
    ["preemption enum", { resourceSelectors: [selector], preemption: "Sometimes" }, ["spec.preemption: FieldValueNotSupported"]],
    ["conflictResolution enum", { resourceSelectors: [selector], conflictResolution: "Merge" }, ["spec.conflictResolution: FieldValueNotSupported"]],
    ["activationPreference enum", { resourceSelectors: [selector], activationPreference: "Eager" }, ["spec.activationPreference: FieldValueNotSupported"]],
    ["spreadByField enum", { resourceSelectors: [selector], placement: { spreadConstraints: [{ spreadByField: "node" }] } }, ["spec.placement.spreadConstraints[0].spreadByField: FieldValueNotSupported"]],
    ["static weight at least 1", { resourceSelectors: [selector], placement: { replicaScheduling: { weightPreference: { staticWeightList: [{ targetCluster: {}, weight: 0 }] } } } }, ["spec.placement.replicaScheduling.weightPreference.staticWeightList[0].weight: FieldValueInvalid"]],
    ["affinity name 1..32 characters", { resourceSelectors: [selector], placement: { clusterAffinities: [{ affinityName: "x".repeat(33) }] } }, ["spec.placement.clusterAffinities[0].affinityName: FieldValueTooLong"]],
    ["application failover needs decisionConditions", { resourceSelectors: [selector], failover: { application: {} } }, ["spec.failover.application.decisionConditions: FieldValueRequired"]],
    ["cluster failover has no Never purge mode", { resourceSelectors: [selector], failover: { cluster: { purgeMode: "Never" } } }, ["spec.failover.cluster.purgeMode: FieldValueNotSupported"]],
    ["schedulePriority source enum", { resourceSelectors: [selector], schedulePriority: { priorityClassSource: "PodPriorityClass", priorityClassName: "p" } }, ["spec.schedulePriority.priorityClassSource: FieldValueNotSupported"]],
    ["priority is an integer", { resourceSelectors: [selector], priority: "high" }, ["spec.priority: FieldValueTypeInvalid"]],
    ["a valid spec", { resourceSelectors: [selector], placement: { clusterAffinity: { clusterNames: ["m1"], exclude: ["m2"] }, clusterTolerations: [{ key: "k", operator: "Exists", tolerationSeconds: 30 }] } }, []],
  ])("%s", (_name, spec, want) => {
    expect(errors(propagationPolicySchema, spec)).toEqual(want);
  });

  it("defaults priority, preemption, conflictResolution and schedulerName", () => {
    expect(defaulted(propagationPolicySchema, { resourceSelectors: [selector] })).toEqual({
      resourceSelectors: [selector],
      priority: 0,
      preemption: "Never",
      conflictResolution: "Abort",
      schedulerName: "default-scheduler",
    });
  });

  it("defaults nested fields only where their parent exists", () => {
    const spec = defaulted(propagationPolicySchema, { resourceSelectors: [selector], placement: { replicaScheduling: {} }, failover: { application: { decisionConditions: {} }, cluster: {} } });
    expect(spec.placement).toEqual({ replicaScheduling: { replicaSchedulingType: "Divided" } });
    expect(spec.failover).toEqual({ application: { decisionConditions: { tolerationSeconds: 300 }, purgeMode: "Gracefully" }, cluster: { purgeMode: "Gracefully" } });
    expect(defaulted(propagationPolicySchema, { resourceSelectors: [selector] }).placement).toBeUndefined();
  });

  it("prunes unknown fields but keeps the known ones", () => {
    const o = { spec: { resourceSelectors: [{ ...selector, bogus: 1 }], placement: { clusterAffinity: { exclude: ["m"], nope: true } } } };
    pruneUnknownFields(o, propagationPolicySchema);
    expect(o.spec).toEqual({ resourceSelectors: [selector], placement: { clusterAffinity: { exclude: ["m"] } } });
  });
});

describe("OverridePolicy schema", () => {
  it.each([
    ["an empty spec is valid", {}, []],
    ["rules need overriders", { overrideRules: [{}] }, ["spec.overrideRules[0].overriders: FieldValueRequired"]],
    ["command overriders accept add/remove only", { overriders: { commandOverrider: [{ containerName: "c", operator: "replace" }] } }, ["spec.overriders.commandOverrider[0].operator: FieldValueNotSupported"]],
    ["image component enum", { overriders: { imageOverrider: [{ component: "Digest", operator: "replace" }] } }, ["spec.overriders.imageOverrider[0].component: FieldValueNotSupported"]],
    ["labels overrider needs a value", { overriders: { labelsOverrider: [{ operator: "add" }] } }, ["spec.overriders.labelsOverrider[0].value: FieldValueRequired"]],
    ["field overrider sub-patches need subPath and operator", { overriders: { fieldOverrider: [{ fieldPath: "/data/x", json: [{}] }] } }, ["spec.overriders.fieldOverrider[0].json[0].operator: FieldValueRequired", "spec.overriders.fieldOverrider[0].json[0].subPath: FieldValueRequired"]],
    ["plaintext value may be any JSON", { overriders: { plaintext: [{ path: "/spec/x", operator: "add", value: [1, { a: "b" }] }] } }, []],
  ])("%s", (_name, spec, want) => {
    expect(errors(overridePolicySchema, spec)).toEqual(want);
  });

  it("keeps arbitrary JSON inside plaintext and field-overrider values when pruning", () => {
    const value = { nested: { anything: [1, 2] } };
    const o = { spec: { overriders: { plaintext: [{ path: "/x", operator: "add", value }], fieldOverrider: [{ fieldPath: "/d", yaml: [{ subPath: "/a", operator: "add", value }] }] } } };
    pruneUnknownFields(o, overridePolicySchema);
    expect(o.spec.overriders.plaintext[0].value).toEqual(value);
    expect(o.spec.overriders.fieldOverrider[0].yaml[0].value).toEqual(value);
  });
});

describe("ClusterTaintPolicy schema", () => {
  it.each([
    ["taints are required", {}, ["spec.taints: FieldValueRequired"]],
    ["at least one taint", { taints: [] }, ["spec.taints: FieldValueInvalid"]],
    ["taint key and effect are required", { taints: [{ value: "v" }] }, ["spec.taints[0].effect: FieldValueRequired", "spec.taints[0].key: FieldValueRequired"]],
    ["match conditions need all three fields", { taints: [{ key: "k", effect: "NoSchedule" }], addOnConditions: [{}] }, ["spec.addOnConditions[0].conditionType: FieldValueRequired", "spec.addOnConditions[0].operator: FieldValueRequired", "spec.addOnConditions[0].statusValues: FieldValueRequired"]],
    ["a valid spec", { taints: [{ key: "k", effect: "NoSchedule" }], targetClusters: { clusterNames: ["m1"] }, removeOnConditions: [{ conditionType: "Ready", operator: "In", statusValues: ["True"] }] }, []],
  ])("%s", (_name, spec, want) => {
    expect(errors(clusterTaintPolicySchema, spec)).toEqual(want);
  });
});
