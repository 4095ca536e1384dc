import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "../api/openapi";
import { restOpenApiFragments } from "../api/openapi-fragments";
import type { Cluster } from "../kube/karmada";
import { summarizeCluster } from "./cluster-summary";
import { clustersOpenApi } from "./openapi";

function refs(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => refs(x, out));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) k === "$ref" && typeof x === "string" ? out.push(x) : refs(x, out);
  return out;
}

describe("clusters OpenAPI fragment", () => {
  it("is part of the REST document and every $ref resolves", () => {
    const doc = buildOpenApiDocument(restOpenApiFragments()) as { paths: Record<string, unknown>; components: Record<string, Record<string, unknown>> };
    for (const p of ["/api/v1/clusters", "/api/v1/clusters/{name}", "/api/v1/clusters/{name}/health"]) expect(doc.paths[p]).toBeDefined();
    for (const r of refs(clustersOpenApi())) {
      const [, , section, name] = r.split("/");
      expect(doc.components[section]?.[name], r).toBeDefined();
    }
  });

  it("the summary schema names every field summarizeCluster produces", () => {
    const c: Cluster = {
      apiVersion: "cluster.karmada.io/v1alpha1",
      kind: "Cluster",
      metadata: { name: "m", uid: "u", creationTimestamp: "t", deletionTimestamp: "t", labels: { "flotilla.io/sandbox": "true" } },
      spec: { syncMode: "Push", apiEndpoint: "https://x", secretRef: { namespace: "karmada-cluster", name: "m" }, provider: "p", region: "r", zones: ["z"], taints: [] },
      status: { kubernetesVersion: "v1", conditions: [{ type: "Ready", status: "False", reason: "ClusterNotReachable", message: "cluster is not reachable", lastTransitionTime: "t" }], nodeSummary: { totalNum: 1, readyNum: 0 }, resourceSummary: { allocatable: { cpu: "1" } } },
    };
    const s = summarizeCluster(c);
    expect(s).toMatchObject({ ready: "False", readyReason: "ClusterNotReachable", sandbox: true, nodes: { total: 1, ready: 0 } });
    const props = Object.keys((clustersOpenApi().schemas!.ClusterSummary as { properties: object }).properties);
    expect(Object.keys(s).filter((k) => !props.includes(k))).toEqual([]);
  });
});
