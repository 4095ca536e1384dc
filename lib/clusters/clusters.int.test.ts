import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as registerRoute } from "../../app/api/v1/clusters/route";
import { DELETE as deleteRoute, PATCH as patchRoute } from "../../app/api/v1/clusters/[name]/route";
import type { Cluster } from "../kube/karmada";
import type { KubeObject } from "../kube/types";
import { setControlPlane, type ControlPlaneHandle } from "../server/handle";
import { eventually, startClusterTestPlane, type ClusterTestPlane } from "./testing/control-plane-env";
import { startTestMember, type TestMember } from "./testing/member-server";

const CLUSTER = "cluster.karmada.io/v1alpha1";
let plane: ClusterTestPlane;
const members: TestMember[] = [];

async function member(name: string): Promise<TestMember> {
  const m = await startTestMember({ name });
  members.push(m);
  const node = await m.api.client.create({ apiVersion: "v1", kind: "Node", metadata: { name: `${name}-node` } });
  await m.api.client.updateStatus({ ...node, status: { allocatable: { cpu: "4", memory: "8Gi", pods: "110" }, capacity: { cpu: "4", memory: "8Gi", pods: "110" }, conditions: [{ type: "Ready", status: "True" }] } });
  await m.api.client.create({ apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "default" }, spec: { nodeName: `${name}-node`, containers: [{ name: "c", image: "nginx", resources: { requests: { cpu: "250m", memory: "256Mi" } } }] } });
  return m;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Route = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;
