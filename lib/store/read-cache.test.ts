import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kube/types";
import { ReadCache } from "./read-cache";

const obj = (name: string, rv: number): KubeObject => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, resourceVersion: String(rv) } });

describe("ReadCache", () => {
  it("serves committed objects and deletions; unknown ids are misses", () => {
    const c = new ReadCache(10);
    c.committed("a", obj("a", 2), 2);
    c.committed("b", null, 3);
    expect(c.lookup("a")?.metadata.resourceVersion).toBe("2");
    expect(c.lookup("b")).toBeNull();
    expect(c.lookup("c")).toBeUndefined();
  });

  it("ignores a commit older than the cached one (late delivery)", () => {
    const c = new ReadCache(10);
    c.committed("a", obj("a", 5), 5);
    c.committed("a", obj("a", 4), 4);
    expect(c.lookup("a")?.metadata.resourceVersion).toBe("5");
    c.committed("a", null, 6);
    expect(c.lookup("a")).toBeNull();
  });

  it("keeps a database read only when no commit landed while it ran", () => {
    const c = new ReadCache(10);
    const stale = c.readStarted();
    c.committed("other", obj("other", 7), 7);
    c.fill("a", obj("a", 6), stale);
    expect(c.lookup("a")).toBeUndefined();
    const fresh = c.readStarted();
    c.fill("a", obj("a", 7), fresh);
    expect(c.lookup("a")?.metadata.resourceVersion).toBe("7");
  });

  it("never overwrites a cached entry with a read, and does not cache absent rows", () => {
    const c = new ReadCache(10);
    c.committed("a", obj("a", 9), 9);
    c.fill("a", obj("a", 8), c.readStarted());
    expect(c.lookup("a")?.metadata.resourceVersion).toBe("9");
    c.fill("b", undefined, c.readStarted());
    expect(c.lookup("b")).toBeUndefined();
  });

  it("evicts the least recently used entry beyond capacity", () => {
    const c = new ReadCache(2);
    c.committed("a", obj("a", 1), 1);
    c.committed("b", obj("b", 2), 2);
    c.lookup("a");
    c.committed("c", obj("c", 3), 3);
    expect(c.size).toBe(2);
    expect(c.lookup("b")).toBeUndefined();
    expect(c.lookup("a")).toBeDefined();
    expect(c.lookup("c")).toBeDefined();
  });
});
