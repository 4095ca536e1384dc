import { describe, expect, it } from "vitest";
import { discoverAPIEnablements, toAPIEnablements } from "./discovery";
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
