import { describe, expect, it } from "vitest";
import { applyTaintChanges, NOT_READY_TAINT, taintChangesFor, taintsMessage, UNREACHABLE_TAINT } from "./taints";

describe("cluster taints", () => {
  it("keeps other taints in place and stamps added ones", () => {
    const current = [{ key: "a", effect: "NoSchedule" as const }, { ...UNREACHABLE_TAINT, timeAdded: "old" }, { key: "b", value: "v", effect: "NoExecute" as const }];
    const next = applyTaintChanges(current, { add: [NOT_READY_TAINT], remove: [UNREACHABLE_TAINT] }, "now");
    expect(next).toEqual([{ key: "a", effect: "NoSchedule" }, { key: "b", value: "v", effect: "NoExecute" }, { ...NOT_READY_TAINT, timeAdded: "now" }]);
  });

  it("answers undefined when nothing changes (no write)", () => {
    expect(applyTaintChanges([{ ...NOT_READY_TAINT, value: "x" }], taintChangesFor(undefined), "now")).toBeUndefined();
    expect(applyTaintChanges(undefined, taintChangesFor({ type: "Ready", status: "True", reason: "", message: "", lastTransitionTime: "" }), "now")).toBeUndefined();
  });

  it("same key with another effect is a different taint", () => {
    expect(applyTaintChanges([{ key: NOT_READY_TAINT.key, effect: "NoExecute" }], { add: [NOT_READY_TAINT], remove: [] }, "now")).toHaveLength(2);
  });

  it("formats Karmada's message", () => {
    expect(taintsMessage([])).toBe("cluster now does not have taints");
    expect(taintsMessage([{ key: "k", value: "v", effect: "NoExecute" }, NOT_READY_TAINT])).toBe("cluster now has taints([{Key:k,Value:v,Effect:NoExecute},{Key:cluster.karmada.io/not-ready,Effect:NoSchedule}])");
  });
});
