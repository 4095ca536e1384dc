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

  it("orders equal policy names as Go's sort.Slice (pdqsort) does beyond 12 items", () => {
    // One policy "p" with twelve rules matching the cluster (one item per rule, told apart by
    // their label values), then a policy "a" whose name sorts first. A stable sort would give
    // a, p0..p11; Go's pdqsort picks p6 as pivot and swaps it and p1 around (traced by hand in
    // lib/scheduler/go-sort.test.ts for the same shape).
    const items = [...Array(12).keys()].map((i) => ({ policyName: "p", overriders: { labelsOverrider: [{ operator: "add" as const, value: { rule: `p${i}` } }] } }));
    items.push({ policyName: "a", overriders: { labelsOverrider: [{ operator: "add" as const, value: { rule: "a" } }] } });
    const order = (JSON.parse(serializeAppliedOverrides(items)!) as { overriders: { labelsOverrider: { value: { rule: string } }[] } }[]).map((i) => i.overriders.labelsOverrider[0].value.rule);
    expect(order).toEqual(["a", "p6", "p2", "p3", "p4", "p5", "p0", "p7", "p8", "p9", "p10", "p11", "p1"]);
    // Up to 12 items Go's sort is an insertion sort: ties keep their order.
    const few = [...items.slice(0, 11), items[12]];
    const fewOrder = (JSON.parse(serializeAppliedOverrides(few)!) as { overriders: { labelsOverrider: { value: { rule: string } }[] } }[]).map((i) => i.overriders.labelsOverrider[0].value.rule);
    expect(fewOrder).toEqual(["a", ...[...Array(11).keys()].map((i) => `p${i}`)]);
  });
});
