import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setControlPlane, type ControlPlaneHandle } from "../server/handle";
import { FakeObjectClient } from "../controllers/runtime/fake-client";
import { ExplanationStore } from "../controllers/scheduler/explanation-store";
import { binding, cluster, STATIC_1_2 } from "../controllers/scheduler/test-fixtures";
import type { KubeObject } from "../kube/types";
import { POST as previewRoute } from "../../app/api/v1/placement/preview/route";
import { POST as matchRoute } from "../../app/api/v1/policies/match/route";
import { POST as overridesRoute } from "../../app/api/v1/overrides/preview/route";
import { GET as bindingsRoute } from "../../app/api/v1/bindings/[...path]/route";
import { GET as openapiRoute } from "../../app/api/v1/openapi.json/route";

const TOKEN = "good";
let client: FakeObjectClient;
let services: Record<string, unknown>;

beforeEach(() => {
  client = new FakeObjectClient();
  services = { client };
  const cp = {
    services,
    auth: { authenticate: async (req: Request) => (req.headers.get("authorization") === `Bearer ${TOKEN}` ? { username: "admin", kind: "token" } : null) },
  } as unknown as ControlPlaneHandle;
  setControlPlane(cp);
});
afterEach(() => setControlPlane(undefined));

type Handler = (req: Request, route: { params: Promise<never> }) => Promise<Response>;

async function call(route: Handler, body: unknown, opts: { token?: string | null; raw?: string; params?: unknown; method?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.token !== null) headers.authorization = `Bearer ${opts.token ?? TOKEN}`;
  const method = opts.method ?? "POST";
  const req = new Request("http://x/api", { method, headers, body: method === "GET" ? undefined : (opts.raw ?? JSON.stringify(body)) });
  const res = await route(req, { params: Promise.resolve(opts.params ?? {}) as Promise<never> });
  return { code: res.status, body: (await res.json()) as Record<string, any> };
}

function deployment(replicas: number, uid = "4858ca61-3ff8-4095-8267-f3d059d8074c"): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "nginx", namespace: "default", uid, labels: { app: "nginx" } },
    spec: { replicas, template: { spec: { containers: [{ name: "nginx", image: "nginx" }] } } },
  };
}

function pp(placement: unknown, name = "pp", extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "policy.karmada.io/v1alpha1",
    kind: "PropagationPolicy",
    metadata: { name, namespace: "default" },
    spec: { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment" }], placement, ...extra },
  };
}

