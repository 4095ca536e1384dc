import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../kube/types";
import { ObjectCache } from "./object-cache";

const cm = (name: string, owner?: string): KubeObject => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "ns", labels: owner ? { owner } : {} } });
const byOwner = (o: KubeObject) => (o.metadata.labels?.owner ? [o.metadata.labels.owner] : []);
const names = (l: KubeObject[]) => l.map((o) => o.metadata.name).sort();

describe("ObjectCache.addIndexer", () => {
  it("indexes objects already cached and keeps the index current afterwards", () => {
    const c = new ObjectCache();
    c.set(cm("a", "x"));
    c.set(cm("b", "y"));
    c.addIndexer("owner", byOwner);
    expect(names(c.byIndex("owner", "x"))).toEqual(["a"]);
    c.set(cm("c", "x"));
    c.set(cm("a", "y"));
    expect(names(c.byIndex("owner", "x"))).toEqual(["c"]);
    expect(names(c.byIndex("owner", "y"))).toEqual(["a", "b"]);
    c.delete("ns/b");
    expect(names(c.byIndex("owner", "y"))).toEqual(["a"]);
  });

  it("is idempotent by name (the first function stays)", () => {
    const c = new ObjectCache();
    c.addIndexer("owner", byOwner);
    c.addIndexer("owner", () => ["other"]);
    c.set(cm("a", "x"));
    expect(names(c.byIndex("owner", "x"))).toEqual(["a"]);
    expect(c.byIndex("owner", "other")).toEqual([]);
  });
});
