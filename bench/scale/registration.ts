import { runAsScript } from "./run-as-script";
import { registerHosted } from "./members";
import { backendLabel, backends, memberSpecs, profileArgs, startScaleEnv, type Backend } from "./env";
import { summarize } from "./stats";

export interface ScaleBenchOptions {
  quick?: boolean;
  progress?: (msg: string) => void;
}

export interface RegistrationFigures {
  backend: string;
  registrations: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * Registration to Ready: sandboxes are started first in a host process (not timed, as a real
 * member exists before `karmadactl join`); then, one at a time, the credentials Secret and the
 * Cluster are created through the kube API and the clock runs until the Cluster is Ready with
 * no taints (what the scheduler needs), seen on a watch. Default cluster status interval.
 */
export async function runRegistration(backend: Backend, opts: ScaleBenchOptions): Promise<RegistrationFigures> {
  const count = opts.quick ? 5 : 20;
  const env = await startScaleEnv({ backend, nodeArgs: profileArgs("registration") });
  try {
    const made = await env.host.create(memberSpecs(count, 4));
    const samples: number[] = [];
    for (const s of made) {
      const t0 = performance.now();
      await registerHosted(env.kube, s);
      const ready = await Promise.race([env.clusters.ready(s.name), new Promise<number>((_, rej) => setTimeout(() => rej(new Error(`${s.name} not Ready in 60 s`)), 60_000))]);
      samples.push(ready - t0);
      opts.progress?.(`${backendLabel(backend)}: registered ${samples.length}/${count}`);
    }
    const r = summarize(samples);
    return { backend: backendLabel(backend), registrations: r.n, p50Ms: r.p50, p99Ms: r.p99, maxMs: r.max };
  } finally {
    await env.stop();
  }
}

export async function runRegistrationBench(opts: ScaleBenchOptions = {}): Promise<RegistrationFigures[]> {
  const out: RegistrationFigures[] = [];
  for (const b of backends()) out.push(await runRegistration(b, opts));
  return out;
}

runAsScript(import.meta.url, runRegistrationBench);
