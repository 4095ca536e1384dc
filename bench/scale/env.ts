import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase } from "../../lib/store/test-databases";
import { startSandboxHosts, type SandboxHostGroup } from "../../lib/sandbox/host/host-group";
import type { HostedSandbox } from "../../lib/sandbox/host/protocol";
import { startPlaneProcess, type PlaneProcess } from "./child-plane";
import { kubeHttp, type KubeHttp } from "./kube-http";
import { registerHosted, trackClusters, type ReadyTracker } from "./members";
import { pool } from "./stats";

/** Which store a scenario runs on: the embedded one, or a fresh database on a Postgres server. */
export type Backend = { kind: "embedded" } | { kind: "postgres"; serverUrl: string };

/** The backends to run: embedded always; Postgres too when DATABASE_URL or TEST_DATABASE_URL is set. */
export function backends(): Backend[] {
  const server = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  return server ? [{ kind: "embedded" }, { kind: "postgres", serverUrl: server }] : [{ kind: "embedded" }];
}

export const backendLabel = (b: Backend) => (b.kind === "embedded" ? "embedded" : "Postgres");

/** A control plane process, sandbox host processes and a client, all in temp dirs. */
export interface ScaleEnv {
  plane: PlaneProcess;
  host: SandboxHostGroup;
  kube: KubeHttp;
  clusters: ReadyTracker;
  dataDir: string;
  /** Environment the plane was started with (to restart it on the same data). */
  planeEnv: Record<string, string>;
  /** Restarts the control plane on the same data dir and database (after a kill). */
  restartPlane(): Promise<PlaneProcess>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

export interface ScaleEnvOptions {
  backend: Backend;
  /** Extra control plane environment. */
  env?: Record<string, string>;
  /** e.g. ["--cpu-prof", "--cpu-prof-dir=..."] when FLOTILLA_BENCH_PROFILE is set. */
  nodeArgs?: string[];
  sandboxDefaults?: Record<string, unknown>;
  /** How many sandboxes the scenario will start: one host process per 25 (see sandboxHostCount). */
  members?: number;
}

/** Sandbox host processes for `members` sandboxes: FLOTILLA_BENCH_SANDBOX_HOSTS, else one per 25. */
export function sandboxHostCount(members = 0): number {
  const set = Number(process.env.FLOTILLA_BENCH_SANDBOX_HOSTS);
  return set >= 1 ? Math.floor(set) : Math.max(1, Math.ceil(members / 25));
}

/**
 * The benchmarks never restart their sandboxes, so a snapshot of each only has to land before
 * the host stops (which always writes one). Each stringifies the sandbox's whole store: every
 * 2 s that was most of the host's CPU, and at 60 s still grew with the objects held (L full).
 */
const BENCH_SNAPSHOT_MS = 600_000;

/** Node flags for the control plane: a CPU profile in FLOTILLA_BENCH_PROFILE's dir when set. */
export function profileArgs(tag: string): string[] {
  const dir = process.env.FLOTILLA_BENCH_PROFILE;
  // One directory per run: Node names each thread's profile itself (the tsx loader thread has one
  // too, and a fixed --cpu-prof-name made it overwrite the main thread's).
  // --expose-gc: the scenario asks for the live heap after a full GC (PlaneProcess.liveHeap).
  const cpu = ["--expose-gc", ...(dir ? ["--cpu-prof", `--cpu-prof-dir=${path.join(dir, `${tag}-${Date.now()}`)}`] : [])];
  // FLOTILLA_BENCH_HEAPSNAP=<dir>: SIGUSR2 makes the plane write a heap snapshot there (see heapSnapshot).
  const heap = process.env.FLOTILLA_BENCH_HEAPSNAP;
  return heap ? [...cpu, "--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${heap}`] : cpu;
}

/** When FLOTILLA_BENCH_HEAPSNAP is set: a heap snapshot of the plane, resolved once its file stops growing. */
export async function heapSnapshot(pid: number): Promise<string | undefined> {
  const dir = process.env.FLOTILLA_BENCH_HEAPSNAP;
  if (!dir) return undefined;
  const { readdir, stat } = await import("node:fs/promises");
  const known = new Set(await readdir(dir).catch(() => []));
  process.kill(pid, "SIGUSR2");
  let last = -1;
  for (;;) {
    await new Promise((r) => setTimeout(r, 2000));
    const file = (await readdir(dir)).find((f) => f.endsWith(".heapsnapshot") && !known.has(f) && f.includes(`.${pid}.`));
    if (!file) continue;
    const size = (await stat(path.join(dir, file))).size;
    if (size > 0 && size === last) return path.join(dir, file);
    last = size;
  }
}

export async function startScaleEnv(opts: ScaleEnvOptions): Promise<ScaleEnv> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "flotilla-scale-"));
  const db = opts.backend.kind === "postgres" ? await createTestDatabase(opts.backend.serverUrl) : undefined;
  const planeEnv: Record<string, string> = {
    FLOTILLA_DATA_DIR: path.join(dataDir, "plane"),
    FLOTILLA_KUBE_PORT: String(await freePort()),
    PORT: String(await freePort()),
    DATABASE_URL: db?.url ?? "",
    ...opts.env,
  };
  // FLOTILLA_BENCH_SANDBOX_PROFILE=<dir>: a CPU profile of the sandbox host, written when it stops.
  const hostProf = process.env.FLOTILLA_BENCH_SANDBOX_PROFILE;
  const hostArgs = hostProf ? ["--cpu-prof", `--cpu-prof-dir=${path.join(hostProf, `host-${Date.now()}`)}`] : [];
  const host = await startSandboxHosts(sandboxHostCount(opts.members), {
    dataDir: path.join(dataDir, "sandboxes"),
    nodeArgs: hostArgs,
    snapshotDelayMs: BENCH_SNAPSHOT_MS,
    specDefaults: { startupDelayMs: 200, ...opts.sandboxDefaults },
  });
  let plane: PlaneProcess;
  try {
    plane = await startPlaneProcess(planeEnv, { nodeArgs: opts.nodeArgs });
  } catch (e) {
    await host.stop();
    throw e;
  }
  let kube = await kubeHttp(path.join(planeEnv.FLOTILLA_DATA_DIR, "kubeconfig"), 32);
  let clusters = await trackClusters(kube);
  const env: ScaleEnv = {
    plane,
    host,
    kube,
    clusters,
    dataDir,
    planeEnv,
    async restartPlane() {
      clusters.close();
      await kube.close();
      // Restart-to-READY is a measured figure: at L's full size on a loaded machine it passed
      // the 120-s start limit, and the whole run was lost rather than measured.
      env.plane = await startPlaneProcess(planeEnv, { nodeArgs: opts.nodeArgs, timeoutMs: 1_800_000 });
      env.kube = kube = await kubeHttp(path.join(planeEnv.FLOTILLA_DATA_DIR, "kubeconfig"), 32);
      env.clusters = clusters = await trackClusters(kube);
      return env.plane;
    },
    async stop() {
      clusters.close();
      await kube.close().catch(() => undefined);
      await env.plane.kill("SIGTERM");
      await host.stop();
      await db?.drop().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return env;
}

/** Spec requests for `count` sandboxes named member-<i>, spread over `regions` regions. */
export function memberSpecs(count: number, regions = 1, extra: Record<string, unknown> = {}): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => {
    const region = `region-${i % regions}`;
    return { name: `member-${i + 1}`, region, zone: `${region}a`, ...extra };
  });
}

/** Starts the sandboxes in the host, registers them all (8 at a time) and waits until usable. */
export async function addMembers(env: ScaleEnv, specs: Record<string, unknown>[], timeoutMs = 120_000): Promise<HostedSandbox[]> {
  const made: HostedSandbox[] = [];
  // 10 per host at a time: each host starts its own share one after the other.
  const batch = 10 * env.host.hosts.length;
  for (let i = 0; i < specs.length; i += batch) made.push(...(await env.host.create(specs.slice(i, i + batch))));
  await pool(made.length, 8, (i) => registerHosted(env.kube, made[i]));
  const all = Promise.all(made.map((s) => env.clusters.ready(s.name)));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([all, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`members not Ready in ${timeoutMs} ms (${env.clusters.readyCount()}/${made.length})`)), timeoutMs)))]).finally(() => clearTimeout(timer));
  return made;
}
