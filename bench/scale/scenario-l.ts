import { probeApiLatency } from "./api-probe";
import { runAsScript } from "./run-as-script";
import { procCpuSeconds, type ControllerFigures, type PlaneProcess } from "./child-plane";
import { addMembers, backendLabel, backends, heapSnapshot, memberSpecs, profileArgs, startScaleEnv, type Backend } from "./env";
import type { ScaleBenchOptions } from "./registration";
import { pool, waitUntil } from "./stats";
import { trackWorks } from "./work-tracker";
import { censusDiff, takeCensus } from "./write-census";
import { benchDeployment, DEPLOYMENTS, POLICIES, shardPolicy, WORKS } from "./workloads";

export interface LFigures {
  backend: string;
  clusters: number;
  deployments: number;
  works: number;
  /** Creating the Deployments through the API, 16 at a time, while the controllers propagate them. */
  createSeconds: number;
  /** First create → every Work Applied. */
  convergeSeconds: number;
  /** CPU seconds (user + system) the control plane used from the first create until converged. */
  convergeCpuSeconds: number;
  /** Sandbox host processes, and the CPU seconds they used together while converging and catching up. */
  sandboxHosts: number;
  sandboxCpuSeconds: number;
  sandboxCatchUpCpuSeconds: number;
  /** The sandbox hosts' RSS together once converged. */
  sandboxRssMB: number;
  /** Restart after SIGKILL → every binding and Work reconciled again and every queue empty. */
  catchUpSeconds: number;
  /** Restart → the new process serves the API (READY). */
  restartToReadySeconds: number;
  /** Restart → the controllers' caches synced and their workers run (LEADER true). */
  restartToLeadingSeconds: number;
  /** CPU seconds (user + system) the restarted control plane used until it caught up. */
  catchUpCpuSeconds: number;
  /** A GET of one Namespace, one at a time, while converging and while catching up (ms). */
  apiP99ConvergeMs: number;
  apiMaxConvergeMs: number;
  apiP99CatchUpMs: number;
  apiMaxCatchUpMs: number;
  /** Works Applied according to the API after the catch-up. */
  appliedAfterRestart: number;
  /** Peak RSS (VmHWM) of the control plane, first run and after the restart. */
  peakRssMB: number;
  peakRssAfterRestartMB: number;
  /**
   * VmHWM once the first plane settled after converging, and just before its SIGKILL (after the
   * census listed every object through the API). At 30,000 the RSS kept climbing past the
   * converge figure; with FLOTILLA_BENCH_HEAPSNAP the snapshot inflates both.
   */
  peakRssSettledMB: number;
  peakRssBeforeKillMB: number;
  /** JS heap in use (process.memoryUsage().heapUsed, not after a GC) once converged and once caught up. */
  heapUsedMB: number;
  heapUsedAfterCatchUpMB: number;
  /** JS heap still held after a full GC, once converged and once caught up (what objects really cost). */
  liveHeapMB: number;
  liveHeapAfterCatchUpMB: number;
  /** RSS outside the JS heap once converged (wasm store memory, buffers, code). */
  outsideHeapMB: number;
  /** Of that, memory the main thread's JS objects hold outside its heap (Buffers, ArrayBuffers), after a full GC. */
  externalMB: number;
  /** Of that, the embedded store's WASM memory and its thread's JS heap once converged (0 on Postgres). */
  storeWasmMB: number;
  storeHeapMB: number;
  /** Objects the catch-up created or rewrote, per collection (an in-place catch-up writes none). */
  catchUpWrites: Record<string, { created: number; rewritten: number }>;
}

/** Controllers whose queues must have seen every object again for the catch-up to count. */
const CATCH_UP: Record<string, "bindings" | "works" | "deployments"> = { detector: "deployments", binding: "bindings", execution: "works" };

/** True once each listed controller reconciled at least its objects' count and no queue holds work. */
export function caughtUp(figures: ControllerFigures[], counts: { deployments: number; bindings: number; works: number }): boolean {
  if (!figures.length) return false;
  for (const [name, of] of Object.entries(CATCH_UP)) {
    const f = figures.find((x) => x.name === name);
    if (!f || f.reconciles < counts[of]) return false;
  }
  return figures.every((f) => f.depth === 0 && f.processing === 0);
}

