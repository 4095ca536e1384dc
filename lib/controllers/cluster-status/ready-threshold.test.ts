import { describe, expect, it } from "vitest";
import type { Condition } from "../../kube/types";
import { ReadyThreshold } from "./ready-threshold";

const cond = (status: Condition["status"], reason = status === "True" ? "ClusterReady" : "ClusterNotReachable"): Condition => ({ type: "Ready", status, reason, message: "", lastTransitionTime: "t" });

/** Replays observations at given times against a current condition that follows what is published. */
function replay(steps: [number, Condition["status"]][], start?: Condition["status"]) {
  let now = 0;
  const t = new ReadyThreshold({ successThresholdMs: 30, failureThresholdMs: 40, now: () => now });
  let current: Condition | undefined = start ? cond(start) : undefined;
  const out: string[] = [];
  for (const [at, observed] of steps) {
    now = at;
    const published = t.adjust("c", current, cond(observed));
    current = { ...cond(published.status), reason: published.reason };
    out.push(published.status);
  }
  return out;
}

describe("ReadyThreshold (Karmada's thresholdAdjustedReadyCondition)", () => {
  it("a known cluster without a Ready condition gets the observation at once", () => {
    const t = new ReadyThreshold({ successThresholdMs: 30, failureThresholdMs: 40, now: () => 0 });
    t.adjust("c", undefined, cond("True"));
    expect(t.adjust("c", undefined, cond("False")).status).toBe("False");
  });

  it.each([
    ["a new cluster gets its first observation at once", [[0, "False"]], undefined, ["False"]],
    ["failures shorter than the failure threshold keep True", [[0, "True"], [10, "False"], [49, "False"], [50, "False"]], undefined, ["True", "True", "True", "False"]],
    ["a success in between restarts the failure clock", [[0, "True"], [10, "False"], [30, "True"], [40, "False"], [79, "False"], [80, "False"]], undefined, ["True", "True", "True", "True", "True", "False"]],
    ["recovery waits for the success threshold", [[0, "False"], [10, "True"], [39, "True"], [40, "True"]], undefined, ["False", "False", "False", "True"]],
    ["Unknown → False is not a crossing and moves at once", [[0, "Unknown"], [5, "False"]], undefined, ["Unknown", "False"]],
  ] as [string, [number, Condition["status"]][], Condition["status"] | undefined, string[]][])("%s", (_n, steps, start, expected) => {
    expect(replay(steps, start)).toEqual(expected);
  });
});
