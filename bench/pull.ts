/**
 * Pull vs Push propagation latency: time from creating a Deployment (already selected by a
 * PropagationPolicy) on the control plane to the object existing in the member, for a Push
 * sandbox (member1) and a Pull sandbox served by a `flotilla agent` child process (member4)
 * reaching the control plane over HTTP. Each run is also cut into phases from watch events
 * (binding created, scheduled, Work created, member object, Work Applied) to show where the
 * time goes. Karmada's published Pull P99 is 989 ms; Flotilla's target is under 300 ms.
 * Run alone: npx tsx bench/pull.ts [iterations]; in the suite: npm run bench -- --scenario pull
 */
import { startPlane } from "../tests/control-plane/harness";
import { startMiniConsole } from "../tests/agent/harness";
import type { ObjectClient } from "../lib/kube/client";
import type { KubeObject, WatchEvent } from "../lib/kube/types";
import type { SandboxManager } from "../lib/sandbox/sandbox-manager";

/** One run's milestones, in ms after the template's create call started. */
type Marks = Partial<Record<"created" | "binding" | "scheduled" | "work" | "member" | "applied", number>>;
export const PHASES = ["created", "binding", "scheduled", "work", "member", "applied"] as const;

export interface PullBenchResult {
  /** "<mode>.<milestone>.p50|p99" in ms (mode Push or Pull), plus "<mode>.n". */
  [key: string]: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function waitFor(fn: () => boolean | Promise<unknown>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Watches `kind` from now and calls `on` with each event's arrival time. */
function follow(client: ObjectClient, apiVersion: string, kind: string, signal: AbortSignal, on: (e: WatchEvent, at: number) => void): void {
  const run = async () => {
    const rv = (await client.list(apiVersion, kind, { limit: 1 })).metadata.resourceVersion;
    await client.watch(apiVersion, kind, { resourceVersion: rv, signal }, (e) => on(e, performance.now()));
  };
  void run().catch(() => undefined);
}

const conditionTrue = (o: KubeObject, type: string) => ((o as { status?: { conditions?: { type: string; status: string }[] } }).status?.conditions ?? []).some((c) => c.type === type && c.status === "True");

export async function runPullBench(o: { quick?: boolean; iterations?: number; progress?: (msg: string) => void } = {}): Promise<PullBenchResult> {
  const n = o.iterations ?? (o.quick ? 15 : 40);
  const env = { FLOTILLA_AGENT_STATUS_INTERVAL_MS: "2000", FLOTILLA_LOG_LEVEL: process.env.FLOTILLA_LOG_LEVEL ?? "warn" };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const cons = await startMiniConsole();
  const plane = await startPlane({ env: { FLOTILLA_SANDBOXES: "member1,member4:pull", PORT: String(cons.port), FLOTILLA_CLUSTER_STATUS_INTERVAL_MS: "1000" } });
  const cp = plane.handle.services.client as ObjectClient;
  const sandboxes = plane.handle.services.sandboxes as SandboxManager;
  const abort = new AbortController();
  try {
    await waitFor(async () => conditionTrue((await cp.get("cluster.karmada.io/v1alpha1", "Cluster", undefined, "member4")) ?? ({ metadata: {} } as KubeObject), "Ready"), 60_000);
    const marks = new Map<string, Marks>();
    const mark = (name: string | undefined, m: keyof Marks, at: number) => {
      const t = name && marks.get(name);
      if (t && t[m] === undefined) t[m] = at;
    };
    const t0 = new Map<string, number>();
    const rel = (name: string | undefined, m: keyof Marks, at: number) => name && t0.has(name) && mark(name, m, at - t0.get(name)!);
    follow(cp, "work.karmada.io/v1alpha2", "ResourceBinding", abort.signal, (e, at) => {
      const name = (e.object.spec as { resource?: { name?: string } } | undefined)?.resource?.name;
      rel(name, "binding", at);
      if (((e.object.spec as { clusters?: unknown[] }).clusters ?? []).length) rel(name, "scheduled", at);
    });
    follow(cp, "work.karmada.io/v1alpha1", "Work", abort.signal, (e, at) => {
      const name = (e.object.spec as { workload?: { manifests?: KubeObject[] } } | undefined)?.workload?.manifests?.[0]?.metadata.name;
      rel(name, "work", at);
      if (conditionTrue(e.object, "Applied")) rel(name, "applied", at);
    });
    for (const m of ["member1", "member4"]) follow(sandboxes.cluster(m)!.client, "apps/v1", "Deployment", abort.signal, (e, at) => e.type === "ADDED" && rel(e.object.metadata.name, "member", at));
    await new Promise((r) => setTimeout(r, 200));

    const out: PullBenchResult = {};
    for (const [mode, cluster] of [["Push", "member1"], ["Pull", "member4"]] as const) {
      o.progress?.(`${mode} (${cluster})`);
      await cp.create({ apiVersion: "policy.karmada.io/v1alpha1", kind: "PropagationPolicy", metadata: { name: `bench-${cluster}`, namespace: "default" }, spec: { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", labelSelector: { matchLabels: { bench: cluster } } }], placement: { clusterAffinity: { clusterNames: [cluster] } } } } as KubeObject);
      const runs: Marks[] = [];
      for (let i = 0; i < n + 3; i++) {
        const name = `bench-${cluster}-${i}`;
        marks.set(name, {});
        t0.set(name, performance.now());
        await cp.create({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name, namespace: "default", labels: { bench: cluster } }, spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "c", image: "nginx" }] } } } } as KubeObject);
        mark(name, "created", performance.now() - t0.get(name)!);
        await waitFor(() => marks.get(name)!.applied !== undefined && marks.get(name)!.member !== undefined);
        // The first few warm caches and connections up.
        if (i >= 3) runs.push(marks.get(name)!);
      }
      out[`${mode}.n`] = runs.length;
      for (const p of PHASES) {
        const xs = runs.map((r) => r[p]).filter((x): x is number => x !== undefined).sort((a, b) => a - b);
        if (!xs.length) continue;
        out[`${mode}.${p}.p50`] = percentile(xs, 50);
        out[`${mode}.${p}.p99`] = percentile(xs, 99);
      }
    }
    return out;
  } finally {
    abort.abort();
    await plane.destroy();
    await cons.close();
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

async function main(): Promise<void> {
  const r = await runPullBench({ iterations: Number(process.argv[2] ?? 30) });
  for (const mode of ["Push", "Pull"]) {
    const cols = PHASES.map((p) => `${p} ${r[`${mode}.${p}.p50`]?.toFixed(0)}/${r[`${mode}.${p}.p99`]?.toFixed(0)}`).join(", ");
    console.log(`${mode.padEnd(4)} (n=${r[`${mode}.n`]}) p50/p99 ms after create: ${cols}`);
  }
  console.log(`Karmada Pull P99: 989 ms; target < 300 ms (create → object in the member)`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  void main().then(() => process.exit(0), (err) => {
    console.error(err);
    process.exit(1);
  });
}
