import { describe, expect, it } from "vitest";
import type { CommandArgsOverrider } from "../kube/karmada";
import { commandArgsPatches } from "./command-args-overrider";
import { workload } from "./test-fixtures";

const cmd = ["nginx", "-v", "-t"];
const T = "/spec/template/spec/containers/0";

// Karmada's TestParseJSONPatchesByCommandOverrider / ByArgsOverrider tables.
describe("commandArgsPatches", () => {
  it.each<[string, string, CommandArgsOverrider, string, string[]]>([
    ["Deployment add", "Deployment", { containerName: "nginx", operator: "add", value: ["&& echo 'hello karmada'"] }, `${T}/command`, [...cmd, "&& echo 'hello karmada'"]],
    ["Deployment remove", "Deployment", { containerName: "nginx", operator: "remove", value: ["-t"] }, `${T}/command`, ["nginx", "-v"]],
    ["remove of nothing", "Deployment", { containerName: "nginx", operator: "remove", value: [] }, `${T}/command`, cmd],
    ["Pod add", "Pod", { containerName: "nginx", operator: "add", value: ["echo 'hello karmada'"] }, "/spec/containers/0/command", [...cmd, "echo 'hello karmada'"]],
    ["StatefulSet add", "StatefulSet", { containerName: "nginx", operator: "add", value: ["x"] }, `${T}/command`, [...cmd, "x"]],
    ["ReplicaSet remove", "ReplicaSet", { containerName: "nginx", operator: "remove", value: ["-t"] }, `${T}/command`, ["nginx", "-v"]],
    ["DaemonSet remove", "DaemonSet", { containerName: "nginx", operator: "remove", value: ["-t"] }, `${T}/command`, ["nginx", "-v"]],
  ])("%s", (_n, kind, overrider, path, value) => {
    const obj = workload(kind, [{ name: "nginx", image: "nginx", command: cmd }]);
    expect(commandArgsPatches("command", obj, overrider)).toEqual([{ op: "replace", path, value }]);
  });

  it("adds the field when the container has none", () => {
    const obj = workload("Deployment", [{ name: "nginx", image: "nginx", command: cmd }]);
    expect(commandArgsPatches("args", obj, { containerName: "nginx", operator: "add", value: ["-t"] })).toEqual([{ op: "add", path: `${T}/args`, value: ["-t"] }]);
  });

  it("patches only containers with the given name", () => {
    const obj = workload("Deployment", [
      { name: "sidecar", command: ["a"] },
      { name: "nginx", command: ["b"] },
    ]);
    expect(commandArgsPatches("command", obj, { containerName: "nginx", operator: "add", value: ["c"] })).toEqual([
      { op: "replace", path: "/spec/template/spec/containers/1/command", value: ["b", "c"] },
    ]);
  });

  it("ignores kinds without a pod template", () => {
    expect(commandArgsPatches("command", { apiVersion: "v1", kind: "Service", metadata: {} }, { containerName: "x", operator: "add", value: ["a"] })).toEqual([]);
  });
});
