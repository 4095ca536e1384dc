import { describe, expect, it } from "vitest";
import { ageCell, toTable } from "./table";
import { testDescriptors } from "./test-descriptors";

const now = new Date("2024-05-01T12:00:00Z");
const ago = (s: number) => new Date(now.getTime() - s * 1000).toISOString();

describe("ages", () => {
  it.each([
    [5, "5s"],
    [119, "119s"],
    [182, "3m2s"],
    [600, "10m"],
    [3 * 3600 + 4 * 60, "3h4m"],
    [10 * 3600, "10h"],
    [5 * 86400, "5d"],
    [5 * 86400 + 3600, "5d1h"],
  ])("%is -> %s", (s, want) => {
    expect(ageCell(ago(s), now)).toBe(want);
  });

  it("prints <unknown> for missing timestamps", () => {
    expect(ageCell(undefined, now)).toBe("<unknown>");
  });
});

describe("toTable", () => {
  const [cm, ns] = testDescriptors();
  const obj = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a", namespace: "d", creationTimestamp: ago(65) }, data: { x: "1", y: "2" } };

  it("builds columns, cells and PartialObjectMetadata rows", () => {
    const t = toTable(cm, [obj], { version: "v1", includeObject: "Metadata", now }, { resourceVersion: "7" });
    expect(t.metadata).toEqual({ resourceVersion: "7" });
    expect(t.columnDefinitions.map((c) => c.name)).toEqual(["Name", "Data", "Age"]);
    expect(t.columnDefinitions[0].format).toBe("name");
    expect(t.rows[0].cells).toEqual(["a", 2, "65s"]);
    expect(t.rows[0].object).toEqual({ kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: obj.metadata });
  });

  it("includes the full object on request and renders missing cells as null", () => {
    const t = toTable(ns, [{ apiVersion: "v1", kind: "Namespace", metadata: { name: "n" } }], { version: "v1beta1", includeObject: "Object", now });
    expect(t.apiVersion).toBe("meta.k8s.io/v1beta1");
    expect(t.rows[0].cells).toEqual(["n", null, null]);
    expect((t.rows[0].object as { kind: string }).kind).toBe("Namespace");
  });
});

describe("toTable with a descriptor-placed NAME column", () => {
  it("does not prepend its own NAME (Events print NAME only in wide output)", async () => {
    const { eventDescriptor } = await import("../kube/resources/core/event");
    const ev = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: "web.17f", namespace: "default", creationTimestamp: ago(30) },
      involvedObject: { kind: "Deployment", name: "web" },
      reason: "ScalingReplicaSet",
      type: "Normal",
      message: "Scaled up",
      lastTimestamp: ago(30),
    };
    const t = toTable(eventDescriptor(), [ev], { version: "v1", includeObject: "Metadata", now });
    const names = t.columnDefinitions.map((c) => c.name);
    expect(names.slice(0, 4)).toEqual(["Last Seen", "Type", "Reason", "Object"]);
    expect(names.filter((n) => n === "Name")).toHaveLength(1);
    const nameCol = t.columnDefinitions.find((c) => c.name === "Name")!;
    expect(nameCol.priority).toBeGreaterThan(0);
    const cells = t.rows[0].cells as unknown[];
    expect(cells).toHaveLength(names.length);
    expect(cells[names.indexOf("Object")]).toBe("deployment/web");
    expect(cells[names.indexOf("Name")]).toBe("web.17f");
  });
});
