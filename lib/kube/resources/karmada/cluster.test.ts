import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../types";
import { clusterDescriptor, defaultResourceModels, goParseURL, mutateCluster, validateCluster } from "./cluster";
import { validateObjectMeta } from "../../../apiserver/meta-validation";
import { withUpdateBaseline } from "../../validation/update-baseline";

const d = clusterDescriptor();

function cluster(spec: Record<string, unknown>, name = "member1"): KubeObject {
  return { apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name, creationTimestamp: "2024-01-01T00:00:00Z" }, spec };
}

describe("Cluster defaults", () => {
  it("moves zone into zones and stamps NoExecute taints", () => {
    const obj = cluster({ syncMode: "Push", zone: "z1", taints: [{ key: "a", effect: "NoExecute" }, { key: "b", effect: "NoSchedule" }] });
    mutateCluster(obj, () => "2024-05-01T00:00:00Z");
    const spec = obj.spec as Record<string, unknown>;
    expect(spec.zones).toEqual(["z1"]);
    expect(spec.zone).toBeUndefined();
    expect(spec.taints).toEqual([{ key: "a", effect: "NoExecute", timeAdded: "2024-05-01T00:00:00Z" }, { key: "b", effect: "NoSchedule" }]);
  });

  it("defaults 9 resource model grades", () => {
    const models = defaultResourceModels();
    expect(models).toHaveLength(9);
    expect(models[0].ranges).toEqual([{ name: "cpu", min: "0", max: "1" }, { name: "memory", min: "0", max: "4Gi" }]);
    expect(models[8].ranges[1]).toEqual({ name: "memory", min: "1Ti", max: "9223372036854775807" });
    for (let i = 1; i < 9; i++) expect(models[i].ranges[0].min).toBe(models[i - 1].ranges[0].max);
  });

  it("standardises user models: sorted, first min 0, last max infinite", () => {
    const obj = cluster({ syncMode: "Pull", resourceModels: [{ grade: 1, ranges: [{ name: "cpu", min: "2", max: "4" }] }, { grade: 0, ranges: [{ name: "cpu", min: "1", max: "2" }] }] });
    d.applyDefaults!(obj);
    expect((obj.spec as { resourceModels: unknown }).resourceModels).toEqual([
      { grade: 0, ranges: [{ name: "cpu", min: "0", max: "2" }] },
      { grade: 1, ranges: [{ name: "cpu", min: "2", max: "9223372036854775807" }] },
    ]);
  });
});

describe("Cluster strategy: create vs update (pkg/registry/cluster/strategy.go)", () => {
  it("defaults empty resource models on create only; an update that empties them keeps them empty", () => {
    const created = cluster({ syncMode: "Push" });
    d.applyDefaults!(created);
    expect((created.spec as { resourceModels: unknown[] }).resourceModels).toHaveLength(9);
    const updated = structuredClone(created);
    (updated.spec as { resourceModels: unknown[] }).resourceModels = [];
    withUpdateBaseline(created, () => d.applyDefaults!(updated));
    expect((updated.spec as { resourceModels: unknown[] }).resourceModels).toEqual([]);
  });
});

describe("Cluster validation", () => {
  it("accepts a Push cluster", () => {
    expect(d.validate!(cluster({ syncMode: "Push", apiEndpoint: "https://10.0.0.1:6443", region: "eu" }))).toEqual([]);
  });

  it.each<[string, KubeObject, string]>([
    ["syncMode required", cluster({}), "spec.syncMode: Required value"],
    ["syncMode enum", cluster({ syncMode: "Poll" }), 'spec.syncMode: Unsupported value: "Poll": supported values: "Pull", "Push"'],
    ["name length", cluster({ syncMode: "Push" }, "x".repeat(49)), "metadata.name"],
    ["region label value", cluster({ syncMode: "Push", region: "eu west" }), "spec.region"],
    ["proxy scheme", cluster({ syncMode: "Push", proxyURL: "ftp://p" }), 'unsupported scheme "ftp", must be http, https, or socks5'],
    ["endpoint query", cluster({ syncMode: "Push", apiEndpoint: "https://h:6443?x=1" }), "query parameters are not permitted in the URL"],
    ["zone and zones", cluster({ syncMode: "Push", zone: "a", zones: ["b"] }), "Zone and Zones cannot co-exist"],
    ["taint effect", cluster({ syncMode: "Push", taints: [{ key: "k", effect: "Evict" }] }), "spec.taints[0].effect"],
  ])("rejects: %s", (_n, obj, expected) => {
    const all = d.validate!(obj).map((c) => `${c.field}: ${c.message}`);
    expect(all.some((m) => m.includes(expected)), all.join("\n")).toBe(true);
  });
});

