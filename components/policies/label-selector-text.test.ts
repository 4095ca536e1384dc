import { describe, expect, it } from "vitest";
import { labelSelectorTextError, labelSelectorToText, textToLabelSelector } from "./label-selector-text";

describe("label selector text", () => {
  it.each([
    ["", undefined],
    ["env=prod", { matchLabels: { env: "prod" } }],
    ["env=prod,tier in (web,api)", { matchLabels: { env: "prod" }, matchExpressions: [{ key: "tier", operator: "In", values: ["web", "api"] }] }],
    ["env!=dev", { matchExpressions: [{ key: "env", operator: "NotIn", values: ["dev"] }] }],
    ["gpu,!legacy", { matchExpressions: [{ key: "gpu", operator: "Exists" }, { key: "legacy", operator: "DoesNotExist" }] }],
  ])("%j → LabelSelector", (text, want) => expect(textToLabelSelector(text)).toEqual(want));

  it("round-trips through the string form", () => {
    const sel = textToLabelSelector("env=prod,tier notin (a,b),gpu")!;
    expect(textToLabelSelector(labelSelectorToText(sel))).toEqual(sel);
  });

  it("reports syntax errors", () => {
    expect(labelSelectorTextError("env in (a")).toBeTruthy();
    expect(labelSelectorTextError("env=prod")).toBeUndefined();
  });
});
