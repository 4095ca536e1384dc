import { describe, expect, it } from "vitest";
import { Deadlines } from "./deadlines";
import { FakeClock } from "./fake-clock";

describe("Deadlines", () => {
  it("rejects calls past their deadline with one timer, oldest first", async () => {
    const clock = new FakeClock();
    const d = new Deadlines(clock, 100);
    const tokens: { signal: AbortSignal }[] = [];
    const a = d.run((t) => (tokens.push(t), new Promise(() => {}))).catch((e: Error) => e.message);
    await clock.advance(40);
    const b = d.run((t) => (tokens.push(t), new Promise(() => {}))).catch((e: Error) => e.message);
    const fast = d.run(() => "ok");
    expect(clock.pendingTimers()).toBe(1);
    await expect(fast).resolves.toBe("ok");
    await clock.advance(60);
    expect(await a).toBe("reconcile timed out after 100 ms");
    expect(tokens[0].signal.aborted).toBe(true);
    expect(tokens[1].signal.aborted).toBe(false);
    await clock.advance(40);
    expect(await b).toMatch(/timed out/);
    expect(tokens[1].signal.aborted).toBe(true);
    expect(d.size).toBe(0);
    expect(clock.pendingTimers()).toBe(0);
  });

  it("abortAll rejects what runs and refuses later calls", async () => {
    const clock = new FakeClock();
    const d = new Deadlines(clock, 1000);
    let token: { signal: AbortSignal } | undefined;
    const running = d.run((t) => ((token = t), new Promise(() => {})));
    await Promise.resolve();
    d.abortAll(new Error("stopped"));
    await expect(running).rejects.toThrow("stopped");
    expect(token?.signal.aborted).toBe(true);
    await expect(d.run(() => 1)).rejects.toThrow("stopped");
  });
});
