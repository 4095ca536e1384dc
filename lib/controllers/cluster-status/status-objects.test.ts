import { describe, expect, it } from "vitest";
import { resourceSummary, type NodeLike, type PodLike } from "../../members/summaries";
import { stripNode, stripPod } from "./status-objects";

const fullPod = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "p", namespace: "ns", resourceVersion: "7", labels: { a: "b" }, annotations: { big: "x".repeat(100) } },
  spec: {
    nodeName: "n1",
    containers: [{ name: "c", image: "nginx", env: [{ name: "A", value: "1" }], resources: { requests: { cpu: "100m" }, limits: { cpu: "1" } } }, { name: "d", image: "busybox" }],
    initContainers: [{ name: "i", image: "init", resources: { requests: { cpu: "2" } } }],
    overhead: { cpu: "10m" },
    volumes: [{ name: "v", emptyDir: {} }],
  },
  status: { phase: "Running", podIP: "10.0.0.1", conditions: [{ type: "Ready", status: "True" }] },
};

describe("stripPod", () => {
  it("keeps exactly what the resource summary reads, and the same summary results", () => {
    const stripped = stripPod(fullPod);
    expect(stripped).toEqual({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p", namespace: "ns", resourceVersion: "7" },
      spec: { nodeName: "n1", containers: [{ resources: { requests: { cpu: "100m" } } }, {}], initContainers: [{ resources: { requests: { cpu: "2" } } }], overhead: { cpu: "10m" } },
      status: { phase: "Running" },
    });
    const nodes: NodeLike[] = [{ apiVersion: "v1", kind: "Node", metadata: { name: "n1" }, status: { allocatable: { cpu: "4", pods: "10" } } }];
    expect(resourceSummary(nodes, [stripped])).toEqual(resourceSummary(nodes, [fullPod as PodLike]));
  });
});

describe("stripNode", () => {
  it("keeps name, allocatable and the conditions' type and status", () => {
    const node = {
      apiVersion: "v1",
      kind: "Node",
      metadata: { name: "n1", resourceVersion: "3", labels: { zone: "a" } },
      status: { capacity: { cpu: "8" }, allocatable: { cpu: "7" }, images: [{ names: ["x"] }], conditions: [{ type: "Ready", status: "True", reason: "KubeletReady", lastHeartbeatTime: "t" }] },
    };
    expect(stripNode(node)).toEqual({
      apiVersion: "v1",
      kind: "Node",
      metadata: { name: "n1", resourceVersion: "3" },
      status: { allocatable: { cpu: "7" }, conditions: [{ type: "Ready", status: "True" }] },
    });
  });
});
