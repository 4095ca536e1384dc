import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kube/types";
import { buildNode, desiredNodes, instanceType, isNodeReady, nodeConditions, nodeStatus } from "./nodes";
import { parseSandboxSpec } from "./spec";

const spec = parseSandboxSpec({ name: "member1", nodes: 3, cpu: "4", memory: "16Gi", pods: 110, region: "us-east-1", zone: "us-east-1a" });
const now = "2025-01-01T00:00:00Z";

describe("desiredNodes", () => {
  it("follows the spec", () => {
    const nodes = desiredNodes(spec, {});
    expect(nodes.map((n) => n.name)).toEqual(["member1-node-1", "member1-node-2", "member1-node-3"]);
    expect(nodes.every((n) => !n.failed && n.cpu === "4")).toBe(true);
  });

  it("fails the highest-numbered nodes and applies capacity changes", () => {
    const nodes = desiredNodes(spec, { nodeFailure: 1, capacity: { nodes: 4, cpu: "8" } });
    expect(nodes).toHaveLength(4);
    expect(nodes.map((n) => n.failed)).toEqual([false, false, false, true]);
    expect(nodes[0].cpu).toBe("8");
  });

  it("caps node failures at the node count", () => {
    expect(desiredNodes(spec, { nodeFailure: 10 }).filter((n) => n.failed)).toHaveLength(3);
  });
});

describe("buildNode / nodeStatus", () => {
  it("carries topology labels, capacity and version", () => {
    const [n] = desiredNodes(spec, {});
    const node = { ...buildNode(spec, n, now), status: nodeStatus(spec, n, now) };
    expect(node.metadata.labels).toMatchObject({
      "kubernetes.io/hostname": "member1-node-1",
      "topology.kubernetes.io/region": "us-east-1",
      "topology.kubernetes.io/zone": "us-east-1a",
      "node.kubernetes.io/instance-type": "sandbox-4c-16g",
    });
    expect(node.status).toMatchObject({ capacity: { cpu: "4", memory: "16Gi", pods: "110" }, allocatable: { cpu: "4" }, nodeInfo: { kubeletVersion: "v1.32.4" } });
    expect(isNodeReady(node)).toBe(true);
  });

  it("a failed node is NotReady (Unknown) and tainted unreachable", () => {
    const n = desiredNodes(spec, { nodeFailure: 1 })[2];
    const node: KubeObject = { ...buildNode(spec, n, now), status: nodeStatus(spec, n, now) };
    expect(isNodeReady(node)).toBe(false);
    expect((node["spec"] as { taints: { key: string; effect: string }[] }).taints.map((t) => t.effect)).toEqual(["NoSchedule", "NoExecute"]);
  });

  it("keeps transition times of unchanged conditions", () => {
    const before = nodeConditions(false, "2020-01-01T00:00:00Z");
    const after = nodeConditions(false, now, before);
    expect(after.find((c) => c.type === "Ready")?.lastTransitionTime).toBe("2020-01-01T00:00:00Z");
    const failed = nodeConditions(true, now, before);
    expect(failed.find((c) => c.type === "Ready")).toMatchObject({ status: "Unknown", lastTransitionTime: now });
  });

  it("names instance types after size", () => {
    expect(instanceType("500m", "2Gi")).toBe("sandbox-0.5c-2g");
  });
});
