import { describe, expect, it } from "vitest";
import { invalidationKeys, KeyCoalescer, parseTopics, topicOf } from "./live-keys";

const ev = (group: string, resource: string, apiVersion: string, namespace: string, name: string) => ({
  key: { group, resource },
  namespace,
  name,
  object: { apiVersion, kind: "X", metadata: { name, namespace } },
});

describe("topics", () => {
  it("names resources as kubectl does", () => {
    expect(topicOf({ group: "", resource: "pods" })).toBe("pods");
    expect(topicOf({ group: "cluster.karmada.io", resource: "clusters" })).toBe("clusters.cluster.karmada.io");
  });
  it.each([
    [null, "all"],
    ["", "all"],
    ["*", "all"],
    ["pods, deployments.apps", new Set(["pods", "deployments.apps"])],
  ])("parseTopics(%j)", (raw, want) => {
    expect(parseTopics(raw)).toEqual(want);
  });
});

describe("invalidationKeys", () => {
  it("names the object and the REST endpoints derived from its kind", () => {
    expect(invalidationKeys(ev("cluster.karmada.io", "clusters", "cluster.karmada.io/v1alpha1", "", "member1"))).toEqual([
      ["kube", "cluster.karmada.io", "v1alpha1", "clusters", "", "member1"],
      ["rest", "overview"],
      ["rest", "clusters"],
      ["rest", "resources"],
      ["rest", "workflow"],
    ]);
    expect(invalidationKeys(ev("apps", "deployments", "apps/v1", "default", "web"))).toEqual([
      ["kube", "apps", "v1", "deployments", "default", "web"],
      ["rest", "overview"],
      ["rest", "resources"],
      ["rest", "workflow"],
    ]);
    expect(invalidationKeys(ev("", "events", "v1", "default", "web.1"))).toContainEqual(["rest", "events"]);
  });
});

describe("KeyCoalescer", () => {
  it("deduplicates keys within a window and empties on drain", () => {
    const c = new KeyCoalescer();
    c.add(["rest", "overview"]);
    c.add(["rest", "overview"]);
    c.add(["kube", "apps", "v1", "deployments", "default", "a"]);
    expect(c.drain()).toHaveLength(2);
    expect(c.drain()).toEqual([]);
  });

  it("collapses a flood of object keys to resource prefixes", () => {
    const c = new KeyCoalescer();
    for (let i = 0; i < 500; i++) c.add(["kube", "apps", "v1", "deployments", "default", `d${i}`]);
    c.add(["rest", "overview"]);
    expect(c.drain(100)).toEqual([
      ["kube", "apps", "v1", "deployments"],
      ["rest", "overview"],
    ]);
  });
});
