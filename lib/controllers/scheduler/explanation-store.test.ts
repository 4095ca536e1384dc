import { describe, expect, it } from "vitest";
import type { ClusterExplanation, Explanation } from "../../scheduler/explanation";
import { ExplanationStore, SharedClusterEntries, type SchedulingRecord } from "./explanation-store";

const excluded = (name: string): ClusterExplanation => ({ name, filters: [{ plugin: "ClusterAffinity", passed: false, reason: "cluster(s) did not match the placement cluster affinity constraint" }], feasible: false });
const fit = (name: string, score: number): ClusterExplanation => ({ name, filters: [{ plugin: "ClusterAffinity", passed: true }], feasible: true, score, replicas: 1 });

function record(name: string, clusters: ClusterExplanation[]): SchedulingRecord {
  const explanation: Explanation = { strategy: "Duplicated", tieBreak: "ascending", attempts: [], clusters, assignment: [] } as unknown as Explanation;
  return { kind: "ResourceBinding", namespace: "default", name, generation: 1, scheduledAt: "2025-01-01T00:00:00Z", trigger: "t", clusters: [], summary: "", explanation };
}

describe("ExplanationStore", () => {
  it("shares equal excluded-cluster entries between records and keeps their content", () => {
    const store = new ExplanationStore();
    store.put(record("a", [fit("m1", 90), excluded("m2"), excluded("m3")]));
    store.put(record("b", [excluded("m1"), excluded("m2"), fit("m3", 80)]));
    const a = store.get("ResourceBinding", "default", "a")!.explanation.clusters;
    const b = store.get("ResourceBinding", "default", "b")!.explanation.clusters;
    expect(b[1]).toBe(a[1]);
    expect(b[1]).toEqual(excluded("m2"));
    expect(Object.isFrozen(b[1])).toBe(true);
    // Entries with binding-specific figures stay the record's own.
    expect(a[0]).toEqual(fit("m1", 90));
    expect(Object.isFrozen(a[0])).toBe(false);
  });

  it("does not share entries whose reasons differ", () => {
    const shared = new SharedClusterEntries();
    const x = [excluded("m1")];
    const other = excluded("m1");
    other.filters[0].reason = "another reason";
    const y = [other];
    shared.compact(x);
    shared.compact(y);
    expect(y[0]).not.toBe(x[0]);
    expect(y[0].filters[0].reason).toBe("another reason");
  });

  it("clears the shared table when full (sharing lost, content kept)", () => {
    const shared = new SharedClusterEntries(2);
    shared.compact([excluded("m1"), excluded("m2")]);
    expect(shared.size).toBe(2);
    const z = [excluded("m3")];
    shared.compact(z);
    expect(shared.size).toBe(1);
    expect(z[0]).toEqual(excluded("m3"));
  });

  it("drops the least recently written record beyond capacity", () => {
    const store = new ExplanationStore(2);
    for (const n of ["a", "b", "c"]) store.put(record(n, [excluded("m1")]));
    expect(store.size).toBe(2);
    expect(store.get("ResourceBinding", "default", "a")).toBeUndefined();
  });
});
