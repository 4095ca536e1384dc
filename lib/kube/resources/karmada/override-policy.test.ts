import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../types";
import { overridePolicyDescriptor, clusterOverridePolicyDescriptor, jsonPointerError, validateOverridePolicy } from "./override-policy";

const op = overridePolicyDescriptor();
const cop = clusterOverridePolicyDescriptor();

function policy(spec: Record<string, unknown>, cluster = false): KubeObject {
  return {
    apiVersion: "policy.karmada.io/v1alpha1",
    kind: cluster ? "ClusterOverridePolicy" : "OverridePolicy",
    metadata: cluster ? { name: "o" } : { name: "o", namespace: "default" },
    spec,
  };
}

function messages(spec: Record<string, unknown>, cluster = false): string[] {
  const d = cluster ? cop : op;
  const obj = policy(spec, cluster);
  d.applyDefaults!(obj);
  return d.validate!(obj).map((c) => `${c.field}: ${c.message}`);
}

const imageRule = { overriders: { imageOverrider: [{ component: "Registry", operator: "replace", value: "r.io" }] } };

describe("OverridePolicy", () => {
  it("accepts rules without selectors and fills selector namespaces", () => {
    expect(messages({ overrideRules: [imageRule] })).toEqual([]);
    const obj = policy({ resourceSelectors: [{ apiVersion: "v1", kind: "ConfigMap" }], overrideRules: [imageRule] });
    op.applyDefaults!(obj);
    expect((obj.spec as { resourceSelectors: { namespace: string }[] }).resourceSelectors[0].namespace).toBe("default");
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["image component enum", { overrideRules: [{ overriders: { imageOverrider: [{ component: "Digest", operator: "replace", value: "x" }] } }] }, 'spec.overrideRules[0].overriders.imageOverrider[0].component: Unsupported value: "Digest": supported values: "Registry", "Repository", "Tag"'],
    ["plaintext operator enum", { overrideRules: [{ overriders: { plaintext: [{ path: "/spec/replicas", operator: "set", value: 1 }] } }] }, 'spec.overrideRules[0].overriders.plaintext[0].operator: Unsupported value: "set": supported values: "add", "remove", "replace"'],
    ["plaintext path required", { overrideRules: [{ overriders: { plaintext: [{ operator: "remove" }] } }] }, "spec.overrideRules[0].overriders.plaintext[0].path: Required value"],
    ["rules vs targetCluster", { overrideRules: [imageRule], targetCluster: { clusterNames: ["a"] } }, "overrideRules and targetCluster can't co-exist"],
    ["rules vs overriders", { overrideRules: [imageRule], overriders: imageRule.overriders }, "overrideRules and overriders can't co-exist"],
    ["predicate pointer", { overrideRules: [{ overriders: { imageOverrider: [{ predicate: { path: "spec/x" }, component: "Tag", operator: "replace", value: "v1" }] } }] }, "spec.overrideRules[0].overriders.imageOverrider[0].predicate.path"],
    ["field overrider needs json or yaml", { overrideRules: [{ overriders: { fieldOverrider: [{ fieldPath: "/data/x" }] } }] }, "FieldOverrider must have either JSON or YAML set"],
    ["remove takes no value", { overrideRules: [{ overriders: { fieldOverrider: [{ fieldPath: "/data/x", json: [{ subPath: "/a", operator: "remove", value: 1 }] }] } }] }, "value is not allowed for remove operation"],
    ["label values", { overrideRules: [{ overriders: { labelsOverrider: [{ operator: "add", value: { app: "bad value!" } }] } }] }, "spec.overrideRules[0].overriders.labelsOverrider[0].value"],
    ["selector namespace", { resourceSelectors: [{ apiVersion: "v1", kind: "ConfigMap", namespace: "x" }] }, "namespace of resource selector must be the same as the namespace of the policy"],
  ])("rejects: %s", (_n, spec, expected) => {
    const all = messages(spec);
    expect(all.some((m) => m.includes(expected)), all.join("\n")).toBe(true);
  });

  it("ClusterOverridePolicy allows any selector namespace", () => {
    expect(messages({ resourceSelectors: [{ apiVersion: "v1", kind: "ConfigMap", namespace: "x" }], overrideRules: [imageRule] }, true)).toEqual([]);
  });

  it.each([
    ["", undefined],
    ["/spec/template", undefined],
    ["spec", 'JSON pointer must be empty or start with a "/"\nJSON pointer error'],
    // go-openapi/jsonpointer New checks the start only; escapes are not validated.
    ["/a~2b", undefined],
  ])("JSON pointer %j", (p, err) => {
    expect(jsonPointerError(p)).toBe(err);
  });
});

/** The webhook's denial: field.ErrorList aggregate of ValidateOverrideSpec with the request namespace. */
function denial(obj: KubeObject): string {
  const msgs = validateOverridePolicy(obj, obj.kind === "OverridePolicy").map((c) => (c.field ? `${c.field}: ${c.message}` : String(c.message)));
  return msgs.length > 1 ? `[${msgs.join(", ")}]` : msgs[0] ?? "";
}

const member1 = { clusterNames: ["member1"] };
const selectors = [{ apiVersion: "test-apiversion", kind: "test" }];
const fieldRule = (fo: Record<string, unknown>) => ({ overrideRules: [{ overriders: { fieldOverrider: [fo] } }] });

