import { describe, expect, it } from "vitest";
import type { ImageOverrider } from "../kube/karmada";
import { imageOverriderPatches } from "./image-overrider";
import { workload } from "./test-fixtures";

const IMG = "fictional.registry.example/imagename:v1.0.0";
const SHA = "sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c";
const deploy = workload("Deployment", [{ name: "nginx", image: IMG }]);
const two = workload("Deployment", [{ name: "nginx", image: IMG }, { name: "nginx", image: "registry.k8s.io/nginx-slim:0.8" }]);
const job = workload("Job", [{ name: "perl", image: "perl:5.34.0" }]);
const T = "/spec/template/spec/containers/0/image";

// Karmada's TestParseJSONPatchesByImageOverrider table.
const cases: [string, ReturnType<typeof workload>, ImageOverrider, [string, string][]][] = [
  ["Job registry add", job, { component: "Registry", operator: "add", value: "registry.k8s.io" }, [[T, "registry.k8s.io/perl:5.34.0"]]],
  ["Job registry add with predicate", job, { predicate: { path: T }, component: "Registry", operator: "add", value: "registry.k8s.io" }, [[T, "registry.k8s.io/perl:5.34.0"]]],
  ["registry add", deploy, { component: "Registry", operator: "add", value: ".test" }, [[T, "fictional.registry.example.test/imagename:v1.0.0"]]],
  ["registry replace", deploy, { component: "Registry", operator: "replace", value: "fictional.registry.us" }, [[T, "fictional.registry.us/imagename:v1.0.0"]]],
  ["registry remove", deploy, { component: "Registry", operator: "remove", value: "fictional.registry.us" }, [[T, "imagename:v1.0.0"]]],
  ["repository add", deploy, { component: "Repository", operator: "add", value: "/nginx" }, [[T, "fictional.registry.example/imagename/nginx:v1.0.0"]]],
  ["repository replace", deploy, { component: "Repository", operator: "replace", value: "nginx" }, [[T, "fictional.registry.example/nginx:v1.0.0"]]],
  ["repository remove", deploy, { component: "Repository", operator: "remove", value: "nginx" }, [[T, "fictional.registry.example/:v1.0.0"]]],
  ["tag add (invalid result ignored)", deploy, { component: "Tag", operator: "add", value: SHA }, [[T, IMG]]],
  ["tag replace with digest", deploy, { component: "Tag", operator: "replace", value: SHA }, [[T, `fictional.registry.example/imagename@${SHA}`]]],
  ["tag remove", deploy, { component: "Tag", operator: "remove", value: SHA }, [[T, "fictional.registry.example/imagename"]]],
  ["Pod", workload("Pod", [{ name: "nginx", image: IMG }]), { component: "Repository", operator: "replace", value: "nginx" }, [["/spec/containers/0/image", "fictional.registry.example/nginx:v1.0.0"]]],
  ["StatefulSet", workload("StatefulSet", [{ name: "nginx", image: IMG }]), { component: "Repository", operator: "replace", value: "nginx" }, [[T, "fictional.registry.example/nginx:v1.0.0"]]],
  ["ReplicaSet", workload("ReplicaSet", [{ name: "nginx", image: IMG }]), { component: "Repository", operator: "replace", value: "nginx" }, [[T, "fictional.registry.example/nginx:v1.0.0"]]],
  ["DaemonSet", workload("DaemonSet", [{ name: "nginx", image: IMG }]), { component: "Repository", operator: "replace", value: "nginx" }, [[T, "fictional.registry.example/nginx:v1.0.0"]]],
  ["two containers", two, { component: "Repository", operator: "replace", value: "nginx" }, [[T, "fictional.registry.example/nginx:v1.0.0"], ["/spec/template/spec/containers/1/image", "registry.k8s.io/nginx:0.8"]]],
  ["predicate, one container", deploy, { predicate: { path: T }, component: "Repository", operator: "replace", value: "nginx" }, [[T, "fictional.registry.example/nginx:v1.0.0"]]],
  ["predicate, second container", two, { predicate: { path: "/spec/template/spec/containers/1/image" }, component: "Repository", operator: "replace", value: "nginx" }, [["/spec/template/spec/containers/1/image", "registry.k8s.io/nginx:0.8"]]],
];

describe("imageOverriderPatches", () => {
  it.each(cases)("%s", (_name, obj, overrider, want) => {
    expect(imageOverriderPatches(obj, overrider)).toEqual(want.map(([path, value]) => ({ op: "replace", path, value })));
  });

  it("ignores unsupported kinds without a predicate", () => {
    expect(imageOverriderPatches({ apiVersion: "v1", kind: "ConfigMap", metadata: {} }, { component: "Tag", operator: "replace", value: "v2" })).toEqual([]);
  });

  it("fails on a predicate path that is not a string", () => {
    expect(() => imageOverriderPatches(deploy, { predicate: { path: "/spec/template/spec/containers/0/name2" }, component: "Tag", operator: "replace", value: "v2" })).toThrow(
      /failed to obtain imageValue/,
    );
  });

  it("fails on an unparsable image", () => {
    const bad = workload("Deployment", [{ name: "x", image: "UPPER/Case" }]);
    expect(() => imageOverriderPatches(bad, { component: "Tag", operator: "replace", value: "v2" })).toThrow(/failed to parse image value/);
  });
});
