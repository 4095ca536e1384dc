/**
 * Scheduler micro-benchmark: pure `schedule()` throughput over 100 synthetic clusters (5 regions,
 * 3 zones each, varied capacity, a few tainted) with region + cluster spread constraints and
 * dynamic-weight division, plus per-binding p50/p99 latency. No I/O. Also bindings per CPU
 * second (process.cpuUsage), which stays put when other processes share the cores.
 * Run alone with `npx tsx bench/scheduler.ts [--quick]`.
 */
import { pathToFileURL } from "node:url";
import type { Cluster, Placement, TargetCluster } from "../lib/kube/karmada";
import { type ScheduleInput, schedule } from "../lib/scheduler/schedule";

/** Deterministic PRNG so every run schedules the same bindings. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

function syntheticClusters(count: number, rand: () => number): Cluster[] {
  const regions = ["us-east", "us-west", "eu-central", "ap-south", "ap-east"];
  return Array.from({ length: count }, (_, i): Cluster => {
    const region = regions[i % regions.length];
    const cpu = 16 * (1 + Math.floor(rand() * 8));
    return {
      apiVersion: "cluster.karmada.io/v1alpha1",
      kind: "Cluster",
      metadata: { name: `member-${String(i).padStart(3, "0")}`, labels: { env: i % 4 === 0 ? "staging" : "prod", tier: String(i % 3) } },
      spec: {
        syncMode: i % 2 ? "Pull" : "Push",
        provider: i % 3 ? "aws" : "gcp",
        region,
        zones: [`${region}-${1 + (i % 3)}`],
        taints: i % 17 === 0 ? [{ key: "cluster.karmada.io/not-ready", effect: "NoSchedule" }] : undefined,
      },
      status: {
        apiEnablements: [{ groupVersion: "apps/v1", resources: [{ name: "deployments", kind: "Deployment" }] }],
        conditions: [{ type: "Ready", status: "True", reason: "ClusterReady", message: "", lastTransitionTime: new Date(0).toISOString() }],
        resourceSummary: {
          allocatable: { cpu: String(cpu), memory: `${cpu * 4}Gi`, pods: String(110 * (1 + Math.floor(rand() * 5))) },
          allocated: { cpu: `${Math.floor(rand() * cpu * 500)}m`, memory: `${Math.floor(rand() * cpu)}Gi`, pods: String(Math.floor(rand() * 50)) },
        },
      },
    };
  });
}

const PLACEMENT: Placement = {
  clusterAffinity: { labelSelector: { matchLabels: { env: "prod" } } },
  spreadConstraints: [
    { spreadByField: "region", minGroups: 2, maxGroups: 3 },
    { spreadByField: "cluster", minGroups: 4, maxGroups: 12 },
  ],
  replicaScheduling: { replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted", weightPreference: { dynamicWeight: "AvailableReplicas" } },
};

function syntheticBindings(count: number, clusters: Cluster[], rand: () => number): ScheduleInput[] {
  return Array.from({ length: count }, (_, i): ScheduleInput => {
    const replicas = 5 + Math.floor(rand() * 60);
    // A third of the bindings already have a result (scale-up/-down paths).
    const previous: TargetCluster[] | undefined =
      i % 3 === 0 ? [{ name: clusters[(i * 4) % clusters.length].metadata.name!, replicas: Math.ceil(replicas / 2) }, { name: clusters[(i * 4 + 1) % clusters.length].metadata.name!, replicas: Math.floor(replicas / 3) }] : undefined;
    return {
      resource: { apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: `app-${i}`, uid: `uid-${i}-${Math.floor(rand() * 1e9)}` },
      replicas,
      replicaRequirements: { resourceRequest: { cpu: `${100 + Math.floor(rand() * 400)}m`, memory: `${128 * (1 + Math.floor(rand() * 8))}Mi` } },
      placement: PLACEMENT,
      clusters,
      previous,
    };
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs the benchmark; returns bindings/s, p50/p99 (ms per binding) and the failure count. */
export async function runSchedulerBench(opts: { quick?: boolean }): Promise<Record<string, number>> {
  const rand = rng(42);
  const clusters = syntheticClusters(100, rand);
  const bindings = syntheticBindings(opts.quick ? 1_000 : 10_000, clusters, rand);
  for (const b of bindings.slice(0, 200)) schedule(b); // warm up the JIT and the summary cache
  const latencies = new Float64Array(bindings.length);
  let failures = 0;
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < bindings.length; i++) {
    const t0 = performance.now();
    if (schedule(bindings[i]).error) failures++;
    latencies[i] = performance.now() - t0;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  // Single-threaded work: CPU time is the figure a loaded machine does not skew.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  return {
    clusters: clusters.length,
    bindings: bindings.length,
    "bindings/s": Math.round(bindings.length / seconds),
    "bindings/cpu-s": Math.round(bindings.length / cpuSeconds),
    "cpu µs/binding": Math.round((cpuSeconds * 1e6) / bindings.length),
    "p50 ms": Number(percentile(sorted, 50).toFixed(3)),
    "p99 ms": Number(percentile(sorted, 99).toFixed(3)),
    failures,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runSchedulerBench({ quick: process.argv.includes("--quick") }).then((r) => console.log(r));
}
