import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../kube/types";
import { findNode, usageByNode } from "./fit";

const node = (name: string, cpu = "2", memory = "4Gi", extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: "v1",
  kind: "Node",
  metadata: { name, labels: { "kubernetes.io/hostname": name, zone: name.endsWith("1") ? "a" : "b" } },
  spec: extra,
  status: { allocatable: { cpu, memory, pods: "3" } },
});

const pod = (name: string, cpu?: string, spec: Record<string, unknown> = {}, nodeName?: string): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default" },
  spec: { containers: [{ name: "c", resources: cpu ? { requests: { cpu } } : {} }], ...(nodeName ? { nodeName } : {}), ...spec },
  status: { phase: "Running" },
});

const nodes = [node("n1"), node("n2"), node("n3")];

describe("findNode", () => {
  it("places a pod on the least allocated node", () => {
    const usage = usageByNode([pod("a", "1", {}, "n1"), pod("b", "500m", {}, "n2")]);
    expect(findNode(pod("x", "500m"), nodes, usage)).toEqual({ node: "n3" });
  });

  it.each([
    ["too much cpu", pod("x", "3"), new Map(), "0/3 nodes are available: 3 Insufficient cpu."],
    [
      "taint and cpu mixed",
      pod("x", "3"),
      new Map(),
      "0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 Insufficient cpu.",
      [node("n1"), node("n2"), node("n3", "2", "4Gi", { taints: [{ key: "node.kubernetes.io/unreachable", effect: "NoExecute" }] })],
    ],
    ["node selector", pod("x", undefined, { nodeSelector: { zone: "c" } }), new Map(), "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector."],
    ["unschedulable", pod("x"), new Map(), "0/1 nodes are available: 1 node(s) were unschedulable.", [node("n1", "2", "4Gi", { unschedulable: true })]],
    ["pod count", pod("x"), usageByNode([pod("a", undefined, {}, "n1"), pod("b", undefined, {}, "n1"), pod("c", undefined, {}, "n1")]), "0/1 nodes are available: 1 Too many pods.", [node("n1")]],
  ])("explains %s", (_, p, usage, message, list = nodes) => {
    expect(findNode(p, list as KubeObject[], usage as Map<string, never>)).toMatchObject({ message });
  });

  it("honours tolerations and required node affinity", () => {
    const tainted = node("n9", "2", "4Gi", { taints: [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }] });
    const p = pod("x", "100m", {
      tolerations: [{ key: "dedicated", operator: "Equal", value: "gpu", effect: "NoSchedule" }],
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["n9"] }] }] } } },
    });
    expect(findNode(p, [...nodes, tainted], new Map())).toEqual({ node: "n9" });
  });

  it("ignores finished pods when counting usage", () => {
    const done = { ...pod("d", "2", {}, "n1"), status: { phase: "Succeeded" } };
    expect(usageByNode([done]).size).toBe(0);
  });
});
