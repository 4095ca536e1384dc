import { describe, expect, it } from "vitest";
import { ScheduleError, formatFitError, toScheduleError } from "./framework";

/** Tables of Karmada's pkg/scheduler/framework/types_test.go (TestFitError_Error, TestUnschedulableError_Error) and helper_test.go Test_getConditionByError. */

describe("types_test.go TestFitError_Error", () => {
  it("No clusters available", () => {
    expect(formatFitError(0, new Map())).toBe("0/0 clusters are available: no cluster exists.");
  });

  it("Multiple reasons for unavailability: every reason of every cluster is counted", () => {
    const got = formatFitError(
      3,
      new Map<string, string | string[]>([
        ["cluster1", ["insufficient CPU", "insufficient memory"]],
        ["cluster2", ["insufficient CPU"]],
        ["cluster3", "taint mismatch"],
      ]),
    );
    expect(got).toBe("0/3 clusters are available: 1 insufficient memory, 1 taint mismatch, 2 insufficient CPU.");
  });

  it("clusters exist but none reported a reason (all being deleted)", () => {
    expect(formatFitError(2, new Map())).toBe("0/2 clusters are available: no cluster exists.");
  });
});

describe("types_test.go TestUnschedulableError_Error", () => {
  it.each(["Insufficient CPU in all clusters", "No cluster matches required tolerations"])("%s", (message) => {
    expect(new ScheduleError("Unschedulable", message).message).toBe(message);
  });
});

describe("helper_test.go Test_getConditionByError (the kind survives wrapping)", () => {
  it.each<[string, ScheduleError, string]>([
    ["no cluster fit", new ScheduleError("NoClusterFit", "0/0 clusters are available: no cluster exists."), "NoClusterFit"],
    ["unschedulable error", new ScheduleError("Unschedulable", ""), "Unschedulable"],
    ["wrapped unschedulable error", new ScheduleError("Unschedulable", "insufficient replicas").wrap("failed to scale up").wrap("failed to assign replicas"), "Unschedulable"],
    ["failed to schedule", toScheduleError(new Error("")), "SchedulerError"],
  ])("%s", (_n, err, reason) => {
    expect(err.reason).toBe(reason);
  });

  it("wrapping prefixes the message as fmt.Errorf(\"%s: %w\") does", () => {
    expect(new ScheduleError("Unschedulable", "insufficient replicas").wrap("failed to scale up").wrap("failed to assign replicas").message).toBe(
      "failed to assign replicas: failed to scale up: insufficient replicas",
    );
  });
});
