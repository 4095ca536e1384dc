import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../types";
import { clusterDescriptor, defaultResourceModels, mutateCluster } from "./cluster";

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

describe("Cluster validation", () => {
  it("accepts a Push cluster", () => {
    expect(d.validate!(cluster({ syncMode: "Push", apiEndpoint: "https://10.0.0.1:6443", region: "eu" }))).toEqual([]);
  });

  it.each<[string, KubeObject, string]>([
    ["syncMode required", cluster({}), "spec.syncMode: Required value"],
    ["syncMode enum", cluster({ syncMode: "Poll" }), 'spec.syncMode: Unsupported value: "Poll": supported values: "Push", "Pull"'],
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
