import { describe, expect, it } from "vitest";
import { discoverAPIEnablements, fromAggregatedDiscovery, isAggregatedDiscovery, toAPIEnablements, type APIGroupDiscoveryList } from "./discovery";
import { probeHealth } from "./health";

describe("toAPIEnablements", () => {
  it("drops subresources and sorts by groupVersion then name, byte-wise", () => {
    expect(
      toAPIEnablements([
        { groupVersion: "v1", resources: [{ name: "pods", kind: "Pod" }, { name: "pods/log", kind: "Pod" }, { name: "configmaps", kind: "ConfigMap" }] },
        { groupVersion: "apps/v1", resources: [{ name: "deployments", kind: "Deployment" }] },
        { groupVersion: "Zeta/v1", resources: [{ name: "scale/only", kind: "Scale" }] },
      ]),
    ).toEqual([
      { groupVersion: "Zeta/v1" },
      { groupVersion: "apps/v1", resources: [{ name: "deployments", kind: "Deployment" }] },
      { groupVersion: "v1", resources: [{ name: "configmaps", kind: "ConfigMap" }, { name: "pods", kind: "Pod" }] },
    ]);
  });

  it("reports failing group versions without failing the walk", async () => {
    const answers: Record<string, unknown> = {
      "/api": { versions: ["v1"] },
      "/apis": { groups: [{ name: "a", versions: [{ groupVersion: "a/v1" }, { groupVersion: "a/v2" }] }] },
      "/api/v1": { groupVersion: "v1", resources: [{ name: "nodes", kind: "Node" }] },
      "/apis/a/v1": { groupVersion: "a/v1", resources: [] },
    };
    const r = await discoverAPIEnablements(async (p) => {
      if (!(p in answers)) throw new Error("503");
      return answers[p];
    });
    expect(r).toEqual({ complete: false, failedGroupVersions: ["a/v2"], apiEnablements: [{ groupVersion: "a/v1" }, { groupVersion: "v1", resources: [{ name: "nodes", kind: "Node" }] }] });
  });
});

describe("probeHealth", () => {
  const answer = (codes: Record<string, number | Error>) => async (path: string) => {
    const c = codes[path];
    if (c instanceof Error) throw c;
    return { code: c ?? 404, text: "", headers: {} };
  };
  it.each([
    { name: "readyz 200", codes: { "/readyz": 200 }, online: true, healthy: true },
    { name: "readyz 404, healthz 200", codes: { "/readyz": 404, "/healthz": 200 }, online: true, healthy: true },
    { name: "readyz 404, healthz 404", codes: { "/readyz": 404, "/healthz": 404 }, online: false, healthy: false },
    { name: "readyz 503", codes: { "/readyz": 503 }, online: false, healthy: false },
    { name: "readyz 202", codes: { "/readyz": 202 }, online: true, healthy: false },
    { name: "readyz 302", codes: { "/readyz": 302 }, online: false, healthy: false },
    { name: "request error", codes: { "/readyz": new Error("ECONNREFUSED") }, online: false, healthy: false },
    { name: "readyz 404, healthz request error", codes: { "/readyz": 404, "/healthz": new Error("reset") }, online: false, healthy: false },
  ])("$name → online=$online healthy=$healthy", async ({ codes, online, healthy }) => {
    const p = await probeHealth(answer(codes as Record<string, number | Error>));
    expect({ online: p.online, healthy: p.healthy }).toEqual({ online, healthy });
  });
});

describe("fromAggregatedDiscovery", () => {
  const doc = (items: APIGroupDiscoveryList["items"]): APIGroupDiscoveryList => ({ kind: "APIGroupDiscoveryList", items });
  it("matches the legacy shape: core and groups, subresources dropped, sorted", () => {
    const core = doc([{ metadata: { name: "" }, versions: [{ version: "v1", freshness: "Current", resources: [{ resource: "pods", responseKind: { kind: "Pod" } }, { resource: "configmaps", responseKind: { kind: "ConfigMap" } }] }] }]);
    const groups = doc([
      { metadata: { name: "apps" }, versions: [{ version: "v1", resources: [{ resource: "deployments", responseKind: { kind: "Deployment" } }] }] },
      { metadata: { name: "empty.io" }, versions: [{ version: "v1", resources: [] }] },
    ]);
    const r = fromAggregatedDiscovery([core, groups]);
    expect(r).toEqual({
      apiEnablements: [
        { groupVersion: "apps/v1", resources: [{ name: "deployments", kind: "Deployment" }] },
        { groupVersion: "empty.io/v1" },
        { groupVersion: "v1", resources: [{ name: "configmaps", kind: "ConfigMap" }, { name: "pods", kind: "Pod" }] },
      ],
      complete: true,
      failedGroupVersions: [],
    });
  });

  it("reports Stale versions as failed, as client-go does", () => {
    const r = fromAggregatedDiscovery([doc([{ metadata: { name: "metrics.k8s.io" }, versions: [{ version: "v1beta1", freshness: "Stale" }] }])]);
    expect(r).toEqual({ apiEnablements: [], complete: false, failedGroupVersions: ["metrics.k8s.io/v1beta1"] });
  });

  it("recognises only APIGroupDiscoveryList documents", () => {
    expect(isAggregatedDiscovery({ kind: "APIGroupDiscoveryList" })).toBe(true);
    expect(isAggregatedDiscovery({ kind: "APIVersions", versions: ["v1"] })).toBe(false);
    expect(isAggregatedDiscovery(undefined)).toBe(false);
  });
});
