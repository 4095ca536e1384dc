import { describe, expect, it } from "vitest";
import { conditionTone, primaryCondition, statusTone } from "./condition-tone";

describe("conditionTone", () => {
  it.each([
    ["Ready", "True", "success", "Ready"],
    ["Ready", "False", "danger", "NotReady"],
    ["Ready", "Unknown", "warning", "Unknown"],
    ["Applied", "True", "success", "Applied"],
    ["Applied", "False", "danger", "NotApplied"],
    ["FullyApplied", "False", "danger", "NotFullyApplied"],
    ["Scheduled", "Unknown", "warning", "ScheduledUnknown"],
    ["MemoryPressure", "True", "danger", "MemoryPressure"],
    ["MemoryPressure", "False", "success", "NoMemoryPressure"],
    ["NetworkUnavailable", "False", "success", "NoNetworkUnavailable"],
    ["ReplicaFailure", "True", "danger", "ReplicaFailure"],
  ])("%s=%s → %s %s", (type, status, tone, text) => {
    expect(conditionTone({ type, status })).toEqual({ tone, text });
  });

  it("always returns text, so colour is never the only signal", () => {
    for (const status of ["True", "False", "Unknown", ""]) expect(conditionTone({ type: "X", status }).text).not.toBe("");
  });
});

describe("statusTone", () => {
  it.each([
    ["Ready", "success"],
    ["NotReady", "danger"],
    ["not ready", "danger"],
    ["Unknown", "warning"],
    ["Warning", "warning"],
    ["Normal", "neutral"],
    ["Progressing", "info"],
    ["something else", "neutral"],
  ])("%s → %s", (text, tone) => {
    expect(statusTone(text)).toBe(tone);
  });
});

describe("primaryCondition", () => {
  it("prefers Ready over other types regardless of order (conditions have no stable order)", () => {
    const cs = [
      { type: "Scheduled", status: "True" },
      { type: "Ready", status: "False" },
    ];
    expect(primaryCondition(cs)?.type).toBe("Ready");
    expect(primaryCondition([{ type: "Scheduled" }, { type: "FullyApplied" }])?.type).toBe("FullyApplied");
    expect(primaryCondition([{ type: "Custom" }])?.type).toBe("Custom");
    expect(primaryCondition([])).toBeUndefined();
  });
});
