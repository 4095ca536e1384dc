import { describe, expect, it } from "vitest";
import type { ResourceDescriptor } from "../kube/resource-descriptor";
import { enforceFieldValidation, unknownFields } from "./strict-fields";
import { testDescriptors } from "./test-descriptors";

const cm = testDescriptors()[0];
const typed: ResourceDescriptor = {
  ...cm,
  openAPISchema: {
    type: "object",
    properties: {
      spec: { type: "object", properties: { replicas: { type: "integer" }, items: { type: "array", items: { type: "object", properties: { name: { type: "string" } } } }, free: { type: "object", "x-kubernetes-preserve-unknown-fields": true } } },
    },
  },
};

describe("unknownFields", () => {
  it.each([
    [{ spec: { replicas: 1 } }, []],
    [{ spec: { foo: 1 } }, ["spec.foo"]],
    [{ spec: { items: [{ name: "a", x: 1 }] } }, ["spec.items[0].x"]],
    [{ spec: { free: { anything: 1 } } }, []],
    [{ bogus: 1 }, ["bogus"]],
    [{ metadata: { name: "a", nope: 1 } }, ["metadata.nope"]],
  ])("%j -> %j", (o, want) => {
    expect(unknownFields(typed, { apiVersion: "v1", kind: "X", metadata: {}, ...o })).toEqual(want);
  });
});

describe("enforceFieldValidation", () => {
  const obj = { apiVersion: "v1", kind: "X", metadata: {}, spec: { foo: 1 } };
  it("throws 400 under Strict", () => {
    expect(() => enforceFieldValidation(typed, obj, "Strict")).toThrowError('strict decoding error: unknown field "spec.foo"');
  });
  it("collects warnings under Warn and ignores under Ignore", () => {
    const w: string[] = [];
    enforceFieldValidation(typed, obj, "Warn", w);
    enforceFieldValidation(typed, obj, "Ignore", w);
    expect(w).toEqual(['unknown field "spec.foo"']);
  });
});
