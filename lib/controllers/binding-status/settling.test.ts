import { describe, expect, it } from "vitest";
import type { ResourceBinding, Work } from "../../kube/karmada";
import { UNOBSERVED_SETTLE_MS } from "../work-status/first-status";
import { NEW_WORK_SETTLE_MS, settlingMs, UNTOUCHED_WORK_SETTLE_MS } from "./settling";

const T0 = Date.parse("2026-01-01T00:00:00Z");
const STAMP = "2026-01-01T00:00:00Z";
const work = (status: Work["status"], meta: Partial<Work["metadata"]> = {}): Work => ({
  apiVersion: "work.karmada.io/v1alpha1",
  kind: "Work",
  metadata: { name: "w", namespace: "karmada-es-m1", creationTimestamp: STAMP, ...meta },
  spec: {},
  status,
});
const binding = (clusters: string[], lastScheduledTime?: string): ResourceBinding =>
  ({ apiVersion: "work.karmada.io/v1alpha2", kind: "ResourceBinding", metadata: { name: "b" }, spec: { resource: { apiVersion: "apps/v1", kind: "Deployment", name: "d" }, clusters: clusters.map((name) => ({ name })) }, status: { lastScheduledTime } }) as ResourceBinding;
const b1 = binding(["m1"]);
const applied = (s: "True" | "False") => [{ type: "Applied", status: s, reason: "r", message: "", lastTransitionTime: STAMP }];
const ms = [{ identifier: { ordinal: 0, group: "apps", version: "v1", kind: "Deployment", resource: "deployments", name: "d" }, health: "Healthy" as const }];

describe("settlingMs", () => {
  it("waits for a Work not executed yet, bounded from its creation", () => {
    const dispatching = [{ type: "Dispatching", status: "True" as const, reason: "r", message: "", lastTransitionTime: STAMP }];
    expect(settlingMs(b1, [work({ conditions: dispatching })], T0 + 1000)).toBe(NEW_WORK_SETTLE_MS - 1000);
    expect(settlingMs(b1, [work({ conditions: dispatching })], T0 + NEW_WORK_SETTLE_MS)).toBe(0);
  });
  it("waits longer for a Work nothing has touched yet (still queued for execution)", () => {
    expect(settlingMs(b1, [work({})], T0 + NEW_WORK_SETTLE_MS)).toBe(UNTOUCHED_WORK_SETTLE_MS - NEW_WORK_SETTLE_MS);
    expect(settlingMs(b1, [work({})], T0 + UNTOUCHED_WORK_SETTLE_MS)).toBe(0);
  });
  it("waits for an applied Work's first manifestStatuses, bounded from Applied", () => {
    expect(settlingMs(b1, [work({ conditions: applied("True") })], T0)).toBe(UNOBSERVED_SETTLE_MS + 1000);
    expect(settlingMs(b1, [work({ conditions: applied("True") })], T0 + 60_000)).toBe(0);
  });
  it("does not wait for settled, failed or terminating Works", () => {
    const works = [work({ conditions: applied("True"), manifestStatuses: ms }), work({ conditions: applied("False") }, { namespace: "karmada-es-m2" }), work({}, { namespace: "karmada-es-m3", deletionTimestamp: STAMP })];
    expect(settlingMs(binding(["m1", "m2"]), works, T0)).toBe(0);
  });
  it("waits for a target cluster's missing Work, bounded from the last scheduling", () => {
    const done = work({ conditions: applied("True"), manifestStatuses: ms });
    expect(settlingMs(binding(["m1", "m2"], STAMP), [done], T0 + 1000)).toBe(NEW_WORK_SETTLE_MS - 1000);
    expect(settlingMs(binding(["m1", "m2"], STAMP), [done], T0 + NEW_WORK_SETTLE_MS)).toBe(0);
    expect(settlingMs(binding(["m1", "m2"]), [done], T0)).toBe(0);
  });
  it("takes the latest bound of all Works", () => {
    const works = [work({ conditions: applied("True"), manifestStatuses: ms }), work({}, { namespace: "karmada-es-m2", creationTimestamp: "2026-01-01T00:00:02Z" })];
    expect(settlingMs(binding(["m1", "m2"]), works, T0)).toBe(UNTOUCHED_WORK_SETTLE_MS + 2000);
  });
});

describe("settlingMs without timestamps", () => {
  it("a missing lastScheduledTime does not hide a Work's own bound", () => {
    const w = work({}, { namespace: "karmada-es-m2" });
    expect(settlingMs(binding(["m1", "m2"]), [w], T0)).toBe(UNTOUCHED_WORK_SETTLE_MS);
  });
});
