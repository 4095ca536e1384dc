import { describe, expect, it } from "vitest";
import type { CommandArgsOverrider, ImageOverrider, LabelAnnotationOverrider } from "../kube/karmada";
import type { KubeObject } from "../kube/types";
import { applyOverriders } from "./index";
import { getAtPointer } from "./json-patch";

/**
 * Tables of Karmada's pkg/util/overridemanager/imageoverride_test.go,
 * commandargsoverride_test.go and labelannotationoverrider_test.go, run through
 * applyOverriders (one rule's overriders): the JSON patches Karmada builds (buildPatches,
 * buildCommandArgsPatches) and the manifest after they are applied.
 */

type Json = Record<string, unknown>;

/** Karmada's generate*Yaml fixtures: a workload of `kind` whose pod spec has `containers`. */
function fixture(kind: string, name: string, containers: Json[], opts: { apiVersion?: string; labels?: boolean; replicas?: number; selector?: boolean } = {}): KubeObject {
  const podSpec = { containers };
  const metadata: Json = { name };
  if (opts.labels !== false) metadata.labels = { app: "nginx" };
  if (kind === "Pod") return { apiVersion: "v1", kind, metadata, spec: podSpec } as KubeObject;
  const spec: Json = {};
  if (opts.replicas !== undefined) spec.replicas = opts.replicas;
  if (opts.selector !== false) spec.selector = { matchLabels: { app: "nginx" } };
  spec.template = opts.selector === false ? { spec: podSpec } : { metadata: { labels: { app: "nginx" } }, spec: podSpec };
  return { apiVersion: opts.apiVersion ?? "apps/v1", kind, metadata, spec } as KubeObject;
}

const IMAGE = "fictional.registry.example/imagename:v1.0.0";
const SHA = "sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c";
const one = (image = IMAGE) => [{ image, name: "nginx" }];

// imageoverride_test.go fixtures
const generateDeploymentYaml = () => fixture("Deployment", "nginx", one(), { replicas: 1 });
const generatePodYaml = () => fixture("Pod", "nginx", one());
const generateStatefulSetYaml = () => fixture("StatefulSet", "web", one(), { replicas: 2, labels: false });
const generateReplicaSetYaml = () => fixture("ReplicaSet", "nginx", one(), { replicas: 1 });
const generateDaemonSetYaml = () => fixture("DaemonSet", "nginx", one());
const generateDeploymentYamlWithTwoContainer = () =>
  fixture("Deployment", "nginx", [...one(), { image: "registry.k8s.io/nginx-slim:0.8", name: "nginx" }], { replicas: 1 });
const generateJobYaml = () => fixture("Job", "pi", [{ image: "perl:5.34.0", name: "perl" }], { apiVersion: "batch/v1", labels: false, selector: false });

const T0 = "/spec/template/spec/containers/0/image";
const T1 = "/spec/template/spec/containers/1/image";

