/**
 * Propagation benchmark: the real control plane (startControlPlane) in a child process with
 * sandbox members, driven over its HTTPS kube API.
 * - latency: templates created one at a time on an idle system; time from the create call to
 *   the Work being Applied in every target cluster (3 sandboxes, Duplicated), p50/p99;
 * - throughput: 1,000 Deployments (Duplicated) over 10 sandboxes; Works Applied per second from
 *   the first create to the last Work Applied. The members run in a sandbox host process of their
 *   own, as member clusters do: inside the plane's process they had less than half a core on this
 *   2-core machine and turned a measure of the plane into one of the simulators. The CPU each
 *   side used is reported with the figure.
 * - the control plane process's RSS (idle: with its 3 in-process sandboxes; loaded: peak).
 * Embedded store always; Postgres too when TEST_DATABASE_URL or DATABASE_URL is set.
 * Run alone with `npx tsx bench/propagation.ts [--quick]`.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Agent, fetch as undiciFetch } from "undici";
import { kubeconfigCredentials, freePort } from "../tests/control-plane/harness";
import { jsonClient, startChildPlane, type ChildPlane, type JsonClient } from "../tests/propagation/child-plane";
import { createTestDatabase } from "../lib/store/test-databases";
import { addMembers, memberSpecs, startScaleEnv, type Backend } from "./scale/env";
import { load, type LoadFigures } from "./scale/scenario-m";
import { trackWorks } from "./scale/work-tracker";
import { benchPolicy, duplicatedTo, POLICIES } from "./scale/workloads";

const THROUGHPUT_CLUSTERS = 10;

/**
 * `count` Deployments duplicated to 10 hosted sandboxes (16 creates in flight): Works Applied
 * per second from the first create to the last Work Applied, and the CPU each side used.
 */
async function measureThroughput(backend: Backend, count: number, progress: (m: string) => void): Promise<LoadFigures> {
  // Room for every pod: a member full of Pending pods measures its scheduler's retries instead.
  const env = await startScaleEnv({ backend, members: THROUGHPUT_CLUSTERS, sandboxDefaults: { pods: Math.max(1000, count) } });
  try {
    progress(`starting ${THROUGHPUT_CLUSTERS} hosted sandboxes`);
    const members = await addMembers(env, memberSpecs(THROUGHPUT_CLUSTERS));
    await env.kube.create(POLICIES, benchPolicy("thr", "thr", duplicatedTo(members.map((m) => m.name))));
    const works = await trackWorks(env.kube);
    try {
      return await load(env, works.tally, { phase: "thr", count, clusters: THROUGHPUT_CLUSTERS, replicas: 1, worksPer: () => THROUGHPUT_CLUSTERS, budgetMs: 300_000, progress });
    } finally {
      works.close();
    }
  } finally {
    await env.stop();
  }
}

export interface PropagationBenchOptions {
  quick?: boolean;
  progress?: (msg: string) => void;
}

/** Figures keyed `<backend>.<figure>` (backend pglite | postgres); strings explain a skipped backend. */
export type PropagationFigures = Record<string, number | string>;

interface Run {
  plane: ChildPlane;
  cp: JsonClient;
  dataDir: string;
  watch: WorkWatch;
  stop(): Promise<void>;
}

/** Applied-in-every-cluster tracking over one Works watch stream. */
interface WorkWatch {
  /** Resolves with the time (ms, performance.now) when `template` has `clusters` Applied Works. */
  appliedEverywhere(template: string, clusters: number): Promise<number>;
  appliedCount(): number;
  close(): void;
}

const POLICY = (clusters: string[]) => ({
  apiVersion: "policy.karmada.io/v1alpha1",
  kind: "PropagationPolicy",
  metadata: { name: "bench", namespace: "default" },
  spec: { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment" }], placement: { clusterAffinity: { clusterNames: clusters } } },
});

const DEPLOYMENT = (name: string) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, namespace: "default", labels: { app: name } },
  spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "app", image: "nginx" }] } } },
});

