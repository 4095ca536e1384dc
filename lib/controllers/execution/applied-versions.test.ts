import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../kube/types";
import { AppliedVersions } from "./applied-versions";

const obj = (rv: string, name = "web"): KubeObject => ({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name, namespace: "default", resourceVersion: rv } });

describe("AppliedVersions", () => {
  it("recognises the version our write produced, per cluster and object", () => {
    const v = new AppliedVersions();
    v.record("m1", obj("5"));
    expect(v.isOwnWrite("m1", obj("5"))).toBe(true);
    expect(v.isOwnWrite("m1", obj("6"))).toBe(false);
    expect(v.isOwnWrite("m2", obj("5"))).toBe(false);
    expect(v.isOwnWrite("m1", obj("5", "other"))).toBe(false);
  });
  it("forgets a deleted object", () => {
    const v = new AppliedVersions();
    v.record("m1", obj("5"));
    v.forget("m1", obj("5"));
    expect(v.isOwnWrite("m1", obj("5"))).toBe(false);
  });
});
