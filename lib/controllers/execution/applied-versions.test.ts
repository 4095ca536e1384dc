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
  it("holds events racing our write and drops the one that is its echo", () => {
    const v = new AppliedVersions();
    const ran: string[] = [];
    const end = v.begin("m1", obj(""));
    expect(v.deferIfWriting("m1", obj("7"), () => ran.push("7"))).toBe(true);
    expect(v.deferIfWriting("m1", obj("8"), () => ran.push("8"))).toBe(true);
    expect(v.deferIfWriting("m1", obj("7", "other"), () => ran.push("other"))).toBe(false);
    expect(ran).toEqual([]);
    end(obj("7"));
    expect(ran).toEqual(["8"]);
    expect(v.isOwnWrite("m1", obj("7"))).toBe(true);
    expect(v.deferIfWriting("m1", obj("9"), () => ran.push("9"))).toBe(false);
  });
  it("runs every held event when the write failed", () => {
    const v = new AppliedVersions();
    const ran: string[] = [];
    const end = v.begin("m1", obj(""));
    v.deferIfWriting("m1", obj("7"), () => ran.push("7"));
    end(undefined);
    end(obj("7"));
    expect(ran).toEqual(["7"]);
  });
});
