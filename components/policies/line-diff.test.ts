import { describe, expect, it } from "vitest";
import { hasChanges, lineDiff } from "./line-diff";

describe("lineDiff", () => {
  it("marks a changed line as removed then added, keeping the rest", () => {
    const d = lineDiff("a\nimage: nginx:1.27\nc", "a\nimage: nginx:1.27-alpine\nc");
    expect(d).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "image: nginx:1.27" },
      { kind: "added", text: "image: nginx:1.27-alpine" },
      { kind: "same", text: "c" },
    ]);
    expect(hasChanges(d)).toBe(true);
  });
  it("handles insertions at the end and identical input", () => {
    expect(lineDiff("a", "a\nb").map((l) => l.kind)).toEqual(["same", "added"]);
    expect(hasChanges(lineDiff("x\ny", "x\ny"))).toBe(false);
  });
});