// pkg/webhook/overridepolicy/validating_test.go and pkg/webhook/clusteroverridepolicy/validating_test.go
// (Handle_DecodeError_DeniesAdmission is not ported: bodies are parsed before the webhook runs).
describe.each([["OverridePolicy"], ["ClusterOverridePolicy"]])("%s validating webhook", (kind) => {
  const obj = (spec: Record<string, unknown>, namespace?: string): KubeObject =>
    ({ apiVersion: "policy.karmada.io/v1alpha1", kind, metadata: { name: "o", ...(namespace ? { namespace } : {}) }, spec }) as KubeObject;

  it.each<[string, Record<string, unknown>, string]>([
    [
      "Handle_ValidationOverrideSpecFails_DeniesAdmission",
      { resourceSelectors: selectors, overrideRules: [{ targetCluster: member1, overriders: { labelsOverrider: [{ operator: "add", value: { "testannotation~projectId": "c-m-lfx9lk92p-v86cf" } }] } }] },
      'Invalid value: "testannotation~projectId"',
    ],
    ["Handle_ValidationSucceeds_AllowsAdmission", { resourceSelectors: selectors, overrideRules: [{ targetCluster: member1, overriders: { plaintext: [{ path: "/spec/optional", operator: "remove" }] } }] }, ""],
  ])("%s", (_n, spec, want) => {
    const got = denial(obj(spec));
    if (!want) expect(got).toBe("");
    else expect(got).toContain(want);
  });

  if (kind !== "OverridePolicy") return;
  it.each<[string, Record<string, unknown>, string]>([
    [
      "Handle_FieldOverrider_ContainsBothYAMLAndJSON_DeniesAdmission",
      {
        resourceSelectors: selectors,
        overrideRules: [
          {
            targetCluster: member1,
            overriders: {
              fieldOverrider: [
                { fieldPath: "/data/config", json: [{ subPath: "/db-config", operator: "replace", value: { db: "new" } }], yaml: [{ subPath: "/db-config", operator: "replace", value: "db: new" }] },
              ],
            },
          },
        ],
      },
      "FieldOverrider has both YAML and JSON set. Only one is allowed",
    ],
    [
      "Handle_InvalidFieldPathInYAML_DeniesAdmission",
      fieldRule({ fieldPath: "invalidPath", yaml: [{ subPath: "/db-config", operator: "replace", value: "db: new" }] }),
      'spec.overrideRules[0].overriders.fieldOverrider[0].fieldPath: Invalid value: "invalidPath": JSON pointer must be empty or start with a "/',
    ],
    [
      "Handle_InvalidJSONSubPath_DeniesAdmission",
      fieldRule({ fieldPath: "/data/config", json: [{ subPath: "invalidSubPath", operator: "replace", value: { db: "new" } }] }),
      'spec.overrideRules[0].overriders.fieldOverrider[0].json[0].subPath: Invalid value: "invalidSubPath": JSON pointer must be empty or start with a "/',
    ],
    [
      "Handle_InvalidYAMLSubPath_DeniesAdmission",
      fieldRule({ fieldPath: "/data/config", yaml: [{ subPath: "invalidSubPath", operator: "replace", value: "db: new" }] }),
      'spec.overrideRules[0].overriders.fieldOverrider[0].yaml[0].subPath: Invalid value: "invalidSubPath": JSON pointer must be empty or start with a "/',
    ],
    [
      "Handle_InvalidJSONValue_DeniesAdmission_OverriderOpReplace",
      fieldRule({ fieldPath: "/data/config", json: [{ subPath: "/db-config", operator: "replace" }] }),
      "spec.overrideRules[0].overriders.fieldOverrider[0].json[0].value: Invalid value: null: value is required for add or replace operation",
    ],
    [
      "Handle_InvalidJSONValue_DeniesAdmission_OverriderOpAdd",
      fieldRule({ fieldPath: "/data/config", json: [{ subPath: "/db-config", operator: "add" }] }),
      "spec.overrideRules[0].overriders.fieldOverrider[0].json[0].value: Invalid value: null: value is required for add or replace operation",
    ],
    [
      "Handle_InvalidJSONValue_DeniesAdmission_OverriderOpRemove",
      fieldRule({ fieldPath: "/data/config", json: [{ subPath: "/db-config", operator: "remove", value: { db: "new" } }] }),
      'spec.overrideRules[0].overriders.fieldOverrider[0].json[0].value: Invalid value: {"db":"new"}: value is not allowed for remove operation',
    ],
  ])("%s", (_n, spec, want) => {
    expect(denial(obj(spec))).toContain(want);
  });

  it("Handle_ResourceSelectorNamespaceMismatch_DeniesAdmission", () => {
    expect(denial(obj({ resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", namespace: "ns-2" }] }, "ns-1"))).toBe(
      'spec.resourceSelectors[0].namespace: Invalid value: "ns-2": namespace of resource selector must be the same as the namespace of the policy',
    );
  });
});

// pkg/webhook/overridepolicy/mutating_test.go TestMutatingAdmission_Handle_FullCoverage.
describe("OverridePolicy mutating webhook", () => {
  it("fills every empty selector namespace with the policy namespace and nothing else", () => {
    const obj: KubeObject = { apiVersion: "policy.karmada.io/v1alpha1", kind: "OverridePolicy", metadata: { name: "test-override-policy", namespace: "test-namespace" }, spec: { resourceSelectors: [{ apiVersion: "v1", kind: "ConfigMap" }, { apiVersion: "v1", kind: "Secret" }] } };
    op.applyDefaults!(obj);
    expect(obj.spec).toEqual({ resourceSelectors: [{ apiVersion: "v1", kind: "ConfigMap", namespace: "test-namespace" }, { apiVersion: "v1", kind: "Secret", namespace: "test-namespace" }] });
    expect(obj.metadata.labels).toBeUndefined();
  });
});
