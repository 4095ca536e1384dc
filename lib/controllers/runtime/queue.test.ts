import { describe, expect, it } from "vitest";
import { FakeClock } from "./fake-clock";
import { WorkQueue } from "./queue";

describe("WorkQueue", () => {
  it("is fair: keys come out in the order they were added", async () => {
    const q = new WorkQueue();
    ["a", "b", "c"].forEach((k) => q.add(k));
    expect([await q.get(), await q.get(), await q.get()]).toEqual(["a", "b", "c"]);
  });

  it("is stingy: a key added several times before processing is handed out once", async () => {
    const q = new WorkQueue();
    q.add("a");
    q.add("b");
    q.add("a");
    q.add("a");
    expect(q.len()).toBe(2);
    expect([await q.get(), await q.get()]).toEqual(["a", "b"]);
    expect(q.len()).toBe(0);
    expect(q.metrics().adds).toBe(2);
  });

  it("never hands a key to two workers; an add during processing re-queues it once after done", async () => {
    const q = new WorkQueue();
    q.add("a");
    const key = await q.get();
    expect(key).toBe("a");
    q.add("a");
    q.add("a");
    expect(q.len()).toBe(0);
    q.done("a");
    expect(q.len()).toBe(1);
    expect(await q.get()).toBe("a");
    q.done("a");
    expect(q.len()).toBe(0);
  });

  it("wakes a waiting worker when a key arrives", async () => {
    const q = new WorkQueue();
    const pending = q.get();
    q.add("x");
    expect(await pending).toBe("x");
    expect(q.metrics().processing).toBe(1);
  });

  it("shutdown wakes idle workers with undefined and refuses new keys", async () => {
    const q = new WorkQueue();
    const pending = q.get();
    q.shutdown();
    expect(await pending).toBeUndefined();
    expect(q.add("a")).toBe(false);
    expect(await q.get()).toBeUndefined();
  });

  it("addAfter delays a key and uses one timer for many keys", async () => {
    const clock = new FakeClock();
    const q = new WorkQueue({ clock });
    for (let i = 0; i < 50; i++) q.addAfter(`k${i}`, 1000 + i);
    expect(clock.pendingTimers()).toBe(1);
    expect(q.metrics().delayed).toBe(50);
    await clock.advance(999);
    expect(q.len()).toBe(0);
    await clock.advance(10);
    expect(q.len()).toBe(10);
    await clock.advance(100);
    expect(q.len()).toBe(50);
    expect(clock.pendingTimers()).toBe(0);
  });

  it("addAfter keeps the earlier ready time of a key", async () => {
    const clock = new FakeClock();
    const q = new WorkQueue({ clock });
    q.addAfter("a", 500);
    q.addAfter("a", 100);
    q.addAfter("a", 900);
    await clock.advance(100);
    expect(q.len()).toBe(1);
    await q.get();
    q.done("a");
    await clock.advance(1000);
    expect(q.len()).toBe(0);
  });

  it.each([
    { failures: 0, delay: 5 },
    { failures: 1, delay: 10 },
    { failures: 4, delay: 80 },
    { failures: 10, delay: 5120 },
    { failures: 30, delay: 60_000 },
  ])("backoff after $failures failures is $delay ms (cap 60 s)", async ({ failures, delay }) => {
    const clock = new FakeClock();
    const q = new WorkQueue({ clock, maxDelayMs: 60_000 });
    for (let i = 0; i < failures; i++) {
      q.addRateLimited("k");
      await clock.advance(10 * 60_000);
      await q.get();
      q.done("k");
    }
    expect(q.numRequeues("k")).toBe(failures);
    q.addRateLimited("k");
    await clock.advance(delay - 1);
    expect(q.len()).toBe(0);
    await clock.advance(1);
    expect(q.len()).toBe(1);
  });

  it("forget resets the backoff", async () => {
    const clock = new FakeClock();
    const q = new WorkQueue({ clock });
    q.addRateLimited("k");
    q.addRateLimited("k");
    q.addRateLimited("k");
    expect(q.numRequeues("k")).toBe(3);
    q.forget("k");
    expect(q.numRequeues("k")).toBe(0);
    expect(q.metrics().retries).toBe(3);
  });

  it("drops adds beyond maxLength and counts them", () => {
    const q = new WorkQueue({ maxLength: 2 });
    expect(q.add("a")).toBe(true);
    expect(q.add("b")).toBe(true);
    expect(q.add("c")).toBe(false);
    expect(q.add("a")).toBe(true);
    expect(q.metrics()).toMatchObject({ depth: 2, dropped: 1, adds: 2 });
  });
});