describe("TestParseJSONPatchesByImageOverrider", () => {
  const cases: [string, () => KubeObject, ImageOverrider, [string, string][]][] = [
    ["empty predicate, Job, Registry add", generateJobYaml, { component: "Registry", operator: "add", value: "registry.k8s.io" }, [[T0, "registry.k8s.io/perl:5.34.0"]]],
    ["predicate, Job, Registry add", generateJobYaml, { predicate: { path: T0 }, component: "Registry", operator: "add", value: "registry.k8s.io" }, [[T0, "registry.k8s.io/perl:5.34.0"]]],
    ["empty predicate, Deployment, Registry add", generateDeploymentYaml, { component: "Registry", operator: "add", value: ".test" }, [[T0, "fictional.registry.example.test/imagename:v1.0.0"]]],
    ["empty predicate, Deployment, Registry replace", generateDeploymentYaml, { component: "Registry", operator: "replace", value: "fictional.registry.us" }, [[T0, "fictional.registry.us/imagename:v1.0.0"]]],
    ["empty predicate, Deployment, Registry remove", generateDeploymentYaml, { component: "Registry", operator: "remove", value: "fictional.registry.us" }, [[T0, "imagename:v1.0.0"]]],
    ["empty predicate, Deployment, Repository add", generateDeploymentYaml, { component: "Repository", operator: "add", value: "/nginx" }, [[T0, "fictional.registry.example/imagename/nginx:v1.0.0"]]],
    ["empty predicate, Deployment, Repository replace", generateDeploymentYaml, { component: "Repository", operator: "replace", value: "nginx" }, [[T0, "fictional.registry.example/nginx:v1.0.0"]]],
    ["empty predicate, Deployment, Repository remove", generateDeploymentYaml, { component: "Repository", operator: "remove", value: "nginx" }, [[T0, "fictional.registry.example/:v1.0.0"]]],
    // only one of tag and digest is valid: "v1.0.0sha256:..." is neither, so nothing changes
    ["empty predicate, Deployment, Tag add", generateDeploymentYaml, { component: "Tag", operator: "add", value: SHA }, [[T0, IMAGE]]],
    ["empty predicate, Deployment, Tag replace", generateDeploymentYaml, { component: "Tag", operator: "replace", value: SHA }, [[T0, `fictional.registry.example/imagename@${SHA}`]]],
    ["empty predicate, Deployment, Tag remove", generateDeploymentYaml, { component: "Tag", operator: "remove", value: SHA }, [[T0, "fictional.registry.example/imagename"]]],
    ["empty predicate, Pod", generatePodYaml, { component: "Repository", operator: "replace", value: "nginx" }, [["/spec/containers/0/image", "fictional.registry.example/nginx:v1.0.0"]]],
    ["empty predicate, StatefulSet", generateStatefulSetYaml, { component: "Repository", operator: "replace", value: "nginx" }, [[T0, "fictional.registry.example/nginx:v1.0.0"]]],
    ["empty predicate, ReplicaSet", generateReplicaSetYaml, { component: "Repository", operator: "replace", value: "nginx" }, [[T0, "fictional.registry.example/nginx:v1.0.0"]]],
    ["empty predicate, DaemonSet", generateDaemonSetYaml, { component: "Repository", operator: "replace", value: "nginx" }, [[T0, "fictional.registry.example/nginx:v1.0.0"]]],
    [
      "empty predicate, more than one container",
      generateDeploymentYamlWithTwoContainer,
      { component: "Repository", operator: "replace", value: "nginx" },
      [
        [T0, "fictional.registry.example/nginx:v1.0.0"],
        [T1, "registry.k8s.io/nginx:0.8"],
      ],
    ],
    ["predicate, one container", generateDeploymentYaml, { predicate: { path: T0 }, component: "Repository", operator: "replace", value: "nginx" }, [[T0, "fictional.registry.example/nginx:v1.0.0"]]],
    [
      "predicate, more than one container",
      generateDeploymentYamlWithTwoContainer,
      { predicate: { path: T1 }, component: "Repository", operator: "replace", value: "nginx" },
      [[T1, "registry.k8s.io/nginx:0.8"]],
    ],
  ];

  it.each(cases)("imageOverrider with %s", (_n, make, overrider, want) => {
    const r = applyOverriders(make(), { imageOverrider: [overrider] });
    expect(r.patches).toEqual(want.map(([path, value]) => ({ op: "replace", path, value })));
    for (const [path, value] of want) expect(getAtPointer(r.manifest, path)).toBe(value);
  });

  it("kinds without a pod template get no patch without a predicate; with one, any kind", () => {
    const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { image: "nginx:1" } } as KubeObject;
    expect(applyOverriders(cm, { imageOverrider: [{ component: "Tag", operator: "replace", value: "2" }] }).patches).toEqual([]);
    const r = applyOverriders(cm, { imageOverrider: [{ predicate: { path: "/data/image" }, component: "Tag", operator: "replace", value: "2" }] });
    expect(r.manifest.data).toEqual({ image: "nginx:2" });
  });

  it.each([
    ["a predicate path that is not a string", { predicate: { path: "/spec/template/spec/containers/0/name2" } }, "failed to obtain imageValue with predicate path(/spec/template/spec/containers/0/name2), error: failed to convert path(name2) to string"],
    ["a predicate path whose list index is not a number", { predicate: { path: "/spec/template/spec/containers/x/image" } }, "failed to obtain imageValue with predicate path(/spec/template/spec/containers/x/image), error: path(x) of rawObj's is not number"],
    ["a predicate path through a scalar", { predicate: { path: "/metadata/name/x" } }, "failed to obtain imageValue with predicate path(/metadata/name/x), error: path(name) of rawObj's type is not map[string]interface{} and []interface{}"],
  ])("fails on %s", (_n, extra, message) => {
    expect(() => applyOverriders(generateDeploymentYaml(), { imageOverrider: [{ component: "Tag", operator: "replace", value: "v2", ...extra }] })).toThrow(message);
  });

  it("fails on an image that does not parse", () => {
    expect(() => applyOverriders(fixture("Deployment", "x", one("UPPER/Case")), { imageOverrider: [{ component: "Tag", operator: "replace", value: "v2" }] })).toThrow(
      "failed to parse image value(UPPER/Case), error: repository name must be lowercase",
    );
  });
});

