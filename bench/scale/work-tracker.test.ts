import { describe, expect, it } from "vitest";
import { WorkTally } from "./work-tracker";

const work = (name: string, binding: string, applied: boolean | undefined) => ({
  metadata: { namespace: "karmada-es-m1", name, annotations: { "resourcebinding.karmada.io/name": binding } },
  status: applied === undefined ? undefined : { conditions: [{ type: "Applied", status: applied ? "True" : "False" }] },
});

describe("WorkTally", () => {
  it("counts a Work once, when it first shows Applied=True", () => {
    const t = new WorkTally();
    expect(t.observe("ADDED", work("w1", "a-deployment", undefined), 1)).toBeUndefined();
    expect(t.observe("MODIFIED", work("w1", "a-deployment", false), 2)).toBeUndefined();
    expect(t.observe("MODIFIED", work("w1", "a-deployment", true), 3)).toBe("a-deployment");
    expect(t.observe("MODIFIED", work("w1", "a-deployment", true), 4)).toBeUndefined();
    expect(t.total).toBe(1);
    expect(t.appliedFor("a-deployment")).toBe(1);
  });

  it("resolves a waiter at the event that reaches the wanted count", async () => {
    const t = new WorkTally();
    const p = t.whenApplied("b-deployment", 2, () => 0);
    t.observe("ADDED", work("w1", "b-deployment", true), 10);
    t.observe("ADDED", work("w2", "other", true), 15);
    t.observe("MODIFIED", work("w3", "b-deployment", true), 20);
    await expect(p).resolves.toBe(20);
    await expect(t.whenApplied("b-deployment", 1, () => 99)).resolves.toBe(99);
  });

  it("forgets deleted Works and reports ones applied again", () => {
    const t = new WorkTally();
    t.observe("ADDED", work("w1", "c-deployment", true), 1);
    t.observe("DELETED", work("w1", "c-deployment", true), 2);
    expect(t.total).toBe(0);
    expect(t.appliedFor("c-deployment")).toBe(0);
    t.observe("ADDED", work("w1", "c-deployment", true), 3);
    expect(t.reapplied).toBe(1);
    expect(t.total).toBe(1);
  });
});
