import https from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEphemeralTls } from "../apiserver/tls";
import { buildKubeconfig } from "../kube/kubeconfig";
import type { Cluster } from "../kube/karmada";
import { eventually, startClusterTestPlane, type ClusterTestPlane } from "./testing/control-plane-env";

/**
 * 100 registered Push members, one of which accepts connections and never answers: the
 * others' probes must keep their rhythm. Members are minimal HTTPS stubs of the endpoints the
 * status controller reads (a full API server each would measure the stubs, not the prober).
 */
const N = 100;
const INTERVAL_MS = 2000;
const HUNG = "m042";
/** Longer than the interval: a prober that waited for the hung member would stretch every cycle by this. */
const PROBE_TIMEOUT_MS = 4000;

const JSON_BODIES: Record<string, unknown> = {
  "/version": { major: "1", minor: "32", gitVersion: "v1.32.4" },
  "/api": { kind: "APIVersions", versions: ["v1"] },
  "/apis": { kind: "APIGroupList", groups: [] },
  "/api/v1": { kind: "APIResourceList", groupVersion: "v1", resources: [{ name: "nodes", kind: "Node" }, { name: "pods", kind: "Pod" }] },
  "/api/v1/nodes": { kind: "NodeList", apiVersion: "v1", metadata: { resourceVersion: "1" }, items: [] },
  "/api/v1/pods": { kind: "PodList", apiVersion: "v1", metadata: { resourceVersion: "1" }, items: [] },
};

let plane: ClusterTestPlane;
const servers: https.Server[] = [];
const readyzHits = new Map<string, number[]>();

beforeAll(async () => {
  const tls = await createEphemeralTls();
  plane = await startClusterTestPlane({ clusterStatusIntervalMs: INTERVAL_MS, clusterGracePeriodMs: 1000, probeTimeoutMs: PROBE_TIMEOUT_MS, probeConcurrency: 20 });
  for (let i = 0; i < N; i++) {
    const name = `m${String(i).padStart(3, "0")}`;
    readyzHits.set(name, []);
    const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
      const path = (req.url ?? "/").split("?")[0];
      if (path === "/readyz") readyzHits.get(name)!.push(Date.now());
      if (name === HUNG) return;
      if (path === "/readyz") return res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      // The status controller watches Nodes and Pods after listing them: an idle watch stays open.
      if (/[?&]watch=(true|1)/.test(req.url ?? "")) return void res.writeHead(200, { "content-type": "application/json" }).flushHeaders();
      const body = JSON_BODIES[path];
      if (!body) return res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ kind: "Status", code: 404, status: "Failure", reason: "NotFound" }));
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    servers.push(server);
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await plane.services.store.put(name, { kind: "kubeconfig", kubeconfig: buildKubeconfig({ name, server: url, caData: tls.caCert, token: "t" }) });
    await plane.api.client.create({ apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name }, spec: { syncMode: "Push", apiEndpoint: url } });
  }
}, 120_000);

afterAll(async () => {
  await plane?.stop();
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
});

describe("probing 100 members", () => {
  it("one hanging member does not slow the others", async () => {
    const started = Date.now();
    const readyCount = async () => {
      const list = await plane.api.client.list<Cluster>("cluster.karmada.io/v1alpha1", "Cluster");
      return list.items.filter((c) => c.status?.conditions?.some((x) => x.type === "Ready" && x.status === "True")).length;
    };
    await eventually(async () => (await readyCount()) === N - 1, 30_000, 50).catch(async (err) => {
      const list = await plane.api.client.list<Cluster>("cluster.karmada.io/v1alpha1", "Cluster");
      const reasons: Record<string, number> = {};
      for (const c of list.items) {
        const r = c.status?.conditions?.find((x) => x.type === "Ready");
        const k = `${r?.status}/${r?.reason}/${r?.message}`;
        reasons[k] = (reasons[k] ?? 0) + 1;
      }
      console.log(JSON.stringify({ reasons, metrics: plane.manager.metrics() }));
      throw err;
    });
    const allReadyMs = Date.now() - started;

    const windowStart = Date.now();
    await new Promise((r) => setTimeout(r, 6000));
    const windowEnd = Date.now();
    const counts = [...readyzHits.entries()].filter(([n]) => n !== HUNG).map(([, hits]) => hits.filter((t) => t >= windowStart && t < windowEnd).length);
    counts.sort((a, b) => a - b);
    const gaps = [...readyzHits.entries()]
      .filter(([n]) => n !== HUNG)
      .flatMap(([, hits]) => hits.filter((t) => t >= windowStart && t < windowEnd).map((t, i, a) => (i ? t - a[i - 1] : 0)).slice(1))
      .sort((a, b) => a - b);
    const p99Gap = gaps[Math.floor(gaps.length * 0.99)];
    console.log(JSON.stringify({ allReadyMs, probesPerMemberIn6s: { min: counts[0], median: counts[counts.length >> 1] }, probeGapMs: { p50: gaps[gaps.length >> 1], p99: p99Gap }, hungProbes: readyzHits.get(HUNG)!.length }));

    // The first sweep is CPU-bound (TLS handshakes, full collections): bounded, but machine-dependent.
    expect(allReadyMs).toBeLessThan(20_000);
    // Healthy members keep their rhythm (interval + their own probe time). A prober that waited
    // on the hung member would stretch gaps by its 4 s timeout.
    expect(counts[0]).toBeGreaterThanOrEqual(2);
    expect(p99Gap).toBeLessThan(INTERVAL_MS + PROBE_TIMEOUT_MS / 2);
    const hung = await plane.api.client.get<Cluster>("cluster.karmada.io/v1alpha1", "Cluster", undefined, HUNG);
    expect(hung?.status?.conditions?.find((c) => c.type === "Ready")).toMatchObject({ status: "False", reason: "ClusterNotReachable" });
  });
});