// commandargsoverride_test.go fixtures
const CMD = ["nginx", "-v", "-t"];
const generateTestCommandDeploymentYaml = () => fixture("Deployment", "nginx", [{ image: "nginx", name: "nginx", command: [...CMD] }], { replicas: 1 });
const generateTestArgsDeploymentYaml = () => fixture("Deployment", "nginx", [{ image: "nginx", name: "nginx", args: [...CMD] }], { replicas: 1 });
const generateTestCommandPodYaml = () => fixture("Pod", "nginx", [{ image: IMAGE, name: "nginx", command: [...CMD] }]);
const generateTestCommandStatefulSetYaml = () => fixture("StatefulSet", "web", [{ image: IMAGE, name: "nginx", command: [...CMD] }], { replicas: 2, labels: false });
const generateTestCommandReplicaSetYaml = () => fixture("ReplicaSet", "nginx", [{ image: IMAGE, name: "nginx", command: [...CMD] }], { replicas: 1 });
// Karmada's "DaemonSet" fixture is in fact a ReplicaSet; kept as it is.
const generateTestCommandDaemonSetYaml = generateTestCommandReplicaSetYaml;
const generateTestCommandDeploymentYamlWithTwoContainer = () =>
  fixture(
    "Deployment",
    "nginx",
    [
      { name: "nginx", command: [...CMD] },
      { name: "nginx1", command: [...CMD] },
    ],
    { replicas: 1 },
  );

const C0 = "/spec/template/spec/containers/0";

describe("TestParseJSONPatchesByCommandOverrider", () => {
  const cases: [string, () => KubeObject, CommandArgsOverrider, string, string[]][] = [
    ["Deployment, operator: add", generateTestCommandDeploymentYaml, { containerName: "nginx", operator: "add", value: ["&& echo 'hello karmada'"] }, `${C0}/command`, [...CMD, "&& echo 'hello karmada'"]],
    ["Deployment, operator: remove", generateTestCommandDeploymentYaml, { containerName: "nginx", operator: "remove", value: ["-t"] }, `${C0}/command`, ["nginx", "-v"]],
    ["remove value is empty, Deployment, operator: remove", generateTestCommandDeploymentYaml, { containerName: "nginx", operator: "remove", value: [] }, `${C0}/command`, CMD],
    ["more than one container, add", generateTestCommandDeploymentYamlWithTwoContainer, { containerName: "nginx", operator: "add", value: ["echo 'hello karmada'"] }, `${C0}/command`, [...CMD, "echo 'hello karmada'"]],
    ["more than one container, remove", generateTestCommandDeploymentYamlWithTwoContainer, { containerName: "nginx", operator: "remove", value: ["-t"] }, `${C0}/command`, ["nginx", "-v"]],
    ["Pod, operator: add", generateTestCommandPodYaml, { containerName: "nginx", operator: "add", value: ["echo 'hello karmada'"] }, "/spec/containers/0/command", [...CMD, "echo 'hello karmada'"]],
    ["StatefulSet, operator: add", generateTestCommandStatefulSetYaml, { containerName: "nginx", operator: "add", value: ["echo 'hello karmada'"] }, `${C0}/command`, [...CMD, "echo 'hello karmada'"]],
    ["ReplicaSet, operator: remove", generateTestCommandReplicaSetYaml, { containerName: "nginx", operator: "remove", value: ["-t"] }, `${C0}/command`, ["nginx", "-v"]],
    ["DaemonSet, operator: remove", generateTestCommandDaemonSetYaml, { containerName: "nginx", operator: "remove", value: ["-t"] }, `${C0}/command`, ["nginx", "-v"]],
  ];

  it.each(cases)("CommandArgsOverrider, %s", (_n, make, overrider, path, value) => {
    const r = applyOverriders(make(), { commandOverrider: [overrider] });
    expect(r.patches).toEqual([{ op: "replace", path, value }]);
    expect(getAtPointer(r.manifest, path)).toEqual(value);
  });
});

