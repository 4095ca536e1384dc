import { describe, expect, it } from "vitest";
import type { Work } from "../../kube/karmada";
import { FIRST_STATUS_SETTLE_MS } from "../work-status/first-status";
import { NEW_WORK_SETTLE_MS, settlingMs } from "./settling";

const T0 = Date.parse("2026-01-01T00:00:00Z");
const STAMP = "2026-01-01T00:00:00Z";
const work = (status: Work["status"], meta: Partial<Work["metadata"]> = {}): Work => ({
  apiVersion: "work.karmada.io/v1alpha1",
  kind: "Work",
  metadata: { name: "w", namespace: "karmada-es-m1", creationTimestamp: STAMP, ...meta },
  spec: {},
  status,
});
const applied = (s: "True" | "False") => [{ type: "Applied", status: s, reason: "r", message: "", lastTransitionTime: STAMP }];
const ms = [{ identifier: { ordinal: 0, group: "apps", version: "v1", kind: "Deployment", resource: "deployments", name: "d" }, health: "Healthy" as const }];

describe("settlingMs", () => {
  it("waits for a Work not executed yet, bounded from its creation", () => {
    expect(settlingMs([work({})], T0 + 1000)).toBe(NEW_WORK_SETTLE_MS - 1000);
    expect(settlingMs([work({})], T0 + NEW_WORK_SETTLE_MS)).toBe(0);
  });
  it("waits for an applied Work's first manifestStatuses, bounded from Applied", () => {
    expect(settlingMs([work({ conditions: applied("True") })], T0)).toBe(FIRST_STATUS_SETTLE_MS + 1000);
    expect(settlingMs([work({ conditions: applied("True") })], T0 + 60_000)).toBe(0);
  });
  it("does not wait for settled, failed or terminating Works", () => {
    expect(settlingMs([work({ conditions: applied("True"), manifestStatuses: ms }), work({ conditions: applied("False") }), work({}, { deletionTimestamp: STAMP })], T0)).toBe(0);
  });
  it("takes the latest bound of all Works", () => {
    expect(settlingMs([work({ conditions: applied("True"), manifestStatuses: ms }), work({}, { creationTimestamp: "2026-01-01T00:00:02Z" })], T0)).toBe(NEW_WORK_SETTLE_MS + 2000);
  });
});