const call = async (handler: Route, method: string, path: string, body?: unknown, params: Record<string, string> = {}) => {
  const res = await handler(new Request(`http://localhost${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: { "content-type": "application/json" } }), { params: Promise.resolve(params) });
  return { code: res.status, body: (await res.json()) as Record<string, unknown> };
};
const getCluster = (name: string) => plane.api.client.get<Cluster>(CLUSTER, "Cluster", undefined, name);
const ready = async (name: string) => (await getCluster(name))?.status?.conditions?.find((c) => c.type === "Ready");

beforeAll(async () => {
  plane = await startClusterTestPlane({ clusterStatusIntervalMs: 200, clusterGracePeriodMs: 1500, clusterSuccessThresholdMs: 300, probeTimeoutMs: 1000, cleanupCheckIntervalMs: 200 });
  const handle = {
    config: {},
    isReady: () => true,
    kube: { handle: (r: Request) => plane.api.handle(r) },
    auth: { authenticate: async () => ({ username: "admin", kind: "user" }) },
    services: { client: plane.api.client, clusters: plane.services },
    stop: async () => {},
  } as unknown as ControlPlaneHandle;
  setControlPlane(handle);
});

afterAll(async () => {
  setControlPlane(undefined);
  await plane?.stop();
  await Promise.all(members.map((m) => m.close()));
});

describe("registration through REST", () => {
  it("registers with a kubeconfig; the cluster becomes Ready with version, enablements and summaries", async () => {
    const m = await member("rest1");
    const res = await call(registerRoute, "POST", "/api/v1/clusters", { name: "rest1", kubeconfig: m.kubeconfig, region: "eu-west", zones: ["a"], labels: { env: "test" }, sandbox: true });
    expect(res.code).toBe(201);
    expect(JSON.stringify(res.body)).not.toContain(m.token);
    const c = await eventually(async () => {
      const c = await getCluster("rest1");
      return c?.status?.conditions?.find((x) => x.type === "Ready")?.status === "True" && c.status.nodeSummary && !c.spec.taints?.length ? c : undefined;
    });
    expect(c.status?.kubernetesVersion).toBe("v1.32.4");
    expect(c.status?.apiEnablements?.some((e) => e.groupVersion === "apps/v1" && e.resources?.some((r) => r.kind === "Deployment"))).toBe(true);
    expect(c.status?.conditions?.find((x) => x.type === "CompleteAPIEnablements")?.status).toBe("True");
    expect(c.status?.nodeSummary).toEqual({ totalNum: 1, readyNum: 1 });
    expect(c.status?.resourceSummary?.allocatable).toMatchObject({ cpu: "4", memory: "8Gi", pods: "110" });
    expect(c.status?.resourceSummary?.allocated).toMatchObject({ cpu: "250m", memory: "256Mi", pods: "1" });
    expect(c.metadata.labels).toMatchObject({ env: "test", "flotilla.io/sandbox": "true" });
    expect(c.metadata.finalizers).toContain("karmada.io/cluster-controller");
    expect(await plane.api.client.get("v1", "Namespace", undefined, "karmada-es-rest1")).toBeDefined();

    const list = await call(listRoute, "GET", "/api/v1/clusters");
    const row = (list.body.items as { name: string; ready: string; sandbox: boolean }[]).find((i) => i.name === "rest1");
    expect(row).toMatchObject({ ready: "True", sandbox: true });
    expect(JSON.stringify(list.body)).not.toContain(m.token);
  });

  it("an unreachable member answers 503 with the reason and leaves nothing behind", async () => {
    const m = await member("gone");
    await m.setMode("down");
    const res = await call(registerRoute, "POST", "/api/v1/clusters", { name: "gone", kubeconfig: m.kubeconfig });
    expect(res.code).toBe(503);
    expect(res.body.message).toMatch(/cannot reach the member cluster at https:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/);
    expect(await getCluster("gone")).toBeUndefined();
    expect(await plane.services.store.get("gone")).toBeUndefined();
  });

  it("a refused token answers 422 'the member cluster refused the credentials' and leaves nothing behind", async () => {
    const m = await member("badtoken");
    const res = await call(registerRoute, "POST", "/api/v1/clusters", { name: "badtoken", apiEndpoint: m.url, token: "wrong", caData: m.caCert });
    expect(res.code).toBe(422);
    expect(res.body.message).toMatch(/the member cluster refused the credentials \(HTTP 401/);
    expect((res.body.details as { causes: { field: string }[] }).causes[0].field).toBe("token");
    expect(await getCluster("badtoken")).toBeUndefined();
    expect(await plane.services.store.get("badtoken")).toBeUndefined();
  });

  it("invalid bodies answer 422 with field causes", async () => {
    const res = await call(registerRoute, "POST", "/api/v1/clusters", { name: "UPPER", kubeconfig: "nope: [" });
    expect(res.code).toBe(422);
    expect((res.body.details as { causes: { field: string }[] }).causes.map((c) => c.field)).toEqual(["name"]);
  });

  it("PATCH changes labels and taints", async () => {
    const res = await call(patchRoute, "PATCH", "/api/v1/clusters/rest1", { labels: { env: null, tier: "gold" }, taints: [{ key: "dedicated", value: "ml", effect: "NoSchedule" }] }, { name: "rest1" });
    expect(res.code).toBe(200);
    const c = await getCluster("rest1");
    expect(c?.metadata.labels?.tier).toBe("gold");
    expect(c?.metadata.labels?.env).toBeUndefined();
    expect(c?.spec.taints?.map((t) => t.key)).toEqual(["dedicated"]);
  });
});

describe("registration through the kube API (Karmada's secretRef)", () => {
  it("a Cluster with apiEndpoint and a token/caBundle Secret becomes Ready", async () => {
    const m = await member("karmada1");
    await plane.api.client.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "karmada-cluster" } }).catch(() => undefined);
    await plane.api.client.create({ apiVersion: "v1", kind: "Secret", metadata: { name: "karmada1", namespace: "karmada-cluster" }, data: { token: Buffer.from(m.token).toString("base64"), caBundle: Buffer.from(m.caCert).toString("base64") } });
    await plane.api.client.create({ apiVersion: CLUSTER, kind: "Cluster", metadata: { name: "karmada1" }, spec: { syncMode: "Push", apiEndpoint: m.url, secretRef: { namespace: "karmada-cluster", name: "karmada1" } } });
    await eventually(async () => (await ready("karmada1"))?.status === "True");
    expect((await getCluster("karmada1"))?.status?.kubernetesVersion).toBe("v1.32.4");
  });
});

describe("health over time", () => {
  it("a member that goes down gets the not-ready taint after the grace period; recovery removes it", async () => {
    const m = await member("flaky");
    await plane.services.store.put("flaky", { kind: "kubeconfig", kubeconfig: m.kubeconfig });
    await plane.api.client.create({ apiVersion: CLUSTER, kind: "Cluster", metadata: { name: "flaky" }, spec: { syncMode: "Push", apiEndpoint: m.url } });
    await eventually(async () => (await ready("flaky"))?.status === "True" && !(await getCluster("flaky"))?.spec.taints?.length);

    const downAt = Date.now();
    await m.setMode("down");
    const tainted = await eventually(async () => {
      const c = await getCluster("flaky");
      return c?.spec.taints?.some((t) => t.key === "cluster.karmada.io/not-ready") ? c : undefined;
    }, 8000, 25);
    const elapsed = Date.now() - downAt;
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(tainted.status?.conditions?.find((c) => c.type === "Ready")).toMatchObject({ status: "False", reason: "ClusterNotReachable" });

    await m.setMode("ok");
    await eventually(async () => {
      const c = await getCluster("flaky");
      return c?.status?.conditions?.find((x) => x.type === "Ready")?.status === "True" && !c.spec.taints?.length;
    }, 8000);
  });
});

describe("unregister", () => {
  it("DELETE drains the Works and the execution namespace, then removes the cluster and its credentials", async () => {
    await eventually(async () => plane.api.client.get("v1", "Namespace", undefined, "karmada-es-rest1"));
    const work: KubeObject = { apiVersion: "work.karmada.io/v1alpha1", kind: "Work", metadata: { name: "w1", namespace: "karmada-es-rest1" }, spec: { workload: { manifests: [] } } };
    await plane.api.client.create(work);
    const res = await call(deleteRoute, "DELETE", "/api/v1/clusters/rest1", undefined, { name: "rest1" });
    expect(res.code).toBe(200);
    await eventually(async () => !(await getCluster("rest1")), 10_000);
    expect(await plane.api.client.get("work.karmada.io/v1alpha1", "Work", "karmada-es-rest1", "w1")).toBeUndefined();
    expect(await plane.api.client.get("v1", "Namespace", undefined, "karmada-es-rest1")).toBeUndefined();
    expect(await plane.services.store.get("rest1")).toBeUndefined();
    expect(plane.services.members.cached()).not.toContain("rest1");
  });
});
