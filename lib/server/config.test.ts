import { describe, it, expect } from "vitest";
import { loadConfig, parseSandboxes } from "./config";

describe("config", () => {
  it("has the documented defaults", () => {
    const c = loadConfig({}, "/work/x");
    expect(c.port).toBe(3000);
    expect(c.kubePort).toBe(6443);
    expect(c.dataDir).toBe("/work/x/.flotilla");
    expect(c.databaseUrl).toBeUndefined();
    expect(c.sandboxes.map((s) => s.name)).toEqual(["member1", "member2", "member3"]);
    expect(c.heapGrowingPercent).toBe(30);
  });

  it("reads FLOTILLA_HEAP_GROWING_PERCENT (0 leaves V8's own factor) and refuses a negative one", () => {
    expect(loadConfig({ FLOTILLA_HEAP_GROWING_PERCENT: "0" }).heapGrowingPercent).toBe(0);
    expect(loadConfig({ FLOTILLA_HEAP_GROWING_PERCENT: "50" }).heapGrowingPercent).toBe(50);
    expect(() => loadConfig({ FLOTILLA_HEAP_GROWING_PERCENT: "-5" })).toThrow(/FLOTILLA_HEAP_GROWING_PERCENT/);
  });

  it("parses FLOTILLA_SANDBOXES with pull mode and empty", () => {
    expect(parseSandboxes("a, b:pull")).toEqual([{ name: "a", mode: "Push" }, { name: "b", mode: "Pull" }]);
    expect(parseSandboxes("")).toEqual([]);
    expect(() => parseSandboxes("Bad_Name")).toThrow(/not a valid cluster name/);
    expect(() => parseSandboxes("a:sideways")).toThrow(/push or pull/);
  });

  it("rejects non-numeric ports", () => {
    expect(() => loadConfig({ PORT: "abc" })).toThrow(/PORT/);
  });
});
