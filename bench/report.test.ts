import { describe, it, expect } from "vitest";
import { meetsTarget, karmadaRatio, renderTable, type BenchRow } from "./report";

describe("bench report", () => {
  it("checks targets and ratios in the right direction", () => {
    const lat: BenchRow = { metric: "p99", value: 125, unit: "ms", target: "< 250", karmada: 1298, better: "lower" };
    const tput: BenchRow = { metric: "works/s", value: 1000, unit: "/s", target: ">= 1500", better: "higher", karmada: 20 };
    expect(meetsTarget(lat)).toBe(true);
    expect(meetsTarget(tput)).toBe(false);
    expect(karmadaRatio(lat)).toBe("10.4×");
    expect(karmadaRatio(tput)).toBe("50.0×");
    const t = renderTable({ machine: "m", date: "d", quick: true, store: "embedded", sections: [{ name: "s", seconds: 1, rows: [lat, tput] }] });
    expect(t).toContain("MISSED");
    expect(t).toContain("met");
  });
});