async function startRun(sandboxes: string[], databaseUrl: string | undefined, progress: (m: string) => void): Promise<Run> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "flotilla-bench-prop-"));
  progress(`starting control plane with ${sandboxes.length} sandboxes`);
  const plane = await startChildPlane({
    FLOTILLA_DATA_DIR: dataDir,
    FLOTILLA_KUBE_PORT: String(await freePort()),
    FLOTILLA_SANDBOXES: sandboxes.join(","),
    FLOTILLA_CLUSTER_STATUS_INTERVAL_MS: "1000",
    FLOTILLA_LOG_LEVEL: "error",
    DATABASE_URL: databaseUrl ?? "",
  }, { timeoutMs: 120_000 });
  const kubeconfig = path.join(dataDir, "kubeconfig");
  const cp = await jsonClient(kubeconfig, 32);
  await waitClustersReady(cp, sandboxes.length);
  const res = await cp.request("POST", "/apis/policy.karmada.io/v1alpha1/namespaces/default/propagationpolicies", POLICY(sandboxes));
  if (res.status !== 201) throw new Error(`creating the policy: ${res.status}`);
  const watch = await watchWorks(kubeconfig);
  return {
    plane,
    cp,
    dataDir,
    watch,
    async stop() {
      watch.close();
      await cp.close();
      await plane.kill("SIGTERM");
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitClustersReady(cp: JsonClient, count: number): Promise<void> {
  const end = Date.now() + 60_000;
  for (;;) {
    const r = await cp.request("GET", "/apis/cluster.karmada.io/v1alpha1/clusters");
    const items = (r.json?.items ?? []) as { spec?: { taints?: unknown[] }; status?: { conditions?: { type: string; status: string }[] } }[];
    if (items.length === count && items.every((i) => !i.spec?.taints?.length && i.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True"))) return;
    if (Date.now() > end) throw new Error("member clusters did not become Ready");
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface WorkEvent {
  type: string;
  object: { metadata: { namespace: string; name: string; resourceVersion?: string; annotations?: Record<string, string> }; status?: { conditions?: { type: string; status: string }[] } };
}

/** One watch on every Work; a Work counts once, when it first shows Applied=True. */
async function watchWorks(kubeconfig: string): Promise<WorkWatch> {
  const creds = kubeconfigCredentials(await readFile(kubeconfig, "utf8"));
  const agent = new Agent({ connect: { ca: creds.caPem, timeout: 60_000 } });
  const ac = new AbortController();
  const applied = new Map<string, number>(); // template -> applied Works
  const seen = new Set<string>();
  const waiters = new Map<string, { clusters: number; resolve: (t: number) => void }>();
  let total = 0;
  const base = `${creds.server}/apis/work.karmada.io/v1alpha1/works`;
  const headers = { authorization: `Bearer ${creds.token}` };
  let rv = "";
  // A watch the server ends (timeout, 410 after compaction, a saturated plane) is resumed from
  // the last resourceVersion, or relisted: counting must not silently stop.
  const relist = async () => {
    const r = await undiciFetch(base, { headers, dispatcher: agent, signal: ac.signal });
    const list = (await r.json()) as { metadata: { resourceVersion: string }; items: WorkEvent["object"][] };
    for (const w of list.items) onEvent({ type: "ADDED", object: w });
    rv = list.metadata.resourceVersion;
  };
  const streamOnce = async () => {
    const res = await undiciFetch(`${base}?watch=1&allowWatchBookmarks=true&resourceVersion=${rv}`, { headers, dispatcher: agent, signal: ac.signal });
    const dec = new TextDecoder();
    let buf = "";
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buf += dec.decode(chunk, { stream: true });
      let nl: number;
      while ((nl = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (!line.trim()) continue;
        const ev = JSON.parse(line) as WorkEvent;
        if (ev.type === "ERROR") {
          rv = "";
          return;
        }
        if (ev.object.metadata.resourceVersion) rv = ev.object.metadata.resourceVersion;
        if (ev.type !== "BOOKMARK") onEvent(ev);
      }
    }
  };
  await relist();
  void (async () => {
    while (!ac.signal.aborted) {
      try {
        if (!rv) await relist();
        await streamOnce();
      } catch {
        if (ac.signal.aborted) return;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  })();
  function onEvent(ev: WorkEvent) {
    const w = ev.object;
    const key = `${w.metadata.namespace}/${w.metadata.name}`;
    if (seen.has(key) || !w.status?.conditions?.some((c) => c.type === "Applied" && c.status === "True")) return;
    seen.add(key);
    total++;
    const template = w.metadata.annotations?.["resourcebinding.karmada.io/name"]?.replace(/-deployment$/, "") ?? "";
    const n = (applied.get(template) ?? 0) + 1;
    applied.set(template, n);
    const waiter = waiters.get(template);
    if (waiter && n >= waiter.clusters) {
      waiters.delete(template);
      waiter.resolve(performance.now());
    }
  }
  return {
    appliedEverywhere: (template, clusters) =>
      new Promise<number>((resolve) => {
        if ((applied.get(template) ?? 0) >= clusters) resolve(performance.now());
        else waiters.set(template, { clusters, resolve });
      }),
    appliedCount: () => total,
    close() {
      ac.abort();
      void agent.close();
    },
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

/** Creates templates one at a time, each after the previous one is Applied everywhere. */
async function measureLatency(run: Run, count: number, clusters: number, progress: (m: string) => void): Promise<{ p50: number; p99: number; max: number }> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const name = `lat-${i}`;
    const t0 = performance.now();
    const r = await run.cp.request("POST", "/apis/apps/v1/namespaces/default/deployments", DEPLOYMENT(name));
    if (r.status !== 201) throw new Error(`create ${name}: ${r.status}`);
    const done = await withTimeout(run.watch.appliedEverywhere(name, clusters), 30_000, `${name} applied`);
    samples.push(done - t0);
    if (i % 10 === 9) progress(`latency: ${i + 1}/${count}`);
    // Idle system: let status writes of the previous template settle before the next one.
    await new Promise((res) => setTimeout(res, 100));
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), max: samples[samples.length - 1] };
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms)))]).finally(() => clearTimeout(timer));
}

const names = (n: number) => Array.from({ length: n }, (_, i) => `member${i + 1}`);

async function benchBackend(backend: "pglite" | "postgres", opts: PropagationBenchOptions, out: PropagationFigures): Promise<void> {
  const progress = (m: string) => opts.progress?.(`${backend}: ${m}`);
  const server = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  const db = backend === "postgres" ? await createTestDatabase(server!) : undefined;
  try {
    const small = await startRun(names(3), db?.url, progress);
    try {
      const lat = await measureLatency(small, opts.quick ? 20 : 100, 3, progress);
      out[`${backend}.latencyP50Ms`] = lat.p50;
      out[`${backend}.latencyP99Ms`] = lat.p99;
      out[`${backend}.latencyMaxMs`] = lat.max;
      out[`${backend}.idleRssMB`] = (await small.plane.rssBytes()) / 1e6;
    } finally {
      await small.stop();
      await db?.drop();
    }
    const thr = await measureThroughput(backend === "postgres" ? { kind: "postgres", serverUrl: server! } : { kind: "embedded" }, opts.quick ? 100 : 1000, progress);
    out[`${backend}.worksPerSec`] = thr.worksPerSec;
    out[`${backend}.worksApplied`] = thr.applied;
    out[`${backend}.worksExpected`] = thr.deployments * THROUGHPUT_CLUSTERS;
    out[`${backend}.throughputSeconds`] = thr.seconds;
    out[`${backend}.planeCpuMsPerWork`] = (thr.planeCpuSeconds * 1000) / thr.applied;
    out[`${backend}.membersCpuMsPerWork`] = (thr.hostCpuSeconds * 1000) / thr.applied;
    out[`${backend}.loadedRssMB`] = thr.peakRssMB;
  } catch (err) {
    out[backend] = `failed: ${err instanceof Error ? err.message : String(err)}`;
  }
}

export async function runPropagationBench(opts: PropagationBenchOptions = {}): Promise<PropagationFigures> {
  const out: PropagationFigures = {};
  await benchBackend("pglite", opts, out);
  if (process.env.TEST_DATABASE_URL || process.env.DATABASE_URL) await benchBackend("postgres", opts, out);
  else out.postgres = "skipped: set TEST_DATABASE_URL (or DATABASE_URL) to a Postgres server";
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runPropagationBench({ quick: process.argv.includes("--quick"), progress: (m) => process.stderr.write(`${m}\n`) })
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