describe("TestParseJSONPatchesByArgsOverrider", () => {
  const cases: [string, () => KubeObject, CommandArgsOverrider, string, string[]][] = [
    ["replace (add to existing args)", generateTestArgsDeploymentYaml, { containerName: "nginx", operator: "add", value: ["&& echo 'hello karmada'"] }, "replace", [...CMD, "&& echo 'hello karmada'"]],
    ["replace (remove from existing args)", generateTestArgsDeploymentYaml, { containerName: "nginx", operator: "remove", value: ["-t"] }, "replace", ["nginx", "-v"]],
    ["add (no args yet)", generateTestCommandDeploymentYaml, { containerName: "nginx", operator: "add", value: ["-t"] }, "add", ["-t"]],
  ];

  it.each(cases)("CommandArgsOverrider, Deployment, %s", (_n, make, overrider, opName, value) => {
    const r = applyOverriders(make(), { argsOverrider: [overrider] });
    expect(r.patches).toEqual([{ op: opName, path: `${C0}/args`, value }]);
    expect(getAtPointer(r.manifest, `${C0}/args`)).toEqual(value);
  });

  it("an absent list gets an empty one for remove and for unknown operators", () => {
    for (const operator of ["remove", "replace"] as const) {
      const r = applyOverriders(generateTestCommandDeploymentYaml(), { argsOverrider: [{ containerName: "nginx", operator: operator as "remove", value: ["x"] }] });
      expect(r.patches).toEqual([{ op: "add", path: `${C0}/args`, value: [] }]);
    }
  });

  it("non-string items come back as Go's fmt %s prints them", () => {
    const obj = fixture("Deployment", "nginx", [{ name: "nginx", args: ["a", 5, 1.5, true, null, 1234567.5] }]);
    const r = applyOverriders(obj, { argsOverrider: [{ containerName: "nginx", operator: "add", value: ["b"] }] });
    expect(r.patches[0].value).toEqual(["a", "%!s(int64=5)", "%!s(float64=1.5)", "%!s(bool=true)", "%!s(<nil>)", "%!s(float64=1.2345675e+06)", "b"]);
  });

  it("containers that are not a list fail as unstructured.NestedSlice does", () => {
    const obj = { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: "nope" } } as KubeObject;
    expect(() => applyOverriders(obj, { commandOverrider: [{ containerName: "nginx", operator: "add", value: ["x"] }] })).toThrow(
      "failed to retrieves path(spec/containers) from rawObj, error: .spec.containers accessor error: nope is of the type string, expected []interface{}",
    );
  });
});

/** helper.NewDeployment("default", "test") with the given labels or annotations. */
function deployment(field: "labels" | "annotations", values: Record<string, string> | undefined): KubeObject {
  const obj = fixture("Deployment", "test", [{ name: "nginx", image: "nginx:1.19.0" }], { replicas: 3, labels: false });
  obj.metadata.namespace = "default";
  if (values) obj.metadata[field] = values;
  return obj;
}

const FOO_BAR = { foo: "foo", bar: "bar" };
const COMPOSED = { "testannotation/projectId": "c-m-lfx9lk92:p-v86cf", foo: "foo" };

