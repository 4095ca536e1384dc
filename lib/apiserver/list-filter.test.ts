import { describe, expect, it } from "vitest";
import { buildFilter } from "./list-filter";
import { testDescriptors } from "./test-descriptors";

const [cm] = testDescriptors();
const obj = (name: string, labels?: Record<string, string>) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "default", labels } });

describe("buildFilter", () => {
  it.each([
    ["app=web", undefined, "a", true],
    ["app=web", undefined, "b", false],
    ["app!=web", undefined, "c", true],
    [undefined, "metadata.name=a", "a", true],
    [undefined, "metadata.name!=a", "a", false],
    [undefined, "metadata.namespace=default", "b", true],
  ])("label %s field %s on %s -> %s", (l, f, name, want) => {
    const objs = { a: obj("a", { app: "web" }), b: obj("b", { app: "db" }), c: obj("c") } as const;
    const fn = buildFilter(cm, l, f);
    expect(fn!(objs[name as keyof typeof objs])).toBe(want);
  });

  it("returns undefined with no selectors", () => {
    expect(buildFilter(cm, "", undefined)).toBeUndefined();
  });

  it("rejects unsupported field labels with kube's message", () => {
    expect(() => buildFilter(cm, undefined, "spec.x=y")).toThrowError("field label not supported: spec.x");
  });
});
