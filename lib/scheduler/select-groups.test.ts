import { describe, expect, it } from "vitest";
import { selectGroups } from "./select-groups";

// Table ported from Karmada's spreadconstraint/select_groups_test.go (TestSelectGroups).
const g = (spec: string) =>
  spec.split(" ").filter(Boolean).map((s) => {
    const [name, rest] = s.split("=");
    const [value, weight] = rest.split("/").map(Number);
    return { name, value, weight };
  });

describe("selectGroups", () => {
  it.each([
    ["empty groups", "", 2, 3, 1, []],
    ["no enough groups", "R1=1/80", 2, 3, 1, []],
    ["no enough value", "R1=1/80 R2=2/30", 2, 3, 4, []],
    ["select one group", "R1=1/80", 1, 3, 1, ["R1"]],
    ["prioritize one path", "R1=1/80 R3=1/80 R2=1/60 R5=2/60 R4=5/50 R6=3/50", 1, 3, 10, ["R5", "R4", "R6"]],
    ["select groups with less total number", "R1=1/80 R2=4/40 R3=1/30 R4=3/30 R5=3/20 R6=5/10", 2, 6, 5, ["R1", "R2"]],
    ["select groups with the highest score", "R1=1/60 R2=1/50 R3=1/40 R4=3/30 R5=3/20 R6=3/10", 1, 3, 6, ["R1", "R4", "R5"]],
    ["select groups that are chosen earlier", "R1=1/60 R2=2/50 R3=3/40 R4=4/30", 1, 2, 5, ["R1", "R4"]],
    ["select groups with greater value", "R4=1/60 R3=3/50 R1=3/40 R2=4/30", 1, 2, 5, ["R3", "R1"]],
  ] as const)("%s", (_name, groups, min, max, target, want) => {
    expect(selectGroups(g(groups), min, max, target).map((x) => x.name)).toEqual(want);
  });
});
