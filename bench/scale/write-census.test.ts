import { describe, expect, it } from "vitest";
import { censusDiff } from "./write-census";

describe("censusDiff", () => {
  it("counts objects created and objects at a new resourceVersion, per collection", () => {
    const before = { bindings: new Map([["d/a", "1"], ["d/b", "2"]]), events: new Map<string, string>() };
    const after = { bindings: new Map([["d/a", "1"], ["d/b", "7"], ["d/c", "8"]]), events: new Map([["d/e1", "9"]]) };
    expect(censusDiff(before, after)).toEqual({ bindings: { created: 1, rewritten: 1 }, events: { created: 1, rewritten: 0 } });
  });
  it("an unchanged census writes nothing", () => {
    const c = { works: new Map([["x/w", "5"]]) };
    expect(censusDiff(c, c)).toEqual({ works: { created: 0, rewritten: 0 } });
  });
});
