import { describe, expect, it } from "vitest";
import { caughtUp, idle } from "./scenario-l";

const f = (name: string, reconciles: number, depth = 0, processing = 0) => ({ name, reconciles, errors: 0, depth, processing, delayed: 0 });
const counts = { deployments: 10, bindings: 10, works: 20 };

describe("caughtUp", () => {
  it.each([
    ["no figures yet (not leading)", [], false],
    ["every object seen again, queues empty", [f("detector", 10), f("binding", 12), f("execution", 20), f("work-status", 3)], true],
    ["execution has not seen every Work", [f("detector", 10), f("binding", 10), f("execution", 19)], false],
    ["a queue still holds keys", [f("detector", 10), f("binding", 10), f("execution", 20), f("binding-status", 50, 2)], false],
    ["a key is being processed", [f("detector", 10), f("binding", 10, 0, 1), f("execution", 20)], false],
    ["a controller is missing", [f("detector", 10), f("execution", 20)], false],
  ])("%s", (_, figures, want) => expect(caughtUp(figures, counts)).toBe(want));
});

describe("idle", () => {
  it("no figures yet is not idle; any queued or running key is not idle", () => {
    expect(idle([])).toBe(false);
    expect(idle([f("detector", 10), f("binding", 3)])).toBe(true);
    expect(idle([f("detector", 10, 1)])).toBe(false);
    expect(idle([f("detector", 10, 0, 1)])).toBe(false);
  });
});
