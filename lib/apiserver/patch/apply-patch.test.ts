import { describe, expect, it } from "vitest";
import { ApiError } from "../../kube/errors";
import type { KubeObject } from "../../kube/types";
import { applyPatchByType } from "./apply-patch";

const cm: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { a: "1" } };
const pp: KubeObject = { apiVersion: "policy.karmada.io/v1alpha1", kind: "PropagationPolicy", metadata: { name: "p" }, spec: { a: 1 } };

describe("applyPatchByType", () => {
  it.each([
    ["application/json-patch+json", [{ op: "replace", path: "/data/a", value: "2" }]],
    ["application/merge-patch+json", { data: { a: "2" } }],
    ["application/strategic-merge-patch+json; charset=utf-8", { data: { a: "2" } }],
  ])("%s", (type, body) => {
    expect(applyPatchByType(type, cm, body).data).toEqual({ a: "2" });
  });

  it("strategic merge patch on a custom resource is a 415 listing the accepted types", () => {
    try {
      applyPatchByType("application/strategic-merge-patch+json", pp, { spec: { a: 2 } });
      expect.unreachable();
    } catch (e) {
      expect(ApiError.is(e, "UnsupportedMediaType")).toBe(true);
      expect((e as ApiError).status.message).toBe(
        "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml",
      );
    }
  });

  it("merge patch works on custom resources", () => {
    expect(applyPatchByType("application/merge-patch+json", pp, { spec: { b: 2 } }).spec).toEqual({ a: 1, b: 2 });
  });
});
