import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../types";
import { overridePolicyDescriptor, clusterOverridePolicyDescriptor, jsonPointerError } from "./override-policy";

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
    ["spec", 'JSON pointer must be empty or start with a "/'],
    ["/a~2b", 'invalid escape sequence in JSON pointer "/a~2b"'],
  ])("JSON pointer %j", (p, err) => {
    expect(jsonPointerError(p)).toBe(err);
  });
});
