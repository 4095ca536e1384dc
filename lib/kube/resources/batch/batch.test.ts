import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../types";
import { generateJobSelector, jobDescriptor, jobStatus } from "./job";
import { cronJobDescriptor, isValidSchedule } from "./cronjob";

function job(spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: "pi", namespace: "default", creationTimestamp: "2024-01-01T00:00:00Z" },
    spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "pi", image: "perl:5.34" }] } }, ...spec },
  };
}

describe("Job", () => {
  const d = jobDescriptor();

  it("defaults completions, parallelism, backoffLimit, completionMode, suspend", () => {
    const j = job();
    d.applyDefaults!(j);
    expect(j.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: "NonIndexed", suspend: false, podReplacementPolicy: "TerminatingOrFailed" });
    expect((j.spec as Record<string, unknown>).selector).toBeUndefined();
    const p = job({ parallelism: 3 });
    d.applyDefaults!(p);
    expect((p.spec as Record<string, unknown>).completions).toBeUndefined();
  });

  it("generates the controller-uid selector and pod labels", () => {
    const j = job();
    generateJobSelector(j, "uid-1");
    expect(j.spec).toMatchObject({
      selector: { matchLabels: { "batch.kubernetes.io/controller-uid": "uid-1" } },
      template: { metadata: { labels: { "batch.kubernetes.io/controller-uid": "uid-1", "batch.kubernetes.io/job-name": "pi", "controller-uid": "uid-1", "job-name": "pi" } } },
    });
    expect(d.validate!(j)).toEqual([]);
    const manual = job({ manualSelector: true });
    generateJobSelector(manual, "uid-2");
    expect((manual.spec as Record<string, unknown>).selector).toBeUndefined();
    expect(d.validate!(manual).map((c) => c.field)).toContain("spec.selector");
  });

  it("rejects restartPolicy Always and negative counts", () => {
    const j = job({ backoffLimit: -1 });
    (j.spec as { template: { spec: Record<string, unknown> } }).template.spec.restartPolicy = "Always";
    const msgs = d.validate!(j).map((c) => `${c.field}: ${c.message}`);
    expect(msgs).toContain('spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"');
    expect(msgs).toContain("spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0");
  });

  it("prints STATUS COMPLETIONS DURATION", () => {
    const j = job({ completions: 3 });
    j.status = { succeeded: 3, startTime: "2024-01-01T00:00:00Z", completionTime: "2024-01-01T00:01:05Z", conditions: [{ type: "Complete", status: "True" }] };
    expect(d.columns!.map((c) => c.cell(j)).slice(0, 3)).toEqual(["Complete", "3/3", "65s"]);
    expect(jobStatus(job())).toBe("Running");
    expect(d.columns![1].cell(job({ parallelism: 2 }))).toBe("0/1 of 2");
    expect(d.fieldLabels!["status.successful"](j)).toBe("3");
  });
});

describe("CronJob", () => {
  const d = cronJobDescriptor();
  const cj = (schedule: string): KubeObject => ({
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name: "c", namespace: "default" },
    spec: { schedule, jobTemplate: { spec: { template: { spec: { restartPolicy: "OnFailure", containers: [{ name: "c", image: "busybox" }] } } } } },
  });

  it.each([
    ["*/5 * * * *", true],
    ["0 0 * * MON-FRI", true],
    ["@hourly", true],
    ["* * *", false],
    ["TZ=UTC 0 * * * *", false],
  ])("schedule %j valid=%s", (s, ok) => {
    expect(isValidSchedule(s)).toBe(ok);
  });

  it("defaults and validates", () => {
    const c = cj("*/5 * * * *");
    d.applyDefaults!(c);
    expect(c.spec).toMatchObject({ concurrencyPolicy: "Allow", suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect(d.validate!(c)).toEqual([]);
    expect(d.validate!(cj("")).map((x) => `${x.field}: ${x.message}`)).toContain("spec.schedule: Required value");
    expect(d.columns!.map((x) => x.cell(c)).slice(0, 5)).toEqual(["*/5 * * * *", "<none>", "false", 0, "<none>"]);
  });
});
