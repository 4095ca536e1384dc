import { describe, expect, it } from "vitest";
import type { Condition } from "../../kube/types";
import { getCondition, isConditionFalse, isConditionTrue, removeCondition, setCondition } from "./conditions";
import { addFinalizer, hasFinalizer, removeFinalizer } from "./finalizers";
import type { KubeObject } from "../../kube/types";

const T0 = "2025-01-01T00:00:00Z";
const T1 = new Date("2025-01-01T00:05:00.123Z");
const ready = (status: Condition["status"], reason = "R", message = "m", observedGeneration?: number): Condition => ({
  type: "Ready",
  status,
  reason,
  message,
  lastTransitionTime: T0,
  ...(observedGeneration !== undefined ? { observedGeneration } : {}),
});

describe("setCondition", () => {
  it.each([
    { name: "new type is appended with now", before: [], next: ready("True"), changed: true, ltt: "2025-01-01T00:05:00Z" },
    { name: "same status and fields: unchanged", before: [ready("True")], next: ready("True"), changed: false, ltt: T0 },
    { name: "status flip moves lastTransitionTime", before: [ready("True")], next: ready("False"), changed: true, ltt: "2025-01-01T00:05:00Z" },
    { name: "reason change keeps lastTransitionTime", before: [ready("True")], next: ready("True", "Other"), changed: true, ltt: T0 },
    { name: "message change keeps lastTransitionTime", before: [ready("False")], next: ready("False", "R", "x"), changed: true, ltt: T0 },
    { name: "observedGeneration change keeps lastTransitionTime", before: [ready("True", "R", "m", 1)], next: ready("True", "R", "m", 2), changed: true, ltt: T0 },
    { name: "Unknown to True moves it", before: [ready("Unknown")], next: ready("True"), changed: true, ltt: "2025-01-01T00:05:00Z" },
  ])("$name", ({ before, next, changed, ltt }) => {
    const { lastTransitionTime: _drop, ...input } = next;
    const out = setCondition(before, input, T1);
    expect(out.changed).toBe(changed);
    expect(getCondition(out.conditions, "Ready")).toEqual({ ...next, lastTransitionTime: ltt });
  });

  it("does not mutate its input and keeps other conditions in place", () => {
    const before = [ready("True"), { ...ready("False"), type: "Other" }];
    const copy = structuredClone(before);
    const out = setCondition(before, { type: "Ready", status: "False", reason: "X", message: "y" }, T1);
    expect(before).toEqual(copy);
    expect(out.conditions.map((c) => c.type)).toEqual(["Ready", "Other"]);
  });

  it("honours an explicit lastTransitionTime on a transition", () => {
    const out = setCondition([ready("True")], { type: "Ready", status: "False", reason: "R", message: "m", lastTransitionTime: "2024-06-01T00:00:00Z" }, T1);
    expect(out.conditions[0].lastTransitionTime).toBe("2024-06-01T00:00:00Z");
  });

  it("removeCondition and the predicates", () => {
    const list = [ready("True"), { ...ready("False"), type: "Applied" }];
    expect(isConditionTrue(list, "Ready")).toBe(true);
    expect(isConditionFalse(list, "Applied")).toBe(true);
    expect(isConditionTrue(list, "Missing")).toBe(false);
    expect(isConditionTrue([ready("Unknown")], "Ready")).toBe(false);
    expect(removeCondition(list, "Ready")).toEqual({ conditions: [list[1]], changed: true });
    expect(removeCondition(list, "Nope").changed).toBe(false);
  });
});

describe("finalizers", () => {
  const obj = (): KubeObject => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a" } });

  it("addFinalizer reports a change only once", () => {
    const o = obj();
    expect(addFinalizer(o, "x/y")).toBe(true);
    expect(addFinalizer(o, "x/y")).toBe(false);
    expect(o.metadata.finalizers).toEqual(["x/y"]);
    expect(hasFinalizer(o, "x/y")).toBe(true);
  });

  it("removeFinalizer removes it and drops an empty list", () => {
    const o = obj();
    o.metadata.finalizers = ["a", "b"];
    expect(removeFinalizer(o, "a")).toBe(true);
    expect(o.metadata.finalizers).toEqual(["b"]);
    expect(removeFinalizer(o, "a")).toBe(false);
    expect(removeFinalizer(o, "b")).toBe(true);
    expect(o.metadata.finalizers).toBeUndefined();
  });
});
