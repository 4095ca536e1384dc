import { describe, expect, it } from "vitest";
import { serializeAppliedOverrides } from "./applied-overrides";

describe("serializeAppliedOverrides", () => {
  it("is undefined for nothing applied and sorts by policy name (Karmada TestAppliedOverrides_AscendOrder)", () => {
    expect(serializeAppliedOverrides([])).toBeUndefined();
    expect(serializeAppliedOverrides([{ policyName: "bbb", overriders: {} }, { policyName: "aaa", overriders: {} }, { policyName: "ccc", overriders: {} }])).toBe(
      '[{"policyName":"aaa","overriders":{}},{"policyName":"bbb","overriders":{}},{"policyName":"ccc","overriders":{}}]',
    );
  });

  it("writes Go field order, omits empty fields, sorts map keys and escapes HTML", () => {
    const text = serializeAppliedOverrides([
      {
        policyName: "p",
        overriders: {
          fieldOverrider: [{ fieldPath: "/data/x", yaml: [{ subPath: "/a", operator: "remove" }] }],
          imageOverrider: [{ component: "Tag", operator: "remove" }],
          commandOverrider: [{ containerName: "c", operator: "add", value: [] }],
          plaintext: [{ path: "/spec/x", operator: "add", value: { z: 1, a: "<b>" } }],
          labelsOverrider: [{ operator: "add", value: { b: "2", a: "1" } }],
        },
      },
    ]);
    expect(text).toBe(
      '[{"policyName":"p","overriders":{' +
        '"plaintext":[{"path":"/spec/x","operator":"add","value":{"a":"\\u003cb\\u003e","z":1}}],' +
        '"imageOverrider":[{"component":"Tag","operator":"remove"}],' +
        '"commandOverrider":[{"containerName":"c","operator":"add"}],' +
        '"labelsOverrider":[{"operator":"add","value":{"a":"1","b":"2"}}],' +
        '"fieldOverrider":[{"fieldPath":"/data/x","yaml":[{"subPath":"/a","operator":"remove","value":null}]}]}}]',
    );
  });
});
