import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../types";
import { propagationPolicyDescriptor, clusterPropagationPolicyDescriptor } from "./propagation-policy";
import { unknownFields } from "../unknown-fields";
import { LABEL_CPP_PERMANENT_ID, LABEL_PP_PERMANENT_ID } from "../../karmada";
import { withUpdateBaseline } from "../../validation/update-baseline";
import { validatePropagationPolicy } from "./propagation-policy";

const pp = propagationPolicyDescriptor();
const cpp = clusterPropagationPolicyDescriptor();

function policy(spec: Record<string, unknown>, kind = "PropagationPolicy"): KubeObject {
  return {
    apiVersion: "policy.karmada.io/v1alpha1",
    kind,
    metadata: kind === "PropagationPolicy" ? { name: "p", namespace: "default" } : { name: "p" },
    spec: { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: "nginx" }], ...spec },
  };
}

function defaulted(spec: Record<string, unknown>, d = pp, kind?: string): KubeObject {
  const obj = policy(spec, kind);
  d.applyDefaults!(obj);
  return obj;
}

function messages(spec: Record<string, unknown>, d = pp, kind?: string): string[] {
  const obj = defaulted(spec, d, kind);
  return d.validate!(obj).map((c) => `${c.field}: ${c.message}`);
}

describe("PropagationPolicy defaults (CRD schema + mutating webhook)", () => {
  it("materialises the CRD defaults and the permanent id", () => {
    const obj = defaulted({ placement: { clusterAffinity: { clusterNames: ["m1"] } } });
    expect(obj.spec).toMatchObject({ conflictResolution: "Abort", preemption: "Never", priority: 0, schedulerName: "default-scheduler" });
    expect(obj.metadata.labels?.[LABEL_PP_PERMANENT_ID]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("sets a fresh permanent id on create, overwriting a client-set one (util.MergeLabel)", () => {
    const obj = policy({});
    obj.metadata.labels = { [LABEL_PP_PERMANENT_ID]: "client-set" };
    pp.applyDefaults!(obj);
    expect(obj.metadata.labels[LABEL_PP_PERMANENT_ID]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("leaves the permanent id alone on update (set on create only)", () => {
    const old = defaulted({});
    const kept = structuredClone(old);
    withUpdateBaseline(old, () => pp.applyDefaults!(kept));
    expect(kept.metadata.labels![LABEL_PP_PERMANENT_ID]).toBe(old.metadata.labels![LABEL_PP_PERMANENT_ID]);
    const dropped = structuredClone(old);
    delete dropped.metadata.labels![LABEL_PP_PERMANENT_ID];
    withUpdateBaseline(old, () => pp.applyDefaults!(dropped));
    expect(dropped.metadata.labels![LABEL_PP_PERMANENT_ID]).toBeUndefined();
  });

  it("fills selector namespaces with the policy namespace (PP only)", () => {
    expect((defaulted({}).spec as { resourceSelectors: { namespace?: string }[] }).resourceSelectors[0].namespace).toBe("default");
    const c = defaulted({}, cpp, "ClusterPropagationPolicy");
    expect((c.spec as { resourceSelectors: { namespace?: string }[] }).resourceSelectors[0].namespace).toBeUndefined();
  });

  it.each([
    ["multicluster.x-k8s.io/v1alpha1", true],
    ["multicluster.x-k8s.io/v1beta1", undefined],
    ["example.com/v1alpha1", undefined],
  ])("a ServiceImport selector of %s forces propagateDeps: %s (helper.ContainsServiceImport)", (apiVersion, want) => {
    const obj = defaulted({ resourceSelectors: [{ apiVersion, kind: "ServiceImport", name: "svc" }] });
    expect((obj.spec as { propagateDeps?: boolean }).propagateDeps).toBe(want);
  });

  it("defaults spread constraints: field cluster when both empty, minGroups 0 -> 1", () => {
    const obj = defaulted({ placement: { spreadConstraints: [{ maxGroups: 2 }, { spreadByLabel: "x", minGroups: 0 }] } });
    expect((obj.spec as { placement: { spreadConstraints: unknown[] } }).placement.spreadConstraints).toEqual([
      { spreadByField: "cluster", maxGroups: 2, minGroups: 1 },
      { spreadByLabel: "x", minGroups: 1 },
    ]);
  });

  it("Divided without preference becomes Weighted; replicaScheduling is not invented", () => {
    const divided = defaulted({ placement: { replicaScheduling: {} } });
    expect((divided.spec as { placement: { replicaScheduling: unknown } }).placement.replicaScheduling).toEqual({
      replicaSchedulingType: "Divided",
      replicaDivisionPreference: "Weighted",
    });
    const none = defaulted({ placement: {} });
    expect((none.spec as { placement: Record<string, unknown> }).placement.replicaScheduling).toBeUndefined();
  });

  it("application failover: purgeMode Gracefully, tolerationSeconds 300, gracePeriodSeconds 600", () => {
    const obj = defaulted({ propagateDeps: true, failover: { application: { decisionConditions: {} } } });
    expect((obj.spec as { failover: unknown }).failover).toEqual({
      application: { decisionConditions: { tolerationSeconds: 300 }, purgeMode: "Gracefully", gracePeriodSeconds: 600 },
    });
  });
});

describe("PropagationPolicy validation", () => {
  it("accepts a typical policy", () => {
    expect(messages({ placement: { clusterAffinity: { clusterNames: ["m1", "m2"] }, replicaScheduling: { replicaSchedulingType: "Divided" } } })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["resourceSelectors required", { resourceSelectors: undefined }, "spec.resourceSelectors: Required value"],
    ["resourceSelectors at least one", { resourceSelectors: [] }, "spec.resourceSelectors: Invalid value: 0: spec.resourceSelectors in body should have at least 1 items"],
    ["replicaSchedulingType enum", { placement: { replicaScheduling: { replicaSchedulingType: "Split" } } }, 'spec.placement.replicaScheduling.replicaSchedulingType: Unsupported value: "Split": supported values: "Duplicated", "Divided"'],
    ["spreadByField enum", { placement: { spreadConstraints: [{ spreadByField: "rack" }] } }, 'spec.placement.spreadConstraints[0].spreadByField: Unsupported value: "rack": supported values: "cluster", "region", "zone", "provider"'],
    ["conflictResolution enum", { conflictResolution: "Ignore" }, 'spec.conflictResolution: Unsupported value: "Ignore": supported values: "Abort", "Overwrite"'],
    ["weight >= 1", { placement: { replicaScheduling: { replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted", weightPreference: { staticWeightList: [{ targetCluster: { clusterNames: ["a"] }, weight: 0 }] } } } }, "spec.placement.replicaScheduling.weightPreference.staticWeightList[0].weight: Invalid value: 0: spec.placement.replicaScheduling.weightPreference.staticWeightList[0].weight in body should be greater than or equal to 1"],
    ["priority type", { priority: "high" }, 'spec.priority: Invalid value: "string": spec.priority in body must be of type integer: "string"'],
    ["affinity exclusivity", { placement: { clusterAffinity: {}, clusterAffinities: [{ affinityName: "a" }] } }, "clusterAffinities cannot co-exist with clusterAffinity"],
    ["cluster spread constraint needed", { placement: { spreadConstraints: [{ spreadByField: "region", minGroups: 1 }] } }, "the cluster spread constraint must be enabled in one of the constraints in case of SpreadByField is enabled"],
    ["maxGroups >= minGroups", { placement: { spreadConstraints: [{ spreadByField: "cluster", minGroups: 3, maxGroups: 2 }] } }, "maxGroups lower than minGroups is not allowed"],
    ["duplicate spread field", { placement: { spreadConstraints: [{ spreadByField: "cluster" }, { spreadByField: "cluster" }] } }, "multiple cluster spread constraints are not allowed"],
    ["field and label exclusive", { placement: { spreadConstraints: [{ spreadByField: "cluster", spreadByLabel: "x" }] } }, "spreadByLabel should not co-exist with spreadByField"],
    ["field selector key", { placement: { clusterAffinity: { fieldSelector: { matchExpressions: [{ key: "rack", operator: "In", values: ["a"] }] } } } }, 'unsupported key "rack", must be provider, region, or zone'],
    ["failover needs propagateDeps", { failover: { application: { decisionConditions: {} } } }, "application failover is set, propagateDeps must be true"],
    ["selector namespace", { resourceSelectors: [{ apiVersion: "v1", kind: "ConfigMap", namespace: "other" }] }, "namespace of resource selector must be the same as the namespace of the policy"],
    ["preemption needs names", { preemption: "Always", resourceSelectors: [{ apiVersion: "v1", kind: "ConfigMap" }] }, "name cannot be empty if preemption is Always"],
    ["overflow needs dynamic/aggregated", { placement: { clusterAffinities: [{ affinityName: "a", clusterNames: ["x"], overflowAffinities: [{ affinityName: "b", clusterNames: ["y"] }] }] } }, "overflowAffinities can only be used together with dynamic weight or aggregated scheduling"],
  ])("%s", (_name, spec, expected) => {
    const all = messages(spec);
    expect(all.some((m) => m.includes(expected)), all.join("\n")).toBe(true);
  });

  it("CPP may select any namespace", () => {
    expect(messages({ resourceSelectors: [{ apiVersion: "v1", kind: "ConfigMap", namespace: "other" }] }, cpp, "ClusterPropagationPolicy")).toEqual([]);
  });

  it("the permanent id is immutable", () => {
    const old = defaulted({});
    const updated = structuredClone(old);
    updated.metadata.labels![LABEL_PP_PERMANENT_ID] = "changed";
    expect(pp.validate!(updated, old)).toEqual([
      { reason: "FieldValueInvalid", message: `label ${LABEL_PP_PERMANENT_ID} is immutable, it can only be set by the system during creation` },
    ]);
  });

  it("reports unknown fields for strict validation", () => {
    const obj = policy({ placement: { clusterAffinity: { clusterName: ["typo"] } }, foo: 1 });
    expect(unknownFields(pp, obj)).toEqual(['unknown field "spec.placement.clusterAffinity.clusterName"', 'unknown field "spec.foo"']);
  });
});

/** Karmada's webhook answer as one string: the denial message, or field.ErrorList aggregate. */
function denial(obj: KubeObject, old?: KubeObject): string {
  const msgs = validatePropagationPolicy(obj, old).map((c) => (c.field ? `${c.field}: ${c.message}` : String(c.message)));
  return msgs.length > 1 ? `[${msgs.join(", ")}]` : msgs[0] ?? "";
}

function webhookObj(kind: string, meta: Record<string, unknown>, spec: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: "policy.karmada.io/v1alpha1", kind, metadata: { name: "p", ...meta }, spec } as KubeObject;
}

// Handle_DecodeError_DeniesAdmission is not ported (no decoder: bodies are parsed before the webhook runs).
describe.each([
  ["PropagationPolicy", LABEL_PP_PERMANENT_ID, "pkg/webhook/propagationpolicy/validating_test.go"],
  ["ClusterPropagationPolicy", LABEL_CPP_PERMANENT_ID, "pkg/webhook/clusterpropagationpolicy/validating_test.go"],
])("%s validating webhook (%s / %s)", (kind, label) => {
  it("Handle_SchedulerNameUpdated_DeniesAdmission", () => {
    expect(denial(webhookObj(kind, {}, { schedulerName: "new-scheduler" }), webhookObj(kind, {}, { schedulerName: "default-scheduler" }))).toBe(
      "the schedulerName should not be updated",
    );
  });

  it("Handle_PermanentIDLabelUpdated_DeniesAdmission", () => {
    expect(denial(webhookObj(kind, { labels: { [label]: "new-id" } }), webhookObj(kind, { labels: { [label]: "old-id" } }))).toBe(
      `label ${label} is immutable, it can only be set by the system during creation`,
    );
  });

  it("Handle_PermanentIDLabelMissing_DeniesAdmission", () => {
    expect(denial(webhookObj(kind, { labels: {} }))).toBe(`label ${label} is required, it should be set by the mutating admission webhook during creation`);
  });

  it("Handle_ValidationSucceeds_AllowsAdmission", () => {
    expect(denial(webhookObj(kind, { labels: { [label]: "new-id" } }, { schedulerName: "default-scheduler" }))).toBe("");
  });
});

describe("PropagationPolicy validating webhook: Handle_ResourceSelectorNamespaceMismatch_DeniesAdmission", () => {
  it("denies a selector outside the policy namespace", () => {
    const obj = webhookObj("PropagationPolicy", { namespace: "ns-1", labels: { [LABEL_PP_PERMANENT_ID]: "new-id" } }, {
      resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", namespace: "ns-2" }],
    });
    expect(denial(obj)).toBe('spec.resourceSelectors[0].namespace: Invalid value: "ns-2": namespace of resource selector must be the same as the namespace of the policy');
  });

  it("through the API: 422 causes carry the same field and message", () => {
    const obj = policy({ resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: "x", namespace: "ns-2" }] });
    pp.applyDefaults!(obj);
    expect(pp.validate!(obj)).toEqual([
      { reason: "FieldValueInvalid", field: "spec.resourceSelectors[0].namespace", message: 'Invalid value: "ns-2": namespace of resource selector must be the same as the namespace of the policy' },
    ]);
  });
});

// TestMutatingAdmission_Handle_FullCoverage (pkg/webhook/propagationpolicy/mutating_test.go and the
// clusterpropagationpolicy one): every default lands, the permanent id is set on create. The
// finalizer is deliberately left to the policy controller (see PP_FINALIZER), so it is not checked.
describe.each([
  ["PropagationPolicy", LABEL_PP_PERMANENT_ID],
  ["ClusterPropagationPolicy", LABEL_CPP_PERMANENT_ID],
])("%s mutating webhook: TestMutatingAdmission_Handle_FullCoverage", (kind, label) => {
  it("applies the Karmada defaults", () => {
    const namespaced = kind === "PropagationPolicy";
    const obj: KubeObject = {
      apiVersion: "policy.karmada.io/v1alpha1",
      kind,
      metadata: namespaced ? { name: "test-propagation-policy", namespace: "test-namespace" } : { name: "test-propagation-policy" },
      spec: {
        placement: { spreadConstraints: [{}], replicaScheduling: { replicaSchedulingType: "Divided" } },
        resourceSelectors: [{ apiVersion: "multicluster.x-k8s.io/v1alpha1", kind: "ServiceImport" }, { apiVersion: "v1", kind: "ConfigMap" }],
        failover: { application: { purgeMode: "Gracefully", decisionConditions: { tolerationSeconds: 300 } } },
      },
    };
    (namespaced ? pp : cpp).applyDefaults!(obj);
    const spec = obj.spec as Record<string, any>;
    expect(spec.placement.spreadConstraints).toEqual([{ spreadByField: "cluster", minGroups: 1 }]);
    expect(spec.placement.replicaScheduling).toEqual({ replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted" });
    expect(spec.propagateDeps).toBe(true);
    expect(spec.resourceSelectors.map((s: { namespace?: string }) => s.namespace)).toEqual(namespaced ? ["test-namespace", "test-namespace"] : [undefined, undefined]);
    expect(spec.failover.application.gracePeriodSeconds).toBe(600);
    expect(obj.metadata.labels?.[label]).toMatch(/^[0-9a-f-]{36}$/);
  });
});
