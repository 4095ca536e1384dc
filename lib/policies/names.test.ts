import { describe, expect, it } from "vitest";
import { bindingName, fnv32a, safeEncodeString, workName } from "./names";

// Karmada's TestGenerateBindingName table.
describe("bindingName", () => {
  it.each([
    ["Pods", "pod", "pod-pods"],
    ["pods", "Pod", "pod-pods"],
    ["Role", "system:controller:tom", "system.controller.tom-role"],
    ["ClusterRole", "system::tom", "system..tom-clusterrole"],
    ["Deployment", "nginx", "nginx-deployment"],
  ])("%s %s", (kind, name, want) => {
    expect(bindingName(kind, name)).toBe(want);
  });
});

describe("workName", () => {
  it("matches the name Karmada gives Deployment default/nginx", () => {
    expect(workName("default", "nginx", "Deployment")).toBe("nginx-687f7fb96f");
  });

  // Karmada's TestGenerateWorkName: name prefix plus the encoded hash of the lower-cased key.
  it.each([
    ["", "pod", "Pod", "pod", "pod-pod"],
    ["default", "Pod", "pods", "pod", "default-pod-pods"],
    ["default", "work:pod", "Pods", "work.pod", "default-work.pod-pods"],
  ])("%j/%j %j", (ns, name, kind, prefix, key) => {
    expect(workName(ns, name, kind)).toBe(`${prefix}-${safeEncodeString(String(fnv32a(key)))}`);
  });

  it("computes FNV-1a 32 and the safe alphabet", () => {
    expect(fnv32a("")).toBe(0x811c9dc5);
    expect(fnv32a("a")).toBe(0xe40c292c);
    expect(safeEncodeString("0123456789")).toBe("456789bcdf");
  });
});
