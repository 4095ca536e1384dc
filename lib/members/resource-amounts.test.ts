import { describe, expect, it } from "vitest";
import { ResourceAmounts } from "./resource-amounts";

describe("ResourceAmounts", () => {
  it("adds repeated quantities exactly (memoised parsing gives the same values every time)", () => {
    const a = new ResourceAmounts();
    for (let i = 0; i < 3; i++) a.addPodRequest({ containers: [{ resources: { requests: { cpu: "100m", memory: "128Mi", "example.com/gpu": "1" } } }] });
    a.add({ cpu: "1", pods: "2" });
    expect([a.milliCPU, a.memory, a.pods, a.scalars.get("example.com/gpu")]).toEqual([1300, 3 * 128 * 2 ** 20, 2, 3]);
    expect(a.toResourceList()).toEqual({ cpu: "1300m", memory: "384Mi", pods: "2", "example.com/gpu": "3" });
    expect(() => a.add({ cpu: "bad" })).toThrow(/quantities must match/);
  });
});
