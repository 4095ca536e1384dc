import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../types";
import { clusterTaintPolicyDescriptor, validateClusterTaintPolicy } from "./cluster-taint-policy";

const d = clusterTaintPolicyDescriptor();

function ctp(spec: Record<string, unknown>): KubeObject {
  return { apiVersion: "policy.karmada.io/v1alpha1", kind: "ClusterTaintPolicy", metadata: { name: "t" }, spec };
}

const cond = { conditionType: "Ready", operator: "In", statusValues: ["False"] };

describe("ClusterTaintPolicy", () => {
  it("is cluster-scoped and accepts a NoSchedule taint", () => {
    expect(d.namespaced).toBe(false);
    expect(d.validate!(ctp({ addOnConditions: [cond], taints: [{ key: "k", effect: "NoSchedule" }] }))).toEqual([]);
  });

  it("rejects NoExecute and duplicate taints (webhook)", () => {
    const msgs = d
      .validate!(ctp({ addOnConditions: [cond], taints: [{ key: "k", effect: "NoExecute" }, { key: "k", effect: "NoSchedule" }, { key: "k", effect: "NoSchedule" }] }))
      .map((c) => `${c.field}: ${c.message}`);
    expect(msgs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^spec\.taints\[0\]: Forbidden: Configuring taint with NoExecute effect/),
        'spec.taints[1]: Duplicate value: "Duplicate taint with the same key(k) and effect(NoSchedule) is not allowed"',
      ]),
    );
  });

  it("reports schema errors alone: the webhook never sees an object the schema refused", () => {
    const msgs = d
      .validate!(ctp({ addOnConditions: [cond], taints: [{ key: "k", effect: "NoExecute" }, { effect: "NoSchedule" }] }))
      .map((c) => `${c.field}: ${c.message}`);
    expect(msgs).toEqual(["spec.taints[1].key: Required value"]);
  });
});

// pkg/webhook/clustertaintpolicy/validating_test.go TestValidatePolicyTaints (5 cases) and
// TestHandle (the two validation cases; "Decoding failed" has no counterpart here).
describe("TestValidatePolicyTaints", () => {
  const NO_EXECUTE = "spec.taints[0]: Forbidden: Configuring taint with NoExecute effect is not allowed, this capability must be explicitly enabled by administrators through command-line flags";
  const dup = (i: number, key: string, effect: string) => `spec.taints[${i}]: Duplicate value: "Duplicate taint with the same key(${key}) and effect(${effect}) is not allowed"`;
  it.each<[string, Record<string, string>[], boolean, string[]]>([
    ["Non-repeating key-value pairs", [{ key: "key1", effect: "NoSchedule" }, { key: "key2", effect: "PreferNoSchedule" }], true, []],
    ["There are duplicate key-value pairs", [{ key: "key1", effect: "NoSchedule" }, { key: "key1", effect: "NoSchedule", value: "value1" }], true, [dup(0, "key1", "NoSchedule")]],
    ["Some duplicate key-value pairs", [{ key: "key1", effect: "NoSchedule" }, { key: "key2", effect: "PreferNoSchedule" }, { key: "key1", effect: "NoSchedule" }], true, [dup(0, "key1", "NoSchedule")]],
    [
      "Multi duplicate key-value pairs",
      [
        { key: "key1", effect: "NoSchedule" },
        { key: "key2", effect: "SelectiveNoSchedule", value: "value1" },
        { key: "key1", effect: "NoSchedule" },
        { key: "key3", effect: "NoExecute" },
        { key: "key2", effect: "SelectiveNoSchedule" },
      ],
      true,
      [dup(0, "key1", "NoSchedule"), dup(1, "key2", "SelectiveNoSchedule")],
    ],
    ["NoExecute effect is not allowed", [{ key: "key1", effect: "NoExecute" }], false, [NO_EXECUTE]],
  ])("%s", (_n, taints, allowNoExecute, want) => {
    expect(validateClusterTaintPolicy(ctp({ taints }), allowNoExecute).map((c) => `${c.field}: ${c.message}`)).toEqual(want);
  });

  it.each<[string, Record<string, string>[], string]>([
    ["Validation success", [{ key: "key1", effect: "NoSchedule" }, { key: "key2", effect: "PreferNoSchedule" }], ""],
    ["Validation failed", [{ key: "key1", effect: "NoSchedule" }, { key: "key2", effect: "PreferNoSchedule" }, { key: "key1", effect: "NoSchedule" }], dup(0, "key1", "NoSchedule")],
  ])("TestHandle: %s", (_n, taints, want) => {
    const msgs = d.validate!(ctp({ addOnConditions: [cond], taints })).map((c) => `${c.field}: ${c.message}`);
    if (!want) expect(msgs).toEqual([]);
    else expect(msgs.join(", ")).toContain(want);
  });
});
