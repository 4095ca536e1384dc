import { describe, expect, it } from "vitest";
import { dns1123LabelErrors, dns1123SubdomainErrors, pathSegmentErrors, qualifiedNameErrors, labelValueErrors, validateObjectMeta } from "./meta-validation";

describe("name validation", () => {
  it.each([
    ["web", 0],
    ["web.example.com", 0],
    ["Bad_Name", 1],
    ["-x", 1],
    ["a".repeat(254), 1],
  ])("subdomain %s -> %i errors", (v, n) => {
    expect(dns1123SubdomainErrors(v)).toHaveLength(n);
  });

  it.each([
    ["ns-1", 0],
    ["a.b", 1],
    ["a".repeat(64), 1],
  ])("label %s -> %i errors", (v, n) => {
    expect(dns1123LabelErrors(v)).toHaveLength(n);
  });

  it.each([
    ["ok:x", []],
    ["..", ["may not be '..'"]],
    ["a/b%", ["may not contain '/'", "may not contain '%'"]],
  ])("path segment %s", (v, want) => {
    expect(pathSegmentErrors(v)).toEqual(want);
  });

  it("reports Bad_Name with Kubernetes' exact message", () => {
    const causes = validateObjectMeta({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "Bad_Name" } }, "dns1123-subdomain");
    expect(causes).toEqual([
      {
        reason: "FieldValueInvalid",
        field: "metadata.name",
        message:
          "Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      },
    ]);
  });

  it("requires a name", () => {
    const causes = validateObjectMeta({ apiVersion: "v1", kind: "ConfigMap", metadata: {} }, "dns1123-subdomain");
    expect(causes[0]).toMatchObject({ field: "metadata.name", reason: "FieldValueRequired", message: "Required value: name or generateName is required" });
  });
});

describe("label validation", () => {
  it.each([
    ["app", 0],
    ["example.com/app", 0],
    ["bad key", 1],
    ["/x", 1],
    ["a/b/c", 1],
  ])("key %s -> %i errors", (k, n) => {
    expect(qualifiedNameErrors(k)).toHaveLength(n);
  });

  it.each([
    ["", 0],
    ["v1.2_x", 0],
    ["bad value", 1],
    ["x".repeat(64), 1],
  ])("value %s -> %i errors", (v, n) => {
    expect(labelValueErrors(v)).toHaveLength(n);
  });

  it("validates labels inside metadata", () => {
    const causes = validateObjectMeta({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x", labels: { "bad key": "ok", app: "bad value" } } }, "dns1123-subdomain");
    expect(causes.map((c) => c.field)).toEqual(["metadata.labels", "metadata.labels"]);
    expect(causes[1].message).toMatch(/^Invalid value: "bad value": a valid label must be an empty string/);
  });
});
