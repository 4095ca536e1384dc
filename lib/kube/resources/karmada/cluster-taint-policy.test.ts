import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../types";
import { clusterTaintPolicyDescriptor } from "./cluster-taint-policy";

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
