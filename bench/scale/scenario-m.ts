import { runAsScript } from "./run-as-script";
import { procCpuSeconds } from "./child-plane";
import { addMembers, backendLabel, backends, memberSpecs, profileArgs, startScaleEnv, type Backend, type ScaleEnv } from "./env";
import type { ScaleBenchOptions } from "./registration";
import { pool, summarize, waitUntil } from "./stats";
import { trackWorks, type WorkTally } from "./work-tracker";
import { BINDINGS, benchDeployment, benchPolicy, DEPLOYMENTS, dividedByDynamicWeight, duplicatedTo, POLICIES } from "./workloads";

export interface LoadFigures {
  clusters: number;
  deployments: number;
  works: number;
  applied: number;
  seconds: number;
  worksPerSec: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMB: number;
  /** CPU seconds the control plane and the sandbox host used during the load (the machine is shared: wall time alone misleads). */
  planeCpuSeconds: number;
  hostCpuSeconds: number;
}

/** Deployments created one by one at a steady rate on the M-sized system (Karmada's own latency runs pace creation: ClusterLoader2 at 0.1 and 1 QPS). */
export interface PacedFigures {
  ratePerSec: number;
  deployments: number;
  worksPerDeployment: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface MFigures {
  backend: string;
  duplicated: LoadFigures;
  paced?: PacedFigures;
  divided?: LoadFigures;
  error?: string;
}

/**
 * Creates `count` Deployments (`concurrency` in flight) and waits until each one's binding has
 * `worksPer(name)` Applied Works. Latency per Deployment: from its create call to its last Work
 * Applied, as seen on a Works watch in this process. Throughput: Applied Works over the time
 * from the first create to the last Applied.
 */
export async function load(env: ScaleEnv, tally: WorkTally, o: { phase: string; count: number; clusters: number; replicas: number; worksPer: (binding: string) => number | undefined; budgetMs: number; progress: (m: string) => void }): Promise<LoadFigures> {
  const latencies: number[] = [];
  const cpu0 = [await env.plane.cpuSeconds(), await procCpuSeconds(env.host.pid)];
  const start = performance.now();
  const before = tally.total;
  let last = start;
  const done: Promise<void>[] = [];
  await pool(o.count, 16, async (i) => {
    const name = `${o.phase}-${i}`;
    const t0 = performance.now();
    await env.kube.create(DEPLOYMENTS, benchDeployment(name, o.phase, o.replicas));
    const want = o.worksPer(`${name}-deployment`);
    if (want !== undefined)
      done.push(
        tally.whenApplied(`${name}-deployment`, want, () => performance.now()).then((t) => {
          latencies.push(t - t0);
          last = Math.max(last, t);
        }),
      );
    if (i % 500 === 499) o.progress(`${o.phase}: created ${i + 1}/${o.count}, ${tally.total - before} Works applied`);
  });
  o.progress(`${o.phase}: created ${o.count}; waiting for Works`);
  const all = Promise.all(done);
  let finished = false;
  void all.then(() => (finished = true));
  await waitUntil(() => {
    o.progress(`${o.phase}: ${tally.total - before} Works applied after ${((performance.now() - start) / 1000).toFixed(0)} s`);
    return finished || performance.now() - start > o.budgetMs;
  }, o.budgetMs + 5_000, `${o.phase} Works applied`, 1000);
  const applied = tally.total - before;
  const seconds = ((finished ? last : performance.now()) - start) / 1000;
  const s = summarize(latencies);
  const planeCpuSeconds = Math.round(((await env.plane.cpuSeconds()) - cpu0[0]) * 10) / 10;
  const hostCpuSeconds = Math.round(((await procCpuSeconds(env.host.pid)) - cpu0[1]) * 10) / 10;
  return {
    planeCpuSeconds,
    hostCpuSeconds, clusters: o.clusters, deployments: o.count, works: applied, applied, seconds: Math.round(seconds * 10) / 10, worksPerSec: Math.round(applied / seconds), p50Ms: s.p50, p99Ms: s.p99, peakRssMB: Math.round((await env.plane.memory()).peak / 2 ** 20) };
}

/**
 * Creates `count` Deployments one at a time, `ratePerSec` apart (not waiting for each other), and
 * measures each one's create → every Work Applied. Run after the burst, on a system that holds
 * M's Works and watches, this is the latency a user sees on a busy but not saturated plane; the
 * burst's own latency is the time to drain a backlog and only falls as throughput rises.
 */
async function pacedLoad(env: ScaleEnv, tally: WorkTally, o: { phase: string; count: number; ratePerSec: number; worksPer: number; progress: (m: string) => void }): Promise<PacedFigures> {
  const latencies: number[] = [];
  const done: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < o.count; i++) {
    const due = start + (i * 1000) / o.ratePerSec;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const name = `${o.phase}-${i}`;
    const t0 = performance.now();
    done.push(
      env.kube.create(DEPLOYMENTS, benchDeployment(name, o.phase, 1)).then(() =>
        tally.whenApplied(`${name}-deployment`, o.worksPer, () => performance.now()).then((t) => void latencies.push(t - t0)),
      ),
    );
    if (i % 50 === 49) o.progress(`${o.phase}: created ${i + 1}/${o.count} at ${o.ratePerSec}/s`);
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, rej) => (timer = setTimeout(() => rej(new Error(`${o.phase}: not every Work Applied 60 s after the last create`)), 60_000)));
  await Promise.race([Promise.all(done), late]).finally(() => clearTimeout(timer));
  const s = summarize(latencies);
  return { ratePerSec: o.ratePerSec, deployments: o.count, worksPerDeployment: o.worksPer, p50Ms: s.p50, p99Ms: s.p99, maxMs: s.max };
}