describe("Cluster columns", () => {
  it("prints VERSION MODE READY AGE and the wide columns", () => {
    const obj = cluster({ syncMode: "Push", zones: ["z1", "z2"], apiEndpoint: "https://h" });
    obj.status = { kubernetesVersion: "v1.32.0", conditions: [{ type: "Ready", status: "True" }] };
    expect(d.columns!.map((c) => c.cell(obj))).toEqual(["v1.32.0", "Push", "True", "2024-01-01T00:00:00Z", "z1,z2", "<none>", "<none>", "https://h", "<none>"]);
    expect(d.columns!.filter((c) => c.priority).map((c) => c.name)).toEqual(["Zones", "Region", "Provider", "API-Endpoint", "Proxy-URL"]);
    expect(d.columns![2].cell(cluster({ syncMode: "Pull" }))).toBe("Unknown");
  });
});

const MAX = "9223372036854775807";
const cpu = (min: string, max: string) => ({ name: "cpu", min, max });
const model = (grade: number, ...ranges: unknown[]) => ({ grade, ranges });

/** The strategy's Validate as the write pipeline runs it: ObjectMeta (name required) then ValidateCluster. */
function strategyErrors(obj: KubeObject): string[] {
  return [...validateObjectMeta(obj, d.nameValidation), ...validateCluster(obj)].map((c) => `${c.field}: ${c.message}`);
}

