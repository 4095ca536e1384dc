import { describe, expect, it } from "vitest";
import type { StorageEvent } from "../apiserver/storage";
import { shareEvent, Subscription, WatchHub } from "./watch-hub";

const ev = (rv: number, resource = "configmaps", namespace = "a"): StorageEvent => ({
  type: "ADDED",
  key: { group: "", resource },
  namespace,
  name: `n${rv}`,
  object: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: `n${rv}`, resourceVersion: String(rv) } },
  resourceVersion: String(rv),
});

describe("Subscription", () => {
  it("yields a long backlog, refilled while draining, in order and exactly once", async () => {
    const sub = new Subscription({}, shareEvent);
    let pushed = 0;
    for (; pushed < 5000; pushed++) sub.push(ev(pushed));
    const ac = new AbortController();
    const seen: number[] = [];
    for await (const e of sub.events(ac.signal)) {
      seen.push(Number(e.resourceVersion));
      // Refill past the compaction points (1024 consumed, half the buffer) a few times.
      if (seen.length % 1500 === 0 && pushed < 9000) for (let i = 0; i < 1000; i++) sub.push(ev(pushed++));
      if (seen.length === pushed) break;
    }
    expect(seen).toEqual(Array.from({ length: pushed }, (_, i) => i));
  });

  it("copies each event with its copy function, and filters by resource, namespace and resume point", async () => {
    const copies: string[] = [];
    const sub = new Subscription({ key: { group: "", resource: "configmaps" }, namespace: "a", afterRv: 1 }, (e) => {
      copies.push(e.resourceVersion);
      return { ...e };
    });
    [ev(1), ev(2), ev(3, "secrets"), ev(4, "configmaps", "b"), ev(5)].forEach((e) => sub.push(e));
    sub.end();
    const seen: string[] = [];
    for await (const e of sub.events(new AbortController().signal)) seen.push(e.resourceVersion);
    expect(seen).toEqual(["2", "5"]);
    expect(copies).toEqual(["2", "5"]);
  });
});

describe("WatchHub", () => {
  it("fans an event out to every live subscription and forgets ended ones", () => {
    const hub = new WatchHub();
    const a = new Subscription({}, shareEvent);
    const b = new Subscription({}, shareEvent);
    hub.add(a);
    hub.add(b);
    b.end();
    hub.publish(ev(1));
    expect(hub.size).toBe(1);
  });
});
