import { describe, expect, it } from "vitest";
import { summarizeProfile, type CpuProfile } from "./profile-summary";

const frame = (functionName: string, url = "") => ({ functionName, url, lineNumber: 0 });

describe("summarizeProfile", () => {
  // root -> a -> b, and root -> a -> a (recursion): samples b, b, a(recursive), root
  const p: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame("(root)"), children: [2] },
      { id: 2, callFrame: frame("a", "file:///w/x.ts"), children: [3, 4] },
      { id: 3, callFrame: frame("b", "file:///w/y.ts") },
      { id: 4, callFrame: frame("a", "file:///w/x.ts") },
    ],
    samples: [3, 3, 4, 1],
    timeDeltas: [1000, 2000, 4000, 8000],
  };
  const byName = Object.fromEntries(summarizeProfile(p, "/w").map((l) => [l.where, l]));

  it("gives self time per function from the sampled leaf", () => {
    expect(byName["b y.ts:1"].selfMs).toBe(3);
    expect(byName["a x.ts:1"].selfMs).toBe(4);
    expect(byName["(root) "].selfMs).toBe(8);
  });

  it("counts a recursive function once per sample in its total", () => {
    expect(byName["a x.ts:1"].totalMs).toBe(7);
    expect(byName["(root) "].totalMs).toBe(15);
  });

  it("sorts by self time", () => {
    expect(summarizeProfile(p, "/w").map((l) => l.selfMs)).toEqual([8, 4, 3]);
  });
});
