import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kube/types";
import type { AggregatedStatusItem } from "../kube/karmada";
import { aggregateStatus, dedupeAndSortIngress } from "./aggregate-status";

type Obj = Record<string, unknown>;
const tcp = (port: number, error?: string) => ({ port, protocol: "TCP", ...(error ? { error } : {}) });

// Ported from Karmada's pkg/util/helper/service_test.go (8 cases) and ingress_test.go (6 cases).
describe("TestDedupeAndSort{Service,Ingress}LoadBalancerIngress", () => {
  const common: [string, Obj[], Obj[]][] = [
    ["sort hostname", [{ hostname: "hostname-2" }, { hostname: "hostname-1" }], [{ hostname: "hostname-1" }, { hostname: "hostname-2" }]],
    ["sort ip", [{ ip: "2.2.2.2" }, { ip: "1.1.1.1" }], [{ ip: "1.1.1.1" }, { ip: "2.2.2.2" }]],
    ["hostname should in front of ip", [{ ip: "1.1.1.1" }, { hostname: "hostname-1" }], [{ hostname: "hostname-1" }, { ip: "1.1.1.1" }]],
    [
      "merge hostname and ip",
      [{ ip: "1.1.1.1" }, { hostname: "hostname-1" }, { ip: "1.1.1.1" }, { hostname: "hostname-1" }, { ip: "1.1.1.1" }, { hostname: "hostname-1" }],
      [{ hostname: "hostname-1" }, { ip: "1.1.1.1" }],
    ],
    [
      "merge and sort ports",
      [{ hostname: "hostname-1", ports: [tcp(80)] }, { hostname: "hostname-1", ports: [tcp(81)] }, { hostname: "hostname-1", ports: [tcp(80)] }],
      [{ hostname: "hostname-1", ports: [tcp(80), tcp(81)] }],
    ],
    [
      "merge and sort errors",
      [
        { hostname: "hostname-1", ports: [tcp(80, "error-1")] },
        { hostname: "hostname-1", ports: [tcp(80, "error-1")] },
        { hostname: "hostname-1", ports: [tcp(80, "error-2")] },
        { hostname: "hostname-1", ports: [tcp(80)] },
      ],
      [{ hostname: "hostname-1", ports: [tcp(80), tcp(80, "error-1"), tcp(80, "error-2")] }],
    ],
  ];
  const serviceOnly: [string, Obj[], Obj[]][] = [
    ["sort ipMode", [{ ip: "1.1.1.1", ipMode: "Proxy" }, { ip: "1.1.1.1", ipMode: "VIP" }], [{ ip: "1.1.1.1", ipMode: "Proxy" }, { ip: "1.1.1.1", ipMode: "VIP" }]],
    ["merge ipMode", [{ ip: "1.1.1.1", ipMode: "VIP" }, { ip: "1.1.1.1", ipMode: "VIP" }], [{ ip: "1.1.1.1", ipMode: "VIP" }]],
  ];
  it.each([...common, ...serviceOnly])("service: %s", (_n, input, want) => expect(dedupeAndSortIngress(input, true)).toEqual(want));
  it.each(common)("ingress: %s", (_n, input, want) => expect(dedupeAndSortIngress(input, false)).toEqual(want));
});

// Ported from Karmada's pkg/util/helper/job_test.go: TestParsingJobStatus (2 cases, through the
// Job aggregation; times not compared, as there) and TestGetJobFinishedStatus (4 cases, as "a
// finished template is never changed").
describe("job_test.go", () => {
  const at = "2024-05-01T10:00:00Z";
  const job = (status?: Obj): KubeObject => ({ apiVersion: "batch/v1", kind: "Job", metadata: { name: "foo", namespace: "bar" }, status });
  const item = (clusterName: string, status: Obj): AggregatedStatusItem => ({ clusterName, status: status as never });
  const done = { active: 0, succeeded: 1, startTime: at, completionTime: at, failed: 0, conditions: [{ type: "Complete", status: "True" }, { type: "SuccessCriteriaMet", status: "True" }] };
  const failed = { active: 0, succeeded: 0, startTime: at, completionTime: at, failed: 1, conditions: [{ type: "Failed", status: "True" }] };
  const strip = (s: unknown) => {
    const o = JSON.parse(JSON.stringify(s)) as Obj & { conditions?: Obj[] };
    delete o.startTime;
    delete o.completionTime;
    for (const c of o.conditions ?? []) {
      delete c.lastProbeTime;
      delete c.lastTransitionTime;
    }
    return o;
  };
  it("TestParsingJobStatus: all complete", () => {
    expect(strip(aggregateStatus(job(), [item("memberA", done), item("memberB", done)]))).toEqual({
      succeeded: 2,
      conditions: [
        { type: "Complete", status: "True", reason: "Completed", message: "Job completed" },
        { type: "SuccessCriteriaMet", status: "True", reason: "CompletionsReached", message: "All member clusters have met success criteria" },
      ],
    });
  });
  it("TestParsingJobStatus: all failed", () => {
    expect(strip(aggregateStatus(job(), [item("memberA", failed), item("memberB", failed)]))).toEqual({
      failed: 2,
      conditions: [{ type: "Failed", status: "True", reason: "JobFailed", message: "Job executed failed in member clusters memberA,memberB" }],
    });
  });
  it.each<[string, Obj, boolean]>([
    ["job complete", { type: "Complete", status: "True" }, true],
    ["job failed", { type: "Failed", status: "True" }, true],
    ["job suspended", { type: "Suspended", status: "True" }, false],
    ["job condition unknown", { type: "Complete", status: "Unknown" }, false],
  ])("TestGetJobFinishedStatus: %s", (_n, condition, finished) => {
    const old = { conditions: [condition] };
    const out = aggregateStatus(job(old), [item("memberA", { active: 1 })]);
    if (finished) expect(out).toBe(old);
    else expect(out).toEqual({ active: 1 });
  });
});
