import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kube/types";
import type { Placement } from "../kube/karmada";
import { divideJobCompletions, needReviseJobCompletions, withJobCompletions } from "./job-completions";

// Ported from Karmada's pkg/controllers/binding/common_test.go: Test_needReviseJobCompletions (4
// cases), Test_divideReplicasByJobCompletions (2; the "spec is a string" error case has no
// analogue for a typed manifest) and TestApplyJobCompletions' success case.
describe("binding/common_test.go: Job completions", () => {
  it.each<[string, number, Placement | undefined, boolean]>([
    ["replicas is zero", 0, { replicaScheduling: { replicaSchedulingType: "Divided" } }, false],
    ["placement is nil", 1, undefined, false],
    ["replica scheduling type is not divided", 1, { replicaScheduling: { replicaSchedulingType: "Duplicated" } }, false],
    ["replica scheduling type is divided", 1, { replicaScheduling: { replicaSchedulingType: "Divided" } }, true],
  ])("needReviseJobCompletions: %s", (_n, replicas, placement, want) => expect(needReviseJobCompletions(replicas, placement)).toBe(want));

  it("divideReplicasByJobCompletions: completions found", () => {
    const job: KubeObject = { apiVersion: "batch/v1", kind: "Job", metadata: {}, spec: { completions: 10 } };
    const got = divideJobCompletions(job, [{ name: "cluster1", replicas: 5 }, { name: "cluster2", replicas: 5 }]);
    expect([...(got ?? [])].sort((a, b) => a.name.localeCompare(b.name))).toEqual([{ name: "cluster1", replicas: 5 }, { name: "cluster2", replicas: 5 }]);
  });

  it("applyJobCompletions: apply completions successfully", () => {
    const job: KubeObject = { apiVersion: "batch/v1", kind: "Job", metadata: { name: "test-job" }, spec: { completions: 10, parallelism: 2 } };
    expect(withJobCompletions(job, 6).spec).toEqual({ completions: 6, parallelism: 2 });
  });
});
