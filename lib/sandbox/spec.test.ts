import { describe, expect, it } from "vitest";
import { ApiError } from "../kube/errors";
import { parseSandboxSpec, versionInfo } from "./spec";

function invalid(input: unknown): ApiError {
  try {
    parseSandboxSpec(input);
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error("expected an error");
}

describe("parseSandboxSpec", () => {
  it("fills defaults", () => {
    const s = parseSandboxSpec({ name: "edge-1" });
    expect(s).toMatchObject({ name: "edge-1", mode: "Push", nodes: 3, cpu: "4", memory: "16Gi", pods: 110, kubernetesVersion: "v1.32.4", port: 0 });
  });

  it("keeps given values and normalises the version", () => {
    const s = parseSandboxSpec({ name: "m", nodes: 5, cpu: "500m", memory: 1024, region: "eu-west-1", labels: { env: "prod" }, kubernetesVersion: "1.31", mode: "Pull" });
    expect(s).toMatchObject({ nodes: 5, cpu: "500m", memory: "1024", region: "eu-west-1", labels: { env: "prod" }, kubernetesVersion: "v1.31.0", mode: "Pull" });
  });

  it.each([
    [{ name: "Bad_Name" }, "name", "FieldValueInvalid"],
    [{ name: "a".repeat(64) }, "name", "FieldValueInvalid"],
    [{}, "name", "FieldValueRequired"],
    [{ name: "ok", nodes: -1 }, "nodes", "FieldValueInvalid"],
    [{ name: "ok", nodes: 1.5 }, "nodes", "FieldValueTypeInvalid"],
    [{ name: "ok", cpu: "-2" }, "cpu", "FieldValueInvalid"],
    [{ name: "ok", memory: "lots" }, "memory", "FieldValueInvalid"],
    [{ name: "ok", pods: -10 }, "pods", "FieldValueInvalid"],
    [{ name: "ok", mode: "push" }, "mode", "FieldValueNotSupported"],
    [{ name: "ok", kubernetesVersion: "sandbox-1" }, "kubernetesVersion", "FieldValueInvalid"],
    [{ name: "ok", labels: { "bad key!": "x" } }, "labels[bad key!]", "FieldValueInvalid"],
    [{ name: "ok", color: "red" }, "color", "FieldValueNotSupported"],
  ])("rejects %j with a 422 cause on %s", (input, field, reason) => {
    const e = invalid(input);
    expect(e.status.code).toBe(422);
    expect(e.status.reason).toBe("Invalid");
    expect(e.status.details?.causes).toContainEqual(expect.objectContaining({ field, reason }));
  });

  it("reports every problem at once", () => {
    const e = invalid({ name: "X", nodes: -1, cpu: "-1" });
    expect(e.status.details?.causes?.map((c) => c.field).sort()).toEqual(["cpu", "name", "nodes"]);
    expect(e.status.message).toContain('Sandbox "X" is invalid');
  });

  it("answers 400 for a body that is not an object", () => {
    expect(invalid([1]).status.code).toBe(400);
  });
});

describe("versionInfo", () => {
  it("derives the minor kubectl's dispatcher reads", () => {
    expect(versionInfo("v1.31.2")).toEqual({ major: "1", minor: "31", gitVersion: "v1.31.2" });
  });
});
