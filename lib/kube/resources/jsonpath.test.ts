import { describe, expect, it } from "vitest";
import { compileJsonPath, evaluateJsonPath } from "./jsonpath";

const doc = {
  spec: { priority: 0, workload: { manifests: [{ kind: "Deployment" }, { kind: "Service" }] }, "a.b": 1 },
  status: { conditions: [{ type: "Scheduled", status: "True" }, { type: "FullyApplied", status: "False" }] },
};

describe("JSONPath subset", () => {
  it.each([
    [".spec.priority", [0]],
    [".spec.workload.manifests[*].kind", ["Deployment", "Service"]],
    [".spec.workload.manifests[1].kind", ["Service"]],
    [".spec.workload.manifests[-1].kind", ["Service"]],
    ['.status.conditions[?(@.type=="FullyApplied")].status', ["False"]],
    [".status.conditions[?(@.type!='Scheduled')].type", ["FullyApplied"]],
    ["{.spec['a.b']}", [1]],
    [".spec.missing.deeper", []],
    ["$.spec.priority", [0]],
  ])("%s", (path, expected) => {
    expect(evaluateJsonPath(compileJsonPath(path), doc)).toEqual(expected);
  });

  it("rejects unsupported syntax", () => {
    expect(() => compileJsonPath(".spec..x")).toThrow();
    expect(() => compileJsonPath(".a[?(@.x > 1)]")).toThrow();
  });
});
