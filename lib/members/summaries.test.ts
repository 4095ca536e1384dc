import { describe, expect, it } from "vitest";
import type { ResourceModel } from "../kube/karmada";
import { formatGo, isScalarResourceName, ResourceAmounts } from "./resource-amounts";
import { allocatableModelings, nodeSummary, resourceSummary, type NodeLike, type PodLike } from "./summaries";

const node = (name: string, allocatable: Record<string, string>, ready = "True"): NodeLike => ({
  apiVersion: "v1",
  kind: "Node",
  metadata: { name },
  status: { allocatable, conditions: [{ type: "Ready", status: ready }] },
});

const pod = (name: string, opts: { node?: string; phase?: string; requests?: Record<string, string>[]; init?: Record<string, string>[]; overhead?: Record<string, string> }): PodLike => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default" },
  spec: {
    nodeName: opts.node,
    containers: (opts.requests ?? [{}]).map((requests) => ({ resources: { requests } })),
    initContainers: (opts.init ?? []).map((requests) => ({ resources: { requests } })),
    ...(opts.overhead ? { overhead: opts.overhead } : {}),
  },
  status: { phase: opts.phase ?? "Running" },
});

// Karmada's default 9-grade model (cpu cores, memory GiB), as the API server fills it in.
const cpuEdges = ["0", "1", "2", "4", "8", "16", "32", "64", "128"];
const memEdges = ["0", "4Gi", "16Gi", "32Gi", "64Gi", "128Gi", "256Gi", "512Gi", "1Ti"];
const defaultModels: ResourceModel[] = cpuEdges.map((min, grade) => ({
  grade,
  ranges: [
    { name: "cpu", min, max: cpuEdges[grade + 1] ?? "9223372036854775807" },
    { name: "memory", min: memEdges[grade], max: memEdges[grade + 1] ?? "9223372036854775807" },
  ],
}));

describe("nodeSummary", () => {
  it("counts all nodes and the Ready=True ones", () => {
    expect(nodeSummary([node("a", {}), node("b", {}, "False"), node("c", {}, "Unknown"), { apiVersion: "v1", kind: "Node", metadata: { name: "d" } }])).toEqual({ totalNum: 4, readyNum: 1 });
  });
});

