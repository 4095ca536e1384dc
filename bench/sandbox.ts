/**
 * Sandbox benchmark: memory per idle sandbox (N sandboxes started in this process, RSS and
 * heap delta after GC), memory per 100 Deployments in one sandbox (with their ReplicaSets and
 * Pods simulated), and server-side-apply latency p50/p99 over HTTPS with 8 concurrent clients.
 * The apply latency is measured against a sandbox in a separate host process
 * (lib/sandbox/host): clients and server in one process share its event loop, and the clients'
 * own work showed up as server latency (p99 146 ms in one process). The in-process sandboxes
 * are stopped before that phase, so the clients' process does not carry their heap into its own
 * GC pauses. The host's CPU per apply (from /proc) is reported too: unlike latency, it holds
 * up on a machine shared with other work.
 * Targets: < 10 MB per idle sandbox, apply p99 < 20 ms.
 * Run alone with `npx tsx bench/sandbox.ts [--quick]`.
 */
import https from "node:https";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { SandboxManager } from "../lib/sandbox/sandbox-manager";
import type { SandboxCluster } from "../lib/sandbox/sandbox-cluster";
import { startSandboxHost } from "../lib/sandbox/host/sandbox-host";
import type { HostedSandbox } from "../lib/sandbox/host/protocol";

export interface SandboxBenchResult {
  sandboxes: number;
  "rss MB/idle sandbox": number;
  "heap MB/idle sandbox": number;
  "heap MB/100 deployments": number;
  "apply p50 ms": number;
  "apply p99 ms": number;
  "apply host CPU ms/apply": number;
  "CPU ms/100 deployments": number;
  applies: number;
}

const MB = 1024 * 1024;
const WARMUP_APPLIES = 2000;

function gcFunction(): () => void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

async function settle(gc: () => void, ms = 1500): Promise<{ rss: number; heap: number }> {
  await new Promise((r) => setTimeout(r, ms));
  for (let i = 0; i < 3; i++) gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed + m.external };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("bench: workloads did not settle in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Heap and CPU (this process: API, simulation, the creating client) for 100 Deployments until all are ready. */
async function deploymentsCost(sandbox: SandboxCluster, gc: () => void): Promise<{ heapMB: number; cpuMs: number }> {
  const before = await settle(gc, 200);
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < 100; i++) {
    await sandbox.client.create({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: `bench-${i}`, namespace: "default" },
      spec: { replicas: 1, selector: { matchLabels: { app: `bench-${i}` } }, template: { metadata: { labels: { app: `bench-${i}` } }, spec: { containers: [{ name: "app", image: "nginx", resources: { requests: { cpu: "10m" } } }] } } },
    });
  }
  await waitFor(async () => (await sandbox.client.list("apps/v1", "Deployment", { namespace: "default" })).items.every((d) => (d.status as { readyReplicas?: number } | undefined)?.readyReplicas === 1), 60_000);
  const cpu = process.cpuUsage(cpu0);
  const after = await settle(gc, 500);
  return { heapMB: (after.heap - before.heap) / MB, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Server-side applies of ConfigMaps over HTTPS, `clients` loops in parallel. */
async function applyLatency(sandbox: HostedSandbox, clients: number, total: number): Promise<number[]> {
  const agent = new https.Agent({ keepAlive: true, ca: sandbox.caCert, maxSockets: clients });
  const url = new URL(sandbox.server);
  const one = (i: number) =>
    new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: `cm-${i % 200}`, namespace: "default" }, data: { n: String(i) } });
      const t0 = performance.now();
      const req = https.request(
        { agent, hostname: url.hostname, port: url.port, method: "PATCH", path: `/api/v1/namespaces/default/configmaps/cm-${i % 200}?fieldManager=bench&force=true`, headers: { authorization: `Bearer ${sandbox.token}`, "content-type": "application/apply-patch+yaml", "content-length": Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on("end", () => (res.statusCode && res.statusCode < 300 ? resolve(performance.now() - t0) : reject(new Error(`apply answered ${res.statusCode}`))));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) latencies.push(await one(next++));
    }),
  );
  agent.destroy();
  return latencies.sort((a, b) => a - b);
}

/** CPU seconds (user + system) a process has used, from /proc. */
async function processCpuSeconds(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Apply latency against one sandbox in its own host process, 8 clients in this process, and the host's CPU per apply. */
async function hostedApplyLatency(dir: string, applies: number): Promise<{ latencies: number[]; cpuMsPerApply: number }> {
  const host = await startSandboxHost({ dataDir: dir, specDefaults: { startupDelayMs: 50 } });
  try {
    const [sandbox] = await host.create([{ name: "apply-bench", nodes: 3 }]);
    // Warm up the apply path (JIT, TLS sessions) before timing it. V8 keeps optimising it for
    // ~2,000 applies (its compiler threads used ~0.2 ms of CPU per apply until then, against
    // ~0.25 ms for the apply itself once warm), so a shorter warm-up measured the compiler.
    await applyLatency(sandbox, 8, WARMUP_APPLIES);
    const cpu0 = await processCpuSeconds(host.pid);
    const latencies = await applyLatency(sandbox, 8, applies);
    return { latencies, cpuMsPerApply: ((await processCpuSeconds(host.pid)) - cpu0) * 1000 / applies };
  } finally {
    await host.stop();
  }
}

export async function runSandboxBench(opts: { quick?: boolean } = {}): Promise<SandboxBenchResult> {
  const count = opts.quick ? 20 : 100;
  // With 8 clients a host pause delays 8 applies at once: 1,000 samples keep one pause from
  // being the p99 by itself.
  const applies = opts.quick ? 1000 : 4000;
  const gc = gcFunction();
  const dataDir = await mkdtemp(path.join(tmpdir(), "flotilla-bench-sandbox-"));
  const manager = new SandboxManager({ dataDir, specDefaults: { startupDelayMs: 50 } });
  try {
    const base = await settle(gc, 100);
    for (let i = 0; i < count; i++) await manager.create({ name: `bench-${i}`, nodes: 3 });
    const idle = await settle(gc, 2000);
    const deployments = await deploymentsCost(manager.cluster("bench-1")!, gc);
    await manager.stop();
    const { latencies, cpuMsPerApply } = await hostedApplyLatency(path.join(dataDir, "host"), applies);
    return {
      sandboxes: count,
      "rss MB/idle sandbox": round((idle.rss - base.rss) / MB / count),
      "heap MB/idle sandbox": round((idle.heap - base.heap) / MB / count),
      "heap MB/100 deployments": round(deployments.heapMB),
      "apply p50 ms": round(percentile(latencies, 50)),
      "apply p99 ms": round(percentile(latencies, 99)),
      "apply host CPU ms/apply": round(cpuMsPerApply),
      "CPU ms/100 deployments": Math.round(deployments.cpuMs),
      applies,
    };
  } finally {
    await manager.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runSandboxBench({ quick: process.argv.includes("--quick") }).then(
    (r) => {
      console.log(JSON.stringify(r, null, 2));
      process.exit(0);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