describe("POST /api/v1/placement/preview", () => {
  it("static weights 1:2 over two hypothetical clusters give 2 and 4", async () => {
    const r = await call(previewRoute, { resource: deployment(6), policy: pp(STATIC_1_2), clusters: [cluster("member1"), cluster("member2")] });
    expect(r.code).toBe(200);
    expect(r.body.clusters).toEqual([{ name: "member1", replicas: 2 }, { name: "member2", replicas: 4 }]);
    expect(r.body.explanation.strategy).toBe("StaticWeight");
    expect(r.body.error).toBeUndefined();
  });

  it("applies the policy webhook defaults (Divided without preference becomes Weighted, equal weights)", async () => {
    const r = await call(previewRoute, { resource: deployment(6), policy: pp({ replicaScheduling: { replicaSchedulingType: "Divided" } }), clusters: [cluster("member1"), cluster("member2")] });
    expect(r.body.clusters).toEqual([{ name: "member1", replicas: 3 }, { name: "member2", replicas: 3 }]);
  });

  it.each([
    ["4858ca61-3ff8-4095-8267-f3d059d8074c", [3, 2]],
    ["d43fdeeb-d750-4e2b-bee3-64eb94534f4c", [2, 3]],
  ])("the resource uid %s decides the Webster tie-break", async (uid, [a, b]) => {
    const placement = { replicaScheduling: { replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted" } };
    const r = await call(previewRoute, { resource: deployment(5, uid), policy: pp(placement), clusters: [cluster("member1"), cluster("member2")] });
    expect(r.body.clusters).toEqual([{ name: "member1", replicas: a }, { name: "member2", replicas: b }]);
  });

  it("defaults to the registered clusters and honours zone/region fields of hypothetical ones", async () => {
    client.seed(cluster("stored1"), cluster("stored2"));
    const stored = await call(previewRoute, { resource: deployment(2), policy: pp({}) });
    expect(stored.body.clusters.map((c: { name: string }) => c.name)).toEqual(["stored1", "stored2"]);
    const zoned = { ...cluster("z1"), spec: { syncMode: "Push", zone: "zone-a" } };
    const placement = { clusterAffinity: { fieldSelector: { matchExpressions: [{ key: "zone", operator: "In", values: ["zone-a"] }] } } };
    const r = await call(previewRoute, { resource: deployment(2), policy: pp(placement), clusters: [zoned, cluster("z2")] });
    expect(r.body.clusters).toEqual([{ name: "z1", replicas: 2 }]);
  });

  it("reports NoClusterFit with Karmada's message and an empty result", async () => {
    const r = await call(previewRoute, { resource: deployment(2), policy: pp({ clusterAffinity: { clusterNames: ["none"] } }), clusters: [cluster("member1")], previous: [{ name: "member1", replicas: 2 }] });
    expect(r.code).toBe(200);
    expect(r.body.clusters).toEqual([]);
    expect(r.body.error).toEqual({ reason: "NoClusterFit", message: "0/1 clusters are available: 1 cluster(s) did not match the placement cluster affinity constraint." });
  });

  it("keeps previous replicas on a dynamic scale-up (only the delta is divided)", async () => {
    const placement = { replicaScheduling: { replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted", weightPreference: { dynamicWeight: "AvailableReplicas" } } };
    const r = await call(previewRoute, { resource: deployment(4), policy: pp(placement), clusters: [cluster("member1"), cluster("member2")], previous: [{ name: "member1", replicas: 3 }] });
    expect(r.body.clusters.find((c: { name: string }) => c.name === "member1").replicas).toBeGreaterThanOrEqual(3);
    expect(r.body.clusters.reduce((s: number, c: { replicas: number }) => s + c.replicas, 0)).toBe(4);
  });

  it.each([
    ["missing resource", { policy: pp({}) }, "resource"],
    ["policy of the wrong kind", { resource: deployment(1), policy: { ...pp({}), kind: "Deployment" } }, "policy.kind"],
    ["clusters not an array", { resource: deployment(1), policy: pp({}), clusters: {} }, "clusters"],
    ["negative previous replicas", { resource: deployment(1), policy: pp({}), previous: [{ name: "a", replicas: -1 }] }, "previous[0].replicas"],
  ])("422 for %s", async (_, body, field) => {
    const r = await call(previewRoute, body);
    expect(r.code).toBe(422);
    expect(r.body).toMatchObject({ kind: "Status", reason: "Invalid", code: 422 });
    expect(r.body.details.causes.map((c: { field: string }) => c.field)).toContain(field);
  });

  it("400 for a body that is not JSON, 401 without credentials", async () => {
    expect((await call(previewRoute, undefined, { raw: "{nope" })).code).toBe(400);
    expect((await call(previewRoute, [], {})).code).toBe(400);
    expect((await call(previewRoute, { resource: deployment(1), policy: pp({}) }, { token: null })).code).toBe(401);
  });
});

describe("POST /api/v1/policies/match", () => {
  const cpp = (name: string): KubeObject => ({ ...pp({}, name), kind: "ClusterPropagationPolicy", metadata: { name } });

  it("a PropagationPolicy of the namespace beats a ClusterPropagationPolicy", async () => {
    const r = await call(matchRoute, { resource: deployment(1), policies: [cpp("cluster-wide"), pp({}, "local")] });
    expect(r.code).toBe(200);
    expect(r.body.winner).toEqual({ kind: "PropagationPolicy", namespace: "default", name: "local" });
    const loser = r.body.candidates.find((c: { name: string }) => c.name === "cluster-wide");
    expect(loser).toMatchObject({ kind: "ClusterPropagationPolicy", matched: true });
    expect(loser.reason).toContain("takes precedence");
  });

  it("defaults to the stored policies and explains a non-matching one", async () => {
    client.seed({ ...pp({}, "other"), spec: { resourceSelectors: [{ apiVersion: "v1", kind: "ConfigMap", namespace: "default" }] } });
    const r = await call(matchRoute, { resource: deployment(1) });
    expect(r.body.winner).toBeNull();
    expect(r.body.candidates).toEqual([{ kind: "PropagationPolicy", namespace: "default", name: "other", matched: false, reason: "no resourceSelector selects the object" }]);
  });

  it("422 without a resource", async () => {
    expect((await call(matchRoute, { policies: [] })).code).toBe(422);
  });
});

describe("POST /api/v1/overrides/preview", () => {
  const op: KubeObject = {
    apiVersion: "policy.karmada.io/v1alpha1",
    kind: "OverridePolicy",
    metadata: { name: "add-label", namespace: "default" },
    spec: {
      resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment" }],
      overrideRules: [{ targetCluster: { clusterNames: ["member1"] }, overriders: { labelsOverrider: [{ operator: "add", value: { tier: "edge" } }] } }],
    },
  };

  it("renders for a registered cluster by name", async () => {
    client.seed(cluster("member1"));
    const r = await call(overridesRoute, { resource: deployment(1), overridePolicies: [op], cluster: "member1" });
    expect(r.code).toBe(200);
    expect(r.body.manifest.metadata.labels).toEqual({ app: "nginx", tier: "edge" });
    expect(r.body.patches).toEqual([{ policy: "OverridePolicy/default/add-label", op: "add", path: "/metadata/labels/tier", value: "edge" }]);
  });

  it("renders for a hypothetical cluster, and leaves other clusters untouched", async () => {
    const r = await call(overridesRoute, { resource: deployment(1), overridePolicies: [op], cluster: cluster("member2") });
    expect(r.body.patches).toEqual([]);
    expect(r.body.manifest.metadata.labels).toEqual({ app: "nginx" });
  });

  it("422 for an unknown cluster name or a missing cluster", async () => {
    const unknown = await call(overridesRoute, { resource: deployment(1), cluster: "ghost" });
    expect(unknown.code).toBe(422);
    expect(unknown.body.details.causes[0].field).toBe("cluster");
    expect((await call(overridesRoute, { resource: deployment(1) })).code).toBe(422);
  });
});

describe("GET /api/v1/bindings/.../explanation", () => {
  it("serves the recorded explanation, or recomputes one, and 404s for unknown bindings", async () => {
    client.seed(cluster("member1"), cluster("member2"), binding("web", STATIC_1_2));
    const params = { path: ["default", "web", "explanation"] };
    const live = await call(bindingsRoute, undefined, { method: "GET", params });
    expect(live.code).toBe(200);
    expect(live.body).toMatchObject({ source: "recomputed", clusters: [{ name: "member1", replicas: 2 }, { name: "member2", replicas: 4 }] });
    const store = new ExplanationStore();
    store.put({ ...live.body, trigger: "placement changed" } as never);
    services.schedulingExplanations = store;
    expect((await call(bindingsRoute, undefined, { method: "GET", params })).body).toMatchObject({ source: "recorded", trigger: "placement changed" });
    expect((await call(bindingsRoute, undefined, { method: "GET", params: { path: ["default", "nope", "explanation"] } })).code).toBe(404);
    expect((await call(bindingsRoute, undefined, { method: "GET", params: { path: ["default", "web", "other"] } })).code).toBe(404);
  });
});

describe("OpenAPI", () => {
  it("documents the dry-run endpoints", async () => {
    const r = await call(openapiRoute, undefined, { method: "GET" });
    expect(Object.keys(r.body.paths)).toEqual(expect.arrayContaining(["/api/v1/placement/preview", "/api/v1/policies/match", "/api/v1/overrides/preview", "/api/v1/bindings/{namespace}/{name}/explanation"]));
  });
});
