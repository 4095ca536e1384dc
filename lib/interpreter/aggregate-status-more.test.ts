import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kube/types";
import type { AggregatedStatusItem } from "../kube/karmada";
import { aggregateStatus } from "./aggregate-status";

const item = (clusterName: string, status?: Record<string, unknown>): AggregatedStatusItem => ({ clusterName, applied: true, status: status as never });
const tpl = (apiVersion: string, kind: string, status?: unknown, spec?: unknown): KubeObject => ({ apiVersion, kind, metadata: { name: "x", namespace: "n", generation: 1 }, spec, status });

describe("aggregateStatus: Job", () => {
  it("sums counters and marks Complete only when every member completed", () => {
    const done = { conditions: [{ type: "Complete", status: "True" }], succeeded: 1, startTime: "2024-01-02T00:00:00Z", completionTime: "2024-01-03T00:00:00Z" };
    const s = aggregateStatus(tpl("batch/v1", "Job"), [item("a", done), item("b", { ...done, startTime: "2024-01-01T00:00:00Z", completionTime: "2024-01-04T00:00:00Z" })]) as Record<string, unknown>;
    expect(s).toMatchObject({ succeeded: 2, active: 0, failed: 0, startTime: "2024-01-01T00:00:00Z", completionTime: "2024-01-04T00:00:00Z" });
    expect(s.conditions).toMatchObject([{ type: "Complete", status: "True", reason: "Completed" }]);
    const partial = aggregateStatus(tpl("batch/v1", "Job"), [item("a", done), item("b", { active: 1 })]) as Record<string, unknown>;
    expect(partial.conditions).toBeUndefined();
  });
  it("reports Failed with the failing clusters, and never changes a finished Job", () => {
    const s = aggregateStatus(tpl("batch/v1", "Job"), [item("a", { failed: 1, conditions: [{ type: "Failed", status: "True" }] }), item("b", { active: 1 })]) as Record<string, unknown>;
    expect(s.conditions).toMatchObject([{ type: "Failed", reason: "JobFailed", message: "Job executed failed in member cluster(s): a" }]);
    const finished = { conditions: [{ type: "Complete", status: "True" }], succeeded: 9 };
    expect(aggregateStatus(tpl("batch/v1", "Job", finished), [item("a", { succeeded: 1 })])).toEqual(finished);
  });
});

describe("aggregateStatus: other kinds", () => {
  const cases: [string, KubeObject, AggregatedStatusItem[], Record<string, unknown>][] = [
    ["CronJob", tpl("batch/v1", "CronJob"), [item("a", { active: [{ name: "j1" }], lastScheduleTime: "2024-01-01T00:00:00Z" }), item("b", { active: [{ name: "j2" }], lastScheduleTime: "2024-02-01T00:00:00Z", lastSuccessfulTime: "2024-01-05T00:00:00Z" })], { active: [{ name: "j1" }, { name: "j2" }], lastScheduleTime: "2024-02-01T00:00:00Z", lastSuccessfulTime: "2024-01-05T00:00:00Z" }],
    ["Pod running", tpl("v1", "Pod"), [item("a", { phase: "Running", containerStatuses: [{ name: "c" }] }), item("b", { phase: "Succeeded", containerStatuses: [{ name: "c" }] })], { phase: "Running", containerStatuses: [{ name: "c" }, { name: "c" }] }],
    ["Pod failed wins", tpl("v1", "Pod"), [item("a", { phase: "Pending" }), item("b", { phase: "Failed" })], { phase: "Failed" }],
    ["Pod all succeeded", tpl("v1", "Pod"), [item("a", { phase: "Succeeded" })], { phase: "Succeeded" }],
    ["PV precedence", tpl("v1", "PersistentVolume"), [item("a", { phase: "Bound" }), item("b", { phase: "Available" })], { phase: "Available" }],
    ["PV no status counts Pending", tpl("v1", "PersistentVolume"), [item("a", { phase: "Bound" }), item("b")], { phase: "Pending" }],
    ["PVC bound", tpl("v1", "PersistentVolumeClaim"), [item("a", { phase: "Bound" }), item("b", { phase: "Bound" })], { phase: "Bound" }],
    ["PVC pending", tpl("v1", "PersistentVolumeClaim"), [item("a", { phase: "Bound" }), item("b", { phase: "Pending" })], { phase: "Pending" }],
    ["PVC lost wins", tpl("v1", "PersistentVolumeClaim"), [item("a", { phase: "Lost" }), item("b", { phase: "Pending" })], { phase: "Lost" }],
    [
      "PDB",
      tpl("policy/v1", "PodDisruptionBudget"),
      [item("a", { currentHealthy: 2, desiredHealthy: 1, expectedPods: 2, disruptionsAllowed: 1, disruptedPods: { p1: "t" } }), item("b", { currentHealthy: 1, desiredHealthy: 1, expectedPods: 1 })],
      { currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, disruptionsAllowed: 1, disruptedPods: { "a/p1": "t" } },
    ],
  ];
  it.each(cases)("%s", (_n, t, items, expected) => expect(aggregateStatus(t, items)).toEqual(expected));
});