// pkg/apis/cluster/validation/validation_test.go TestValidateCluster: every case is rejected.
// Cases without syncMode are rejected for that alone in Karmada's table; the third column is
// the resource-model error each also gets once syncMode is set (none for "invalid resource
// name": ValidateClusterResourceModels does not look at names).
describe("TestValidateCluster", () => {
  it.each<[string, KubeObject, string?]>([
    ["zero-length name", cluster({ syncMode: "Push" }, "")],
    ["invalid name", cluster({ syncMode: "Push" }, "^Invalid")],
    ["invalid name that is too long", cluster({ syncMode: "Push" }, "a".repeat(49))],
    ["no sync mode", cluster({}, "foo")],
    ["unsupported sync mode", cluster({ syncMode: "^Invalid" }, "foo")],
    ["invalid apiEndpoint", cluster({ syncMode: "Push", apiEndpoint: "^Invalid" }, "foo")],
    ["empty secretRef", cluster({ syncMode: "Push", secretRef: {} }, "foo")],
    ["empty impersonatorSecretRef", cluster({ syncMode: "Push", impersonatorSecretRef: {} }, "foo")],
    ["invalid proxyURL", cluster({ syncMode: "Push", proxyURL: "^Invalid" }, "foo")],
    ["invalid provider", cluster({ syncMode: "Push", provider: "Invalid Provider" }, "foo")],
    ["invalid region", cluster({ syncMode: "Push", region: "Invalid Region" }, "foo")],
    ["invalid zone", cluster({ syncMode: "Push", zone: "Invalid Zone" }, "foo")],
    ["invalid zones", cluster({ syncMode: "Push", zones: ["Invalid Zone", "Zone2"] }, "foo")],
    ["co-exist zones and zone", cluster({ syncMode: "Push", zone: "Zone", zones: ["Zones"] }, "foo")],
    ["unsupported taint effect", cluster({ syncMode: "Push", taints: [{ key: "foo", value: "bar", effect: "^Invalid" }] }, "foo")],
    ["invalid cluster resource models with the same grade", cluster({ resourceModels: [model(1, cpu("0", "2")), model(1, cpu("2", MAX))] }, "foo"), "The grade of each models should not be the same"],
    [
      "invalid cluster resource models with different numbers of resource types",
      cluster({ resourceModels: [model(1, cpu("0", "2")), model(2, cpu("2", MAX), { name: "memory", min: "2", max: MAX })] }, "foo"),
      "The number of resource types should be the same",
    ],
    ["invalid cluster resource models with unreasonable ranges", cluster({ resourceModels: [model(1, cpu("2", "0"))] }, "foo"), "The max value of each resource must be greater than the min value"],
    [
      "invalid cluster resource models which the min value of each resource in the first model is not 0",
      cluster({ resourceModels: [model(1, cpu("1", MAX))] }, "foo"),
      "The min value of each resource in the first model should be 0",
    ],
    [
      "invalid cluster resource models which the max value of each resource in the last model is not MaxInt64",
      cluster({ resourceModels: [model(1, cpu("0", "2"))] }, "foo"),
      "The max value of each resource in the last model should be MaxInt64",
    ],
    [
      "invalid cluster resource models which the resource types of each models are different",
      cluster({ resourceModels: [model(1, cpu("0", "2")), model(2, { name: "memory", min: "2", max: MAX })] }, "foo"),
      "The resource types of each models should be the same",
    ],
    [
      "invalid cluster resource models with contiguous and non-overlapping",
      cluster({ resourceModels: [model(1, cpu("0", "2")), model(2, cpu("1", MAX))] }, "foo"),
      "Model intervals for resources must be contiguous and non-overlapping",
    ],
    ["invalid cluster resource models with invalid resource name", cluster({ resourceModels: [model(1, { name: "test", min: "0", max: MAX })] }, "foo"), ""],
  ])("%s", (_n, obj, modelErr) => {
    expect(strategyErrors(obj).length).toBeGreaterThan(0);
    if (modelErr === undefined) return;
    const withMode = structuredClone(obj);
    (withMode.spec as Record<string, unknown>).syncMode = "Push";
    const errs = strategyErrors(withMode);
    if (modelErr) expect(errs).toEqual([expect.stringMatching(new RegExp(`^spec\\.resourceModels: Invalid value: .*: ${modelErr}$`))]);
    else expect(errs).toEqual([]);
  });

  it.each<[string, KubeObject, string[]]>([
    ["zero-length name", cluster({ syncMode: "Push" }, ""), ["metadata.name: Required value: name or generateName is required"]],
    [
      "invalid name",
      cluster({ syncMode: "Push" }, "^Invalid"),
      [`metadata.name: Invalid value: "^Invalid": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`],
    ],
    ["a name with dots", cluster({ syncMode: "Push" }, "a.b"), ['metadata.name: Invalid value: "a.b": must not contain dots']],
    ["invalid name that is too long", cluster({ syncMode: "Push" }, "a".repeat(49)), [`metadata.name: Invalid value: "${"a".repeat(49)}": must be no more than 48 characters`]],
    ["no sync mode", cluster({}, "foo"), ["spec.syncMode: Required value", 'spec.syncMode: Unsupported value: "": supported values: "Pull", "Push"']],
    ["unsupported sync mode", cluster({ syncMode: "^Invalid" }, "foo"), ['spec.syncMode: Unsupported value: "^Invalid": supported values: "Pull", "Push"']],
    ["invalid apiEndpoint", cluster({ syncMode: "Push", apiEndpoint: "^Invalid" }, "foo"), ['spec.apiEndpoint: Invalid value: "": host must be provided; desired format: hostname, hostname:port, IP or IP:port']],
    ["empty secretRef", cluster({ syncMode: "Push", secretRef: {} }, "foo"), ["spec.secretRef.namespace: Required value", "spec.secretRef.name: Required value"]],
    ["empty impersonatorSecretRef", cluster({ syncMode: "Push", impersonatorSecretRef: { namespace: "" } }, "foo"), ["spec.impersonatorSecretRef.namespace: Required value", "spec.impersonatorSecretRef.name: Required value"]],
    ["invalid proxyURL", cluster({ syncMode: "Push", proxyURL: "^Invalid" }, "foo"), ['spec.proxyURL: Invalid value: "^Invalid": unsupported scheme "", must be http, https, or socks5']],
    [
      "invalid zone (checked as sent, before Canonicalize moves it into zones)",
      cluster({ syncMode: "Push", zone: "Invalid Zone" }, "foo"),
      [
        `spec.Zone: Invalid value: "Invalid Zone": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      ],
    ],
    ["unsupported taint effect", cluster({ syncMode: "Push", taints: [{ key: "foo", value: "bar", effect: "^Invalid" }] }, "foo"), ['spec.taints[0].effect: Unsupported value: "^Invalid": supported values: "NoSchedule", "NoExecute"']],
    ["PreferNoSchedule is no cluster taint effect", cluster({ syncMode: "Push", taints: [{ key: "foo", effect: "PreferNoSchedule" }] }, "foo"), ['spec.taints[0].effect: Unsupported value: "PreferNoSchedule": supported values: "NoSchedule", "NoExecute"']],
    [
      "duplicate taint",
      cluster({ syncMode: "Push", taints: [{ key: "foo", effect: "NoSchedule" }, { key: "foo", effect: "NoSchedule" }] }, "foo"),
      ['spec.taints[1]: Duplicate value: {"key":"foo","effect":"NoSchedule"}: taints must be unique by key and effect pair'],
    ],
  ])("messages and field paths: %s", (_n, obj, want) => {
    // Through the descriptor, as the API runs it: schema defaults and mutation first.
    d.applyDefaults!(obj);
    expect(strategyErrors(obj)).toEqual(want);
  });
});

describe("Go net/url Parse as the endpoint checks read it", () => {
  it.each<[string, unknown]>([
    ["https://10.0.0.1:6443", { scheme: "https", host: "10.0.0.1:6443", rawQuery: "", fragment: "" }],
    ["host:6443", { scheme: "host", host: "", rawQuery: "", fragment: "" }],
    ["10.0.0.1:6443", 'parse "10.0.0.1:6443": first path segment in URL cannot contain colon'],
    ["https://u:p@h?x=1#frag", { scheme: "https", host: "h", user: "u:p", rawQuery: "x=1", fragment: "frag" }],
    ["https://h:port", 'parse "https://h:port": invalid port ":port" after host'],
    [":foo", 'parse ":foo": missing protocol scheme'],
  ])("%s", (raw, want) => {
    expect(goParseURL(raw)).toEqual(want);
  });
});
