import { describe, expect, it } from "vitest";
import { memberStatusSummary } from "./member-status-summary";

describe("memberStatusSummary", () => {
  it.each([
    ["nothing reported", undefined, "—"],
    ["an empty status", {}, "—"],
    ["a Deployment", { generation: 1, observedGeneration: 1, replicas: 2, updatedReplicas: 2, readyReplicas: 1, availableReplicas: 1 }, "1/2 ready · 2 updated · 1 available"],
    ["a Deployment scaled to zero", { replicas: 0 }, "0/0 ready"],
    ["a DaemonSet", { desiredNumberScheduled: 3, numberReady: 3, updatedNumberScheduled: 3, numberAvailable: 2 }, "3/3 ready · 3 updated · 2 available"],
    ["a Job", { active: 1, succeeded: 2 }, "1 active · 2 succeeded"],
    ["a LoadBalancer Service", { loadBalancer: { ingress: [{ ip: "10.0.0.1" }, { hostname: "lb.example" }] } }, "ingress 10.0.0.1, lb.example"],
    ["a Service without ingress", { loadBalancer: {} }, "no ingress yet"],
    ["anything else", { phase: "Bound", capacity: { storage: "1Gi" } }, "phase: Bound"],
    ["only nested fields", { capacity: { storage: "1Gi" } }, "1 field(s)"],
  ])("%s", (_what, status, line) => {
    expect(memberStatusSummary(status as Record<string, unknown> | undefined)).toBe(line);
  });
});