/** No controller holds or waits for a key (delayed retries aside). */
export function idle(figures: ControllerFigures[]): boolean {
  return figures.length > 0 && figures.every((f) => f.depth === 0 && f.processing === 0);
}

function sizes(quick: boolean | undefined): { clusters: number; deployments: number } {
  const clusters = Number(process.env.FLOTILLA_BENCH_L_CLUSTERS || (quick ? 10 : 100));
  const deployments = Number(process.env.FLOTILLA_BENCH_L_DEPLOYMENTS || (quick ? 300 : 30_000));
  return { clusters, deployments };
}

/**
 * L: `clusters` members, Deployments sharded one member each (one PropagationPolicy per member,
 * one Work per Deployment, as in Karmada's 30,000-workload catch-up reports). Converge from
 * empty, SIGKILL the control plane, restart it on the same store and time the catch-up.
 * FLOTILLA_BENCH_L_CLUSTERS / FLOTILLA_BENCH_L_DEPLOYMENTS scale it down on a small machine.
 */
export async function runScenarioLOn(backend: Backend, opts: ScaleBenchOptions): Promise<LFigures> {
  const { clusters, deployments } = sizes(opts.quick);
  const progress = (m: string) => opts.progress?.(`${backendLabel(backend)}: ${m}`);
  const env = await startScaleEnv({ backend, nodeArgs: profileArgs("l"), sandboxDefaults: { pods: 1000, nodes: 1 }, members: clusters });
  const sandboxCpu = async () => (await Promise.all(env.host.pids.map(procCpuSeconds))).reduce((a, b) => a + b, 0);
  try {
    progress(`starting ${clusters} members`);
    await addMembers(env, memberSpecs(clusters, 5), 300_000);
    await pool(clusters, 8, (i) => env.kube.create(POLICIES, shardPolicy(i, "l")));
    const works = await trackWorks(env.kube);
    const cpu0 = await env.plane.cpuSeconds();
    const sandboxCpu0 = await sandboxCpu();
    const t0 = performance.now();
    const convergeProbe = probeApiLatency(env.kube);
    await pool(deployments, 16, async (i) => {
      const d = benchDeployment(`l-${i}`, "l", 1) as { metadata: { labels: Record<string, string> } };
      d.metadata.labels.shard = String(i % clusters);
      await env.kube.create(DEPLOYMENTS, d);
      if (i % 1000 === 999) progress(`created ${i + 1}/${deployments}, ${works.tally.total} Works applied`);
    });
    const createSeconds = (performance.now() - t0) / 1000;
    await waitUntil(() => {
      progress(`converging: ${works.tally.total}/${deployments} Works applied`);
      return works.tally.total >= deployments;
    }, 3_600_000, "L converged", 1000);
    const convergeSeconds = (performance.now() - t0) / 1000;
    const convergeCpuSeconds = (await env.plane.cpuSeconds()) - cpu0;
    const sandboxCpuSeconds = (await sandboxCpu()) - sandboxCpu0;
    const sandboxRss = await env.host.rssBytes();
    const convergeApi = await convergeProbe.stop();
    works.close();
    const peak = (await env.plane.memory()).peak;
    const convergedHeap = env.plane.heap();
    const live = await env.plane.liveHeap();
    // In the log too: a run that fails later (restart, catch-up) keeps its converge figures.
    progress(`converged in ${Math.round(convergeSeconds)} s (create ${Math.round(createSeconds)} s); plane ${Math.round(convergeCpuSeconds)} CPU s, peak RSS ${mb(peak)} MB, heap ${mb(convergedHeap?.heapUsed)} MB, live ${mb(live?.heapUsed)} MB; sandboxes ${Math.round(sandboxCpuSeconds)} CPU s, ${mb(sandboxRss)} MB`);
    const snap = await heapSnapshot(env.plane.pid);
    if (snap) progress(`heap snapshot ${snap}`);
    // Settled state: Works Applied is not the end (status aggregation and, on a loaded machine,
    // the detector still trail it); the census compares against what the plane left when idle.
    let idlePolls = 0;
    // Bounded: a plane that never idles is measured anyway (its trailing writes then count).
    await waitUntil(() => {
      idlePolls = idle(env.plane.controllers()) ? idlePolls + 1 : 0;
      return idlePolls >= 5;
    }, 300_000, "L settled", 1000).catch(() => progress("not idle after 300 s; measuring anyway"));
    const peakSettled = (await env.plane.memory()).peak;
    const before = await takeCensus(env.kube);
    const peakBeforeKill = (await env.plane.memory()).peak;
    progress(`peak RSS ${mb(peakSettled)} MB settled, ${mb(peakBeforeKill)} MB after the census`);
    progress("SIGKILL of the control plane");
    await env.plane.kill("SIGKILL");
    const sandboxCpu1 = await sandboxCpu();
    const r0 = performance.now();
    const plane: PlaneProcess = await env.restartPlane();
    const restartToReadySeconds = (performance.now() - r0) / 1000;
    const catchUpProbe = probeApiLatency(env.kube);
    const leading = plane.leading(3_600_000);
    const counts = { deployments, bindings: deployments, works: deployments };
    await waitUntil(() => {
      const f = plane.controllers();
      progress(`catching up: ${f.filter((x) => x.name in CATCH_UP).map((x) => `${x.name} ${x.reconciles} (${x.errors} failed)`).join(", ") || "starting"}`);
      return caughtUp(f, counts);
    }, 3_600_000, "L caught up", 100);
    const catchUpSeconds = (performance.now() - r0) / 1000;
    const catchUpCpuSeconds = await plane.cpuSeconds();
    const sandboxCatchUpCpuSeconds = (await sandboxCpu()) - sandboxCpu1;
    const restartToLeadingSeconds = ((await leading) - r0) / 1000;
    const catchUpApi = await catchUpProbe.stop();
    const caughtUpHeap = plane.heap();
    const liveAfter = await plane.liveHeap();
    const catchUpWrites = censusDiff(before, await takeCensus(env.kube));
    const all = await env.kube.listAll<{ status?: { conditions?: { type: string; status: string }[] } }>(WORKS);
    const applied = all.filter((w) => w.status?.conditions?.some((c) => c.type === "Applied" && c.status === "True")).length;
    const r = (n: number) => Math.round(n * 10) / 10;
    return {
      backend: backendLabel(backend),
      clusters,
      deployments,
      works: all.length,
      createSeconds: r(createSeconds),
      convergeSeconds: r(convergeSeconds),
      convergeCpuSeconds: r(convergeCpuSeconds),
      sandboxHosts: env.host.hosts.length,
      sandboxCpuSeconds: r(sandboxCpuSeconds),
      sandboxCatchUpCpuSeconds: r(sandboxCatchUpCpuSeconds),
      sandboxRssMB: mb(sandboxRss),
      catchUpSeconds: r(catchUpSeconds),
      restartToReadySeconds: r(restartToReadySeconds),
      restartToLeadingSeconds: r(restartToLeadingSeconds),
      catchUpCpuSeconds: r(catchUpCpuSeconds),
      apiP99ConvergeMs: convergeApi.p99,
      apiMaxConvergeMs: convergeApi.max,
      apiP99CatchUpMs: catchUpApi.p99,
      apiMaxCatchUpMs: catchUpApi.max,
      appliedAfterRestart: applied,
      peakRssMB: Math.round(peak / 2 ** 20),
      peakRssAfterRestartMB: Math.round((await plane.memory()).peak / 2 ** 20),
      peakRssSettledMB: mb(peakSettled),
      peakRssBeforeKillMB: mb(peakBeforeKill),
      heapUsedMB: mb(convergedHeap?.heapUsed),
      heapUsedAfterCatchUpMB: mb(caughtUpHeap?.heapUsed),
      liveHeapMB: mb(live?.heapUsed),
      liveHeapAfterCatchUpMB: mb(liveAfter?.heapUsed),
      externalMB: mb(live?.external),
      storeWasmMB: mb(convergedHeap?.store?.wasmBytes),
      storeHeapMB: mb(convergedHeap?.store?.heapTotal),
      outsideHeapMB: mb(convergedHeap ? convergedHeap.rss - convergedHeap.heapUsed : undefined),
      catchUpWrites,
    };
  } finally {
    await env.stop();
  }
}

const mb = (bytes: number | undefined) => Math.round((bytes ?? 0) / 2 ** 20);

export async function runScenarioL(opts: ScaleBenchOptions = {}): Promise<LFigures[]> {
  const out: LFigures[] = [];
  for (const b of backends()) out.push(await runScenarioLOn(b, opts));
  return out;
}

runAsScript(import.meta.url, runScenarioL);
