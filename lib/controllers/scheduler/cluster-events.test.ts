import { describe, expect, it } from "vitest";
import type { ResourceBinding } from "../../kube/karmada";
import { affectedBindings, clusterEventMatters } from "./cluster-events";
import { binding, cluster } from "./test-fixtures";

describe("clusterEventMatters", () => {
  const base = cluster("member1", { labels: { env: "prod" } });
  base.metadata.generation = 1;
  const withMeta = (m: Partial<typeof base.metadata>) => ({ ...base, metadata: { ...base.metadata, ...m } });
  const cases: [string, Parameters<typeof clusterEventMatters>[0], boolean][] = [
    // Karmada's addCluster/deleteCluster re-queue no binding (event_handler_test.go TestAddCluster, TestDeleteCluster).
    ["add", { type: "add", obj: base }, false],
    ["delete", { type: "delete", obj: base }, false],
    ["resync (same object)", { type: "update", obj: base, old: base }, false],
    ["status-only update", { type: "update", old: base, obj: { ...base, status: { conditions: [] } } }, false],
    ["labels changed", { type: "update", old: base, obj: withMeta({ labels: { env: "staging" } }) }, true],
    ["generation changed (taints)", { type: "update", old: base, obj: withMeta({ generation: 2 }) }, true],
    ["deletion started", { type: "update", old: base, obj: withMeta({ deletionTimestamp: "2025-01-01T00:00:00Z" }) }, true],
  ];
  it.each(cases)("%s", (_, e, want) => expect(clusterEventMatters(e)).toBe(want));
});

describe("affectedBindings", () => {
  const prod = cluster("member1", { labels: { env: "prod" } });
  const scheduled = (b: ResourceBinding, affinityName?: string) => {
    b.metadata.generation = 2;
    b.status = { schedulerObservedGeneration: 2, schedulerObservingAffinityName: affinityName };
    return b;
  };
  const cases: [string, ResourceBinding, boolean][] = [
    ["no affinity", binding("a", {}), true],
    ["matching label selector", binding("b", { clusterAffinity: { labelSelector: { matchLabels: { env: "prod" } } } }), true],
    ["non-matching names", binding("c", { clusterAffinity: { clusterNames: ["member9"] } }), false],
    [
      "clusterAffinities: the term in use matches",
      scheduled(binding("d", { clusterAffinities: [{ affinityName: "x", clusterNames: ["member9"] }, { affinityName: "y", clusterNames: ["member1"] }] }), "y"),
      true,
    ],
    ["clusterAffinities: the term in use does not match", scheduled(binding("e", { clusterAffinities: [{ affinityName: "x", clusterNames: ["member9"] }, { affinityName: "y", clusterNames: ["member1"] }] }), "x"), false],
    ["clusterAffinities not yet scheduled for this generation", { ...binding("f", { clusterAffinities: [{ affinityName: "x", clusterNames: ["member9"] }] }), metadata: { name: "f", namespace: "default", generation: 1 } }, true],
    ["suspended", { ...binding("g", {}), spec: { ...binding("g", {}).spec, suspension: { scheduling: true } } }, false],
    ["another scheduler", { ...binding("h", {}), spec: { ...binding("h", {}).spec, schedulerName: "other" } }, false],
  ];
  it.each(cases)("%s", (_, b, want) => {
    expect(affectedBindings(prod, [b]).length).toBe(want ? 1 : 0);
  });
});
