import { describe, expect, it } from "vitest";
import { percentile, pool, summarize } from "./stats";
import { parseProcMemory } from "./child-plane";

describe("percentile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
  it.each([
    [50, 50],
    [99, 99],
    [100, 100],
    [1, 1],
    [0, 1],
  ])("p%i of 1..100 is %i", (p, want) => expect(percentile(hundred, p)).toBe(want));
  it("is 0 for no samples and the only value for one", () => {
    expect(percentile([], 99)).toBe(0);
    expect(percentile([7], 50)).toBe(7);
  });
  it("summarize sorts first", () => expect(summarize([30, 10, 20])).toEqual({ p50: 20, p99: 30, max: 30, n: 3 }));
});

describe("pool", () => {
  it("runs every index once with bounded concurrency", async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    await pool(25, 4, async (i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      seen.push(i);
      inFlight--;
    });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(most).toBe(4);
  });
});

describe("parseProcMemory", () => {
  it("reads VmRSS and VmHWM in kB", () => {
    expect(parseProcMemory("Name:\tnode\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n")).toEqual({ rss: 100 * 2 ** 20, peak: 200 * 2 ** 20 });
  });
});
