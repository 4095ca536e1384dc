import { describe, expect, it } from "vitest";
import type { ManifestStatus, Work } from "../../kube/karmada";
import { FirstObserved, firstStatusWaitMs, progressOnly } from "./first-status";

const T0 = Date.parse("2026-01-01T00:00:00Z");
const status = (health: ManifestStatus["health"], st: Record<string, number> = { generation: 1, observedGeneration: 1 }): ManifestStatus => ({ identifier: { ordinal: 0, group: "apps", version: "v1", kind: "Deployment", resource: "deployments", name: "d" }, status: st, health });
const work = (recorded: ManifestStatus[] = [], applied = true): Work => ({
  apiVersion: "work.karmada.io/v1alpha1",
  kind: "Work",
  metadata: { name: "w", namespace: "karmada-es-m1" },
  spec: {},
  status: { conditions: applied ? [{ type: "Applied", status: "True", reason: "AppliedSuccessful", message: "", lastTransitionTime: "2026-01-01T00:00:00Z" }] : [], manifestStatuses: recorded },
});

describe("firstStatusWaitMs", () => {
  it("holds back a first Unhealthy reflection until the settle time passed", () => {
    expect(firstStatusWaitMs(work(), [status("Unhealthy")], T0 + 1000, 3000)).toBe(2000);
    expect(firstStatusWaitMs(work(), [status("Unhealthy")], T0 + 3000, 3000)).toBe(0);
  });
  it("holds back a member object not observed yet longer (no status, or observedGeneration behind)", () => {
    const none: ManifestStatus = { ...status("Unhealthy"), status: undefined };
    expect(firstStatusWaitMs(work(), [none], T0 + 4000, 3000, 10_000)).toBe(6000);
    expect(firstStatusWaitMs(work(), [status("Unhealthy", { generation: 2, observedGeneration: 1 })], T0 + 4000, 3000, 10_000)).toBe(6000);
    expect(firstStatusWaitMs(work(), [status("Unhealthy", { generation: 1 })], T0 + 10_000, 3000, 10_000)).toBe(0);
    expect(firstStatusWaitMs(work(), [status("Unhealthy", { generation: 1, observedGeneration: 1 })], T0 + 4000, 3000, 10_000)).toBe(0);
  });
  it("counts the settle time from when the member was first seen to observe, within the unobserved bound", () => {
    const observed = [status("Unhealthy")];
    expect(firstStatusWaitMs(work(), observed, T0 + 6000, 3000, 10_000, T0 + 5000)).toBe(2000);
    expect(firstStatusWaitMs(work(), observed, T0 + 9000, 3000, 10_000, T0 + 8500)).toBe(1000);
    expect(firstStatusWaitMs(work(), observed, T0 + 1000, 3000, 10_000, T0 - 5000)).toBe(2000);
  });
  it("writes a Healthy first reflection at once", () => {
    expect(firstStatusWaitMs(work(), [status("Healthy")], T0, 3000)).toBe(0);
  });
  it("writes later changes at once, Unhealthy included", () => {
    expect(firstStatusWaitMs(work([status("Healthy")]), [status("Unhealthy")], T0, 3000)).toBe(0);
  });
  it("does not wait without an Applied transition time", () => {
    expect(firstStatusWaitMs(work([], false), [status("Unhealthy")], T0, 3000)).toBe(0);
  });
});

describe("progressOnly", () => {
  it("is progress while still Unhealthy", () => {
    expect(progressOnly([status("Unhealthy")], [status("Unhealthy")])).toBe(true);
  });
  it("is news when reaching Healthy, regressing, or with no status written yet", () => {
    expect(progressOnly([status("Unhealthy")], [status("Healthy")])).toBe(false);
    expect(progressOnly([status("Healthy")], [status("Unhealthy")])).toBe(false);
    expect(progressOnly([], [status("Unhealthy")])).toBe(false);
    expect(progressOnly(undefined, [status("Unhealthy")])).toBe(false);
  });
  it("is news when the manifests changed", () => {
    expect(progressOnly([status("Unhealthy")], [status("Unhealthy"), status("Unhealthy")])).toBe(false);
  });
});

describe("FirstObserved", () => {
  it("keeps the first time per key until forgotten, bounded", () => {
    const f = new FirstObserved(2);
    expect(f.since("a", 100)).toBe(100);
    expect(f.since("a", 500)).toBe(100);
    f.forget("a");
    expect(f.since("a", 700)).toBe(700);
    f.since("b", 800);
    f.since("c", 900);
    expect(f.since("a", 1000)).toBe(1000);
  });
});