/** M, first half: `clusters` members, every Deployment duplicated to all of them; then a paced stream on that system. */
export async function runDuplicated(backend: Backend, opts: ScaleBenchOptions): Promise<{ burst: LoadFigures; paced: PacedFigures }> {
  const clusters = 10;
  const count = opts.quick ? 100 : 1000;
  const progress = (m: string) => opts.progress?.(`${backendLabel(backend)}: ${m}`);
  const env = await startScaleEnv({ backend, nodeArgs: profileArgs("m-duplicated"), sandboxDefaults: { pods: 1000 } });
  try {
    progress(`starting ${clusters} members`);
    const members = await addMembers(env, memberSpecs(clusters, 5));
    await env.kube.create(POLICIES, benchPolicy("dup", "dup", duplicatedTo(members.map((m) => m.name))));
    await env.kube.create(POLICIES, benchPolicy("paced", "paced", duplicatedTo(members.map((m) => m.name))));
    const works = await trackWorks(env.kube);
    try {
      const burst = await load(env, works.tally, { phase: "dup", count, clusters, replicas: 1, worksPer: () => clusters, budgetMs: opts.quick ? 120_000 : 600_000, progress });
      // Let the burst's trailing status writes settle, as a user's next create would find it.
      await new Promise((r) => setTimeout(r, 3000));
      const ratePerSec = Number(process.env.FLOTILLA_BENCH_M_PACED_RATE || 5);
      const paced = await pacedLoad(env, works.tally, { phase: "paced", count: opts.quick ? 100 : 300, ratePerSec, worksPer: clusters, progress });
      return { burst, paced };
    } finally {
      works.close();
    }
  } catch (e) {
    if (process.env.FLOTILLA_BENCH_DEBUG) process.stderr.write(`plane log:\n${env.plane.log().slice(-5000)}\n`);
    throw e;
  } finally {
    await env.stop();
  }
}

/**
 * M, second half: `clusters` members in 5 regions, every Deployment (2 replicas) divided by
 * dynamic weight over 2 regions. The Works per binding come from the scheduler's result, so the
 * bench watches bindings to know how many Works each one should end with.
 */
export async function runDivided(backend: Backend, opts: ScaleBenchOptions): Promise<LoadFigures> {
  const clusters = opts.quick ? 10 : 50;
  const count = opts.quick ? 300 : 10_000;
  const progress = (m: string) => opts.progress?.(`${backendLabel(backend)}: ${m}`);
  const env = await startScaleEnv({ backend, nodeArgs: profileArgs("m-divided"), sandboxDefaults: { pods: 1000, nodes: 2 } });
  try {
    progress(`starting ${clusters} members`);
    await addMembers(env, memberSpecs(clusters, 5));
    await env.kube.create(POLICIES, benchPolicy("div", "div", dividedByDynamicWeight(2)));
    const targets = new Map<string, number>();
    const waiting = new Map<string, () => void>();
    const stopBindings = await env.kube.watch(`${BINDINGS}?allowWatchBookmarks=false`, (ev) => {
      const b = ev.object as { metadata: { name: string }; spec?: { clusters?: { name: string; replicas?: number }[] } };
      const n = (b.spec?.clusters ?? []).filter((c) => (c.replicas ?? 1) > 0).length;
      if (!n) return;
      targets.set(b.metadata.name, n);
      waiting.get(b.metadata.name)?.();
    });
    const works = await trackWorks(env.kube);
    try {
      // Works per binding are known once scheduled: wait for that inside the latency.
      const tally = works.tally;
      const scheduled = (binding: string) => new Promise<number>((resolve) => (targets.has(binding) ? resolve(targets.get(binding)!) : waiting.set(binding, () => resolve(targets.get(binding)!))));
      const wrapped = Object.create(tally) as WorkTally;
      wrapped.whenApplied = (binding, _want, now) => scheduled(binding).then((n) => tally.whenApplied(binding, n, now));
      return await load(env, wrapped, { phase: "div", count, clusters, replicas: 2, worksPer: () => 0, budgetMs: opts.quick ? 180_000 : 1_200_000, progress });
    } finally {
      works.close();
      stopBindings();
    }
  } finally {
    await env.stop();
  }
}

export async function runScenarioM(opts: ScaleBenchOptions = {}): Promise<MFigures[]> {
  const out: MFigures[] = [];
  for (const b of backends()) {
    const dup = await runDuplicated(b, opts);
    const fig: MFigures = { backend: backendLabel(b), duplicated: dup.burst, paced: dup.paced };
    out.push(fig);
    if (process.env.FLOTILLA_BENCH_M_SKIP_DIVIDED) continue;
    try {
      fig.divided = await runDivided(b, opts);
    } catch (e) {
      fig.error = `divided: ${(e as Error).message}`;
    }
  }
  return out;
}

runAsScript(import.meta.url, runScenarioM);
