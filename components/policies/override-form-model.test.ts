import { describe, expect, it } from "vitest";
import type { OverridePolicy } from "../../lib/kube/karmada";
import { emptyRule, overrideFormSchema, overrideToValues, valuesToOverride } from "./override-form-model";

const full: OverridePolicy = {
  apiVersion: "policy.karmada.io/v1alpha1",
  kind: "OverridePolicy",
  metadata: { name: "img", namespace: "default" },
  spec: {
    resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: "nginx" }],
    overrideRules: [
      {
        targetCluster: { clusterNames: ["m2"] },
        overriders: {
          imageOverrider: [{ component: "Tag", operator: "replace", value: "1.27-alpine" }, { component: "Registry", operator: "replace", value: "mirror.local", predicate: { path: "/spec/template/spec/containers/0/image" } }],
          labelsOverrider: [{ operator: "add", value: { a: "1", b: "2" } }],
          annotationsOverrider: [{ operator: "remove", value: { old: "" } }],
          commandOverrider: [{ containerName: "nginx", operator: "add", value: ["--x", "--y"] }],
          argsOverrider: [{ containerName: "nginx", operator: "remove", value: ["-v"] }],
          plaintext: [{ path: "/spec/replicas", operator: "replace", value: 5 }],
          fieldOverrider: [{ fieldPath: "/data/config", yaml: [{ subPath: "/a", operator: "replace", value: 1 }] }],
        },
      },
    ],
  },
};

describe("override form model", () => {
  it("round-trips every overrider (and keeps the fieldOverrider the form does not show)", () => {
    expect(valuesToOverride(overrideToValues(full), full)).toEqual(full);
  });

  it("groups label rows by operator into Karmada's map form", () => {
    const v = overrideToValues(full);
    v.rules[0].labels.push({ operator: "remove", key: "c", value: "" });
    expect(valuesToOverride(v, full).spec.overrideRules![0].overriders.labelsOverrider).toEqual([
      { operator: "add", value: { a: "1", b: "2" } },
      { operator: "remove", value: { c: "" } },
    ]);
  });

  it("splits command values one per line", () => {
    const v = overrideToValues(full);
    expect(v.rules[0].command[0].values).toBe("--x\n--y");
    v.rules[0].command[0].values = "--a\n\n  --b ";
    expect(valuesToOverride(v, full).spec.overrideRules![0].overriders.commandOverrider).toEqual([{ containerName: "nginx", operator: "add", value: ["--a", "--b"] }]);
  });

  it("an empty rule targets every cluster and has no overriders", () => {
    const p = valuesToOverride({ kind: "ClusterOverridePolicy", name: "all", namespace: "", resourceSelectors: [], rules: [emptyRule()] });
    expect(p.spec).toEqual({ overrideRules: [{ overriders: {} }] });
    expect(p.metadata.namespace).toBeUndefined();
  });

  it.each([
    ["plaintext value that is not JSON", (v: ReturnType<typeof overrideToValues>) => (v.rules[0].plaintext[0].value = "five"), "rules.0.plaintext.0.value"],
    ["plaintext path not a pointer", (v: ReturnType<typeof overrideToValues>) => (v.rules[0].plaintext[0].path = "spec.replicas"), "rules.0.plaintext.0.path"],
    ["label without key", (v: ReturnType<typeof overrideToValues>) => (v.rules[0].labels[0].key = ""), "rules.0.labels.0.key"],
    ["no rules", (v: ReturnType<typeof overrideToValues>) => (v.rules = []), "rules"],
  ])("rejects %s", (_n, mutate, path) => {
    const v = overrideToValues(full);
    mutate(v);
    const r = overrideFormSchema.safeParse(v);
    expect(r.error?.issues.map((i) => i.path.join("."))).toContain(path);
  });
});