describe("Test_applyLabelsOverriders", () => {
  const cases: [string, Record<string, string> | undefined, LabelAnnotationOverrider, Record<string, string>][] = [
    ["test empty labels", undefined, { operator: "add", value: { test2: "test2" } }, { test2: "test2" }],
    ["test labels replace", FOO_BAR, { operator: "replace", value: { foo: "exist", "non-exist": "non-exist" } }, { foo: "exist", bar: "bar" }],
    ["test labels add", FOO_BAR, { operator: "add", value: { test: "test" } }, { test: "test", foo: "foo", bar: "bar" }],
    ["test labels remove", FOO_BAR, { operator: "remove", value: { foo: "foo", "non-exist": "non-exist" } }, { bar: "bar" }],
  ];
  it.each(cases)("%s", (_n, current, overrider, want) => {
    expect(applyOverriders(deployment("labels", current), { labelsOverrider: [overrider] }).manifest.metadata.labels).toEqual(want);
  });
});

describe("Test_applyAnnotationsOverriders", () => {
  const cases: [string, Record<string, string> | undefined, LabelAnnotationOverrider, Record<string, string>][] = [
    ["test empty annotations", undefined, { operator: "add", value: { test2: "test2" } }, { test2: "test2" }],
    ["test annotations replace", FOO_BAR, { operator: "replace", value: { foo: "exist", "non-exist": "non-exist" } }, { foo: "exist", bar: "bar" }],
    ["test annotations add", FOO_BAR, { operator: "add", value: { test: "test" } }, { test: "test", foo: "foo", bar: "bar" }],
    ["test annotations remove", FOO_BAR, { operator: "remove", value: { foo: "foo", "non-exist": "non-exist" } }, { bar: "bar" }],
    ["test annotations remain the same (remove nothing)", FOO_BAR, { operator: "remove", value: {} }, FOO_BAR],
    ["test annotations remain the same (replace a missing key)", FOO_BAR, { operator: "replace", value: { test: "test" } }, FOO_BAR],
    ["test annotations remain the same (remove a missing key)", FOO_BAR, { operator: "remove", value: { test: "test" } }, FOO_BAR],
    ["test add composed annotation", FOO_BAR, { operator: "add", value: { "testannotation/projectId": "c-m-lfx9lk92:p-v86cf" } }, { ...FOO_BAR, "testannotation/projectId": "c-m-lfx9lk92:p-v86cf" }],
    ["test remove composed annotation", COMPOSED, { operator: "remove", value: { "testannotation/projectId": "c-m-lfx9lk92:p-v86cf" } }, { foo: "foo" }],
  ];
  it.each(cases)("%s", (_n, current, overrider, want) => {
    expect(applyOverriders(deployment("annotations", current), { annotationsOverrider: [overrider] }).manifest.metadata.annotations).toEqual(want);
  });

  it("escapes only '/' in keys, as Karmada does", () => {
    const r = applyOverriders(deployment("annotations", { "a~1b": "x" }), { annotationsOverrider: [{ operator: "add", value: { "a~1b": "y", "c/d": "z" } }] });
    expect(r.patches.map((p) => p.path)).toEqual(["/metadata/annotations/a~1b", "/metadata/annotations/c~1d"]);
    // evanphx decodes "~1" in the first path to "/": the patch lands on "a/b".
    expect(r.manifest.metadata.annotations).toEqual({ "a~1b": "x", "a/b": "y", "c/d": "z" });
  });

  it("replaces a map that is not a map of strings on add, and leaves it alone on remove", () => {
    const obj = deployment("labels", undefined);
    (obj.metadata as Json).labels = { n: 1 };
    expect(applyOverriders(obj, { labelsOverrider: [{ operator: "remove", value: { n: "1" } }] }).manifest.metadata.labels).toEqual({ n: 1 });
    expect(applyOverriders(obj, { labelsOverrider: [{ operator: "add", value: { a: "b" } }] }).manifest.metadata.labels).toEqual({ a: "b" });
  });
});
