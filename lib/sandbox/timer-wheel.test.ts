import { afterEach, describe, expect, it, vi } from "vitest";
import { TimerWheel } from "./timer-wheel";

describe("TimerWheel", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runs callbacks in due order on one underlying timer", () => {
    vi.useFakeTimers();
    const wheel = new TimerWheel();
    const seen: string[] = [];
    wheel.setTimeout(() => seen.push("c"), 30);
    wheel.setTimeout(() => seen.push("a"), 10);
    wheel.setTimeout(() => seen.push("b"), 20);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(15);
    expect(seen).toEqual(["a"]);
    vi.advanceTimersByTime(20);
    expect(seen).toEqual(["a", "b", "c"]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("skips cancelled timers and keeps going after a throwing callback", () => {
    vi.useFakeTimers();
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const wheel = new TimerWheel();
    const seen: number[] = [];
    const h = wheel.setTimeout(() => seen.push(1), 5);
    wheel.setTimeout(() => {
      throw new Error("boom");
    }, 6);
    wheel.setTimeout(() => seen.push(3), 7);
    wheel.clearTimeout(h);
    vi.advanceTimersByTime(10);
    expect(seen).toEqual([3]);
    expect(errors).toHaveBeenCalledOnce();
  });

  it("re-arms earlier when a sooner timer is added", () => {
    vi.useFakeTimers();
    const wheel = new TimerWheel();
    const seen: string[] = [];
    wheel.setTimeout(() => seen.push("late"), 1000);
    wheel.setTimeout(() => seen.push("soon"), 1);
    vi.advanceTimersByTime(2);
    expect(seen).toEqual(["soon"]);
    expect(wheel.pending).toBe(1);
  });
});