describe("resourceSummary", () => {
  it.each([
    {
      name: "allocatable sums nodes in the first node's notation",
      nodes: [node("a", { cpu: "4", memory: "8Gi", pods: "110" }), node("b", { cpu: "3500m", memory: "4Gi", pods: "110" })],
      pods: [],
      want: { allocatable: { cpu: "7500m", memory: "12Gi", pods: "220" }, allocated: undefined, allocating: undefined },
    },
    {
      name: "allocated counts bound pods that are not Succeeded or Failed",
      nodes: [node("a", { cpu: "4" })],
      pods: [
        pod("p1", { node: "a", requests: [{ cpu: "500m", memory: "1Gi" }, { cpu: "250m" }] }),
        pod("p2", { node: "a", phase: "Pending", requests: [{ cpu: "1" }] }),
        pod("done", { node: "a", phase: "Succeeded", requests: [{ cpu: "8" }] }),
        pod("failed", { node: "a", phase: "Failed", requests: [{ cpu: "8" }] }),
      ],
      want: { allocatable: { cpu: "4" }, allocated: { cpu: "1750m", memory: "1Gi", pods: "2" }, allocating: undefined },
    },
    {
      name: "allocating counts pods without a node, whatever their phase",
      nodes: [],
      pods: [pod("q1", { requests: [{ cpu: "100m", memory: "100Mi" }] }), pod("q2", { phase: "Failed", requests: [{ memory: "1500000000" }] })],
      want: { allocatable: undefined, allocated: undefined, allocating: { cpu: "100m", memory: "1604857600", pods: "2" } },
    },
    {
      name: "init containers raise the running total; overhead adds",
      nodes: [],
      pods: [pod("i", { node: "a", requests: [{ cpu: "100m" }], init: [{ cpu: "2" }], overhead: { cpu: "50m" } })],
      want: { allocatable: undefined, allocating: undefined, allocated: { cpu: "2050m", pods: "1" } },
    },
    {
      name: "extended resources are summed, unknown plain names ignored",
      nodes: [],
      pods: [pod("g", { node: "a", requests: [{ "nvidia.com/gpu": "2", "hugepages-2Mi": "4Mi", bogus: "3" }] })],
      want: { allocatable: undefined, allocating: undefined, allocated: { "nvidia.com/gpu": "2", "hugepages-2Mi": "4Mi", pods: "1" } },
    },
  ])("$name", ({ nodes, pods, want }) => {
    const got = resourceSummary(nodes, pods);
    expect(got.allocatable).toEqual(want.allocatable);
    expect(got.allocated).toEqual(want.allocated);
    expect(got.allocating).toEqual(want.allocating);
    expect(got.allocatableModelings).toBeUndefined();
  });

  it("adds allocatableModelings when the cluster has resource models", () => {
    const got = resourceSummary([node("a", { cpu: "2", memory: "4Gi", pods: "110" })], [], defaultModels);
    // cpu 2 is grade 2, memory 4Gi grade 1: the node counts in the lower one.
    expect(got.allocatableModelings?.map((m) => m.count)).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe("allocatableModelings", () => {
  it.each([
    { name: "grade is the minimum over resources", alloc: { cpu: "10", memory: "5Gi", pods: "10" }, pods: [], want: 1 },
    { name: "lower bounds are inclusive", alloc: { cpu: "8", memory: "64Gi", pods: "10" }, pods: [], want: 4 },
    { name: "just below a bound stays in the grade under it", alloc: { cpu: "7999m", memory: "64Gi", pods: "10" }, pods: [], want: 3 },
    { name: "running pods' requests are subtracted", alloc: { cpu: "4", memory: "32Gi", pods: "10" }, pods: [pod("p", { node: "n", requests: [{ cpu: "3", memory: "1Gi" }] })], want: 1 },
    { name: "finished pods free their requests", alloc: { cpu: "4", memory: "32Gi", pods: "10" }, pods: [pod("p", { node: "n", phase: "Succeeded", requests: [{ cpu: "3" }] })], want: 3 },
    { name: "a resource missing from the node counts as zero", alloc: { cpu: "64", pods: "10" }, pods: [], want: 0 },
  ])("$name", ({ alloc, pods, want }) => {
    const counts = allocatableModelings(defaultModels, [node("n", alloc as Record<string, string>)], pods)!;
    expect(counts.findIndex((c) => c.count === 1)).toBe(want);
    expect(counts.reduce((s, c) => s + c.count, 0)).toBe(1);
  });

  it("stops counting at the first node without a free pod slot (Karmada's quirk)", () => {
    const nodes = [node("a", { cpu: "1", memory: "4Gi", pods: "1" }), node("full", { cpu: "1", memory: "4Gi", pods: "1" }), node("c", { cpu: "1", memory: "4Gi", pods: "1" })];
    const counts = allocatableModelings(defaultModels, nodes, [pod("p", { node: "full" })])!;
    expect(counts.reduce((s, c) => s + c.count, 0)).toBe(1);
  });

  it("keeps the grades of the models and returns undefined without models", () => {
    const models: ResourceModel[] = [
      { grade: 3, ranges: [{ name: "cpu", min: "0", max: "2" }] },
      { grade: 7, ranges: [{ name: "cpu", min: "2", max: "9223372036854775807" }] },
    ];
    expect(allocatableModelings(models, [node("a", { cpu: "1" }), node("b", { cpu: "3" }), node("c", { cpu: "2" })], [])).toEqual([
      { grade: 3, count: 1 },
      { grade: 7, count: 2 },
    ]);
    expect(allocatableModelings([], [node("a", {})], [])).toBeUndefined();
  });
});

describe("quantity helpers", () => {
  it.each([
    { q: { nanos: 1_500_000_000n * 1_000_000_000n, format: "BinarySI" as const }, s: "1500000000" },
    { q: { nanos: 2n ** 30n * 1_000_000_000n, format: "BinarySI" as const }, s: "1Gi" },
    { q: { nanos: 1000n * 1_000_000_000n, format: "BinarySI" as const }, s: "1k" },
    { q: { nanos: 1_500_000_000n, format: "DecimalSI" as const }, s: "1500m" },
    { q: { nanos: 110n * 1_000_000_000n, format: "DecimalSI" as const }, s: "110" },
  ])("formatGo → $s", ({ q, s }) => {
    expect(formatGo(q)).toBe(s);
  });

  it.each([
    ["nvidia.com/gpu", true],
    ["hugepages-1Gi", true],
    ["attachable-volumes-aws-ebs", true],
    ["kubernetes.io/something", true],
    ["requests.nvidia.com/gpu", false],
    ["bogus", false],
  ])("isScalarResourceName(%s) = %s", (name, want) => {
    expect(isScalarResourceName(name)).toBe(want);
  });

  it("ResourceAmounts rounds cpu up to millicores and memory up to bytes", () => {
    const r = new ResourceAmounts();
    r.add({ cpu: "0.0001", memory: "0.5" });
    expect(r.toResourceList()).toEqual({ cpu: "1m", memory: "1" });
  });
});
