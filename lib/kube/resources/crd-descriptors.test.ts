import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { descriptorsFromCRD, validateCRD } from "./index";
import { guestbookCRD } from "./testdata/guestbook-crd";

function guestbook(spec: Record<string, unknown>): KubeObject {
  return { apiVersion: "webapp.my.domain/v1", kind: "Guestbook", metadata: { name: "gb", namespace: "default", creationTimestamp: "2024-01-01T00:00:00Z" }, spec };
}

describe("descriptorsFromCRD on Karmada's guestbook sample", () => {
  const [d] = descriptorsFromCRD(guestbookCRD());

  it("carries discovery facts from the CRD", () => {
    expect(d).toMatchObject({
      group: "webapp.my.domain",
      version: "v1",
      kind: "Guestbook",
      listKind: "GuestbookList",
      plural: "guestbooks",
      singular: "guestbook",
      namespaced: true,
      subresources: { status: true, scale: false },
      fromCRD: "guestbooks.webapp.my.domain",
    });
    expect(d.verbs).toContain("watch");
  });

  it("has only the Age column without additionalPrinterColumns", () => {
    expect(d.columns!.map((c) => [c.name, c.type])).toEqual([["Age", "date"]]);
    expect(d.columns![0].cell(guestbook({}))).toBe("2024-01-01T00:00:00Z");
  });

  it.each([
    [{ configMapName: "cm", size: 3 }, []],
    [{ size: 3 }, ["spec.configMapName: Required value"]],
    [{ configMapName: "cm", size: "3" }, ['spec.size: Invalid value: "string": spec.size in body must be of type integer: "string"']],
    [{ configMapName: "cm", size: 0 }, ["spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1"]],
    [{ configMapName: "cm", size: 11 }, ["spec.size: Invalid value: 11: spec.size in body should be less than or equal to 10"]],
    [{ configMapName: "", size: 1 }, ['spec.configMapName: Invalid value: "": spec.configMapName in body should be at least 1 chars long']],
    [{ configMapName: "a-very-long-configmap", size: 1 }, ["spec.configMapName: Too long: may not be more than 15 bytes"]],
    [{ configMapName: "cm", size: 1, alias: "Mail" }, ['spec.alias: Unsupported value: "Mail": supported values: "Phone", "Address", "Name"']],
  ])("validates spec %j", (spec, expected) => {
    const msgs = d.validate!(guestbook(spec)).map((c) => `${c.field}: ${c.message}`);
    expect(msgs).toEqual(expected);
  });

  it("prunes unknown fields in applyDefaults", () => {
    const obj = guestbook({ configMapName: "cm", size: 1, bogus: true });
    d.applyDefaults!(obj);
    expect(obj.spec).toEqual({ configMapName: "cm", size: 1 });
  });
});

describe("printer columns", () => {
  it("evaluates JSONPath columns like the CRD table convertor (first match, typed cells)", () => {
    const crd = guestbookCRD();
    const version = (crd.spec as { versions: Record<string, unknown>[] }).versions[0];
    version.additionalPrinterColumns = [
      { name: "Size", type: "integer", jsonPath: ".spec.size" },
      { name: "Ready", type: "string", jsonPath: '.status.conditions[?(@.type=="Ready")].status' },
      { name: "Standby", type: "string", jsonPath: ".status.standby[*]", priority: 1 },
      { name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp" },
    ];
    const [d] = descriptorsFromCRD(crd);
    const obj = guestbook({ size: 2 });
    obj.status = { conditions: [{ type: "Synced", status: "False" }, { type: "Ready", status: "True" }], standby: ["b", "c"] };
    expect(d.columns!.map((c) => c.cell(obj))).toEqual([2, "True", "b", "2024-01-01T00:00:00Z"]);
    expect(d.columns![2].priority).toBe(1);
    expect(d.columns!.map((c) => c.cell(guestbook({})))).toEqual([null, null, null, "2024-01-01T00:00:00Z"]);
  });
});

describe("validateCRD", () => {
  it("accepts the guestbook CRD", () => {
    expect(validateCRD(guestbookCRD())).toEqual([]);
  });

  it.each([
    ["name not plural.group", (c: KubeObject) => (c.metadata.name = "guestbooks"), "metadata.name"],
    ["group without dot", (c: KubeObject) => ((c.spec as Record<string, unknown>).group = "webapp"), "spec.group"],
    ["bad scope", (c: KubeObject) => ((c.spec as Record<string, unknown>).scope = "Global"), "spec.scope"],
    ["no storage version", (c: KubeObject) => ((c.spec as { versions: Record<string, unknown>[] }).versions[0].storage = false), "spec.versions"],
    ["field without type", (c: KubeObject) => {
      const v = (c.spec as { versions: { schema: { openAPIV3Schema: { properties: Record<string, unknown> } } }[] }).versions[0];
      v.schema.openAPIV3Schema.properties.extra = {};
    }, "spec.versions[0].schema.openAPIV3Schema.properties[extra].type"],
  ])("rejects %s", (_n, mutate, field) => {
    const crd = guestbookCRD();
    mutate(crd);
    expect(validateCRD(crd).map((c) => c.field)).toContain(field);
  });
});
