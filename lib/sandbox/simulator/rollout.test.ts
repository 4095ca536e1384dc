import { describe, expect, it } from "vitest";
import { rollingStep, scaled, surgeAndUnavailable } from "./rollout";

describe("scaled", () => {
  it.each([
    ["25%", 3, true, 1],
    ["25%", 3, false, 0],
    ["50%", 5, true, 3],
    [2, 10, false, 2],
  ])("%s of %d (up=%s) = %d", (v, total, up, want) => {
    expect(scaled(v, total as number, up as boolean)).toBe(want);
  });
});

describe("surgeAndUnavailable", () => {
  it("defaults to 25%/25% and never both zero", () => {
    const d = (spec: Record<string, unknown>) => ({ apiVersion: "apps/v1", kind: "Deployment", metadata: {}, spec });
    expect(surgeAndUnavailable(d({ replicas: 4 }))).toEqual({ maxSurge: 1, maxUnavailable: 1 });
    expect(surgeAndUnavailable(d({ replicas: 3 }))).toEqual({ maxSurge: 1, maxUnavailable: 0 });
    expect(surgeAndUnavailable(d({ replicas: 3, strategy: { type: "Recreate" } }))).toEqual({ maxSurge: 0, maxUnavailable: 0 });
  });
});

describe("rollingStep", () => {
  it("creates the new set within surge first", () => {
    const plan = rollingStep(3, 1, 0, { name: "new", replicas: 0, available: 0 }, [{ name: "old", replicas: 3, available: 3 }]);
    expect(Object.fromEntries(plan)).toEqual({ new: 1, old: 3 });
  });

  it("shrinks old sets once new pods are available", () => {
    const plan = rollingStep(3, 1, 0, { name: "new", replicas: 1, available: 1 }, [{ name: "old", replicas: 3, available: 3 }]);
    expect(Object.fromEntries(plan)).toEqual({ new: 1, old: 2 });
  });

  it("removes unhealthy old replicas first, within the unavailability budget", () => {
    // 5 pods, 3 must stay available, the new one is not yet: one unhealthy old replica may go.
    const plan = rollingStep(4, 1, 1, { name: "new", replicas: 1, available: 0 }, [{ name: "old", replicas: 4, available: 2 }]);
    expect(plan.get("old")).toBe(3);
  });

  it("scales the new set down when replicas shrink", () => {
    expect(rollingStep(1, 1, 0, { name: "new", replicas: 3, available: 3 }, []).get("new")).toBe(1);
  });

  it("converges to the new set alone", () => {
    let n = { name: "new", replicas: 0, available: 0 };
    let o = { name: "old", replicas: 3, available: 3 };
    for (let i = 0; i < 10; i++) {
      const plan = rollingStep(3, 1, 1, n, [o]);
      n = { name: "new", replicas: plan.get("new")!, available: plan.get("new")! };
      o = { name: "old", replicas: plan.get("old")!, available: plan.get("old")! };
    }
    expect([n.replicas, o.replicas]).toEqual([3, 0]);
  });
});
