import { describe, expect, it } from "vitest";
import { ApiError } from "../kube/errors";
import type { KubeObject } from "../kube/types";
import { planWrites, rowId, type WriteOp } from "./write-plan";

const CM = { group: "", resource: "configmaps" };
const obj = (name: string, rv?: string): KubeObject => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { namespace: "d", name, ...(rv ? { resourceVersion: rv } : {}) } });
const create = (name: string): WriteOp => ({ kind: "create", key: CM, namespace: "d", name, object: obj(name) });
const update = (name: string, expectedRv: string): WriteOp => ({ kind: "update", key: CM, namespace: "d", name, object: obj(name), expectedRv });
const del = (name: string, expectedRv?: string): WriteOp => ({ kind: "delete", key: CM, namespace: "d", name, expectedRv });

describe("planWrites", () => {
  const cases: { name: string; ops: WriteOp[]; existing: string[]; results: (string | number)[]; finals: Record<string, string | null> }[] = [
    { name: "creates number from base+1", ops: [create("a"), create("b")], existing: [], results: [11, 12], finals: { a: "11", b: "12" } },
    { name: "duplicate create in one batch fails the second", ops: [create("a"), create("a")], existing: [], results: [11, "AlreadyExists"], finals: { a: "11" } },
    { name: "create over an existing row", ops: [create("x")], existing: ["x"], results: ["AlreadyExists"], finals: {} },
    { name: "failed ops take no number", ops: [update("nope", "1"), create("a")], existing: [], results: ["NotFound", 11], finals: { a: "11" } },
    { name: "CAS against the version of an earlier op in the batch", ops: [create("a"), update("a", "11"), update("a", "11")], existing: [], results: [11, 12, "Conflict"], finals: { a: "12" } },
    { name: "stale CAS on a stored row", ops: [update("x", "4")], existing: ["x"], results: ["Conflict"], finals: {} },
    { name: "unconditional update", ops: [update("x", "")], existing: ["x"], results: [11], finals: { x: "11" } },
    { name: "delete then re-create", ops: [del("x", "5"), create("x")], existing: ["x"], results: [11, 12], finals: { x: "12" } },
    { name: "create then delete leaves nothing", ops: [create("a"), del("a")], existing: [], results: [11, 12], finals: { a: null } },
  ];
  it.each(cases)("$name", ({ ops, existing, results, finals }) => {
    const current = new Map(existing.map((n) => [rowId(CM, "d", n), obj(n, "5")]));
    const plan = planWrites(ops, current, 10);
    expect(plan.outcomes.map((o) => (o.ok ? Number(o.object.metadata.resourceVersion) : (o.error as ApiError).reason))).toEqual(results);
    const got = Object.fromEntries([...plan.finals.values()].map((f) => [f.name, f.object ? f.object.metadata.resourceVersion! : null]));
    expect(got).toEqual(finals);
    const okCount = results.filter((r) => typeof r === "number").length;
    expect(plan.lastRv).toBe(10 + okCount);
    expect(plan.events.map((e) => Number(e.resourceVersion))).toEqual(Array.from({ length: okCount }, (_, i) => 11 + i));
  });

  it("answers each writer with its own object, never the copy that rows and events share", () => {
    const input = { ...obj("a"), data: { k: "v" } };
    const existing = new Map([[rowId(CM, "d", "x"), { ...obj("x", "5"), data: { k: "x" } }]]);
    const plan = planWrites([{ kind: "create", key: CM, namespace: "d", name: "a", object: input }, del("x")], existing, 1);
    for (const o of plan.outcomes) {
      if (!o.ok) throw o.error;
      (o.object.data as Record<string, string>).k = "changed by the caller";
      o.object.metadata.name = "changed by the caller";
    }
    expect(plan.events.map((e) => [e.object.metadata.name, e.object.data])).toEqual([["a", { k: "v" }], ["x", { k: "x" }]]);
    expect(plan.events.map((e) => e.object.metadata.resourceVersion)).toEqual(["2", "3"]);
  });

  it("does not mutate its inputs", () => {
    const input = obj("a");
    planWrites([{ kind: "create", key: CM, namespace: "d", name: "a", object: input }], new Map(), 1);
    expect(input.metadata.resourceVersion).toBeUndefined();
  });
});
