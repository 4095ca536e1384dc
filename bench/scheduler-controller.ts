/**
 * Scheduler controller benchmark: bindings scheduled per second through the real controller
 * (informers, work queue, 16 workers) including the store writes (spec patch + status patch per
 * binding) on the control plane's API over embedded PGlite (and MemoryStorage for reference).
 * N bindings are created by 8 concurrent clients while the controller runs; the clock stops
 * when every binding carries Scheduled=True (bindings/s from the first write to the last), and
 * every binding is read back from the store and checked. CPU per binding is the process total
 * (controller, API server, store threads) over the same first-to-last-write window. Run alone: `npx tsx bench/scheduler-controller.ts [--quick] [--workers N] [--events]`
 * (--events: the control plane's real Event recorder instead of a no-op one).
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createApiServer } from "../lib/apiserver";
import type { Storage } from "../lib/apiserver/storage";
import type { Informer } from "../lib/controllers/runtime/informer";
import { Controller } from "../lib/controllers/runtime/controller";
import { SharedInformerFactory } from "../lib/controllers/runtime/shared-informers";
import { realClock } from "../lib/controllers/runtime/clock";
import { noopLogger } from "../lib/controllers/runtime/log";
import { ClientEventRecorder, noopEventRecorder, type EventRecorder } from "../lib/controllers/runtime/events";
import { schedulerController } from "../lib/controllers/scheduler";
import type { ObjectClient } from "../lib/kube/client";
import type { Cluster, ResourceBinding } from "../lib/kube/karmada";
import { ANNOTATION_APPLIED_PLACEMENT, CLUSTER_API_VERSION, LABEL_PP_PERMANENT_ID, WORK_V1ALPHA2 } from "../lib/kube/karmada";
import { controlPlaneDescriptors } from "../lib/kube/resources";
import { ResourceRegistry } from "../lib/kube/resources/registry";
import { openDatabase } from "../lib/store/database";
import { MemoryStorage } from "../lib/store/memory-storage";
import { PrismaStorage } from "../lib/store/prisma-storage";

const CLUSTERS = 20;
const CLIENTS = 8;

function clusterObj(i: number): Cluster {
  const region = ["us-east", "eu-central", "ap-south"][i % 3];
  return {
    apiVersion: CLUSTER_API_VERSION,
    kind: "Cluster",
    metadata: { name: `member-${i}`, labels: { env: "prod" } },
    spec: { syncMode: "Push", region, zones: [`${region}-1`] },
    status: {
      apiEnablements: [{ groupVersion: "apps/v1", resources: [{ name: "deployments", kind: "Deployment" }] }],
      resourceSummary: { allocatable: { cpu: "64", memory: "256Gi", pods: "1100" } },
    },
  };
}

function bindingObj(i: number): ResourceBinding {
  return {
    apiVersion: WORK_V1ALPHA2,
    kind: "ResourceBinding",
    metadata: { name: `web-${i}`, namespace: "bench", labels: { [LABEL_PP_PERMANENT_ID]: "bench" } },
    spec: {
      resource: { apiVersion: "apps/v1", kind: "Deployment", namespace: "bench", name: `web-${i}`, uid: `uid-${i}` },
      replicas: 6,
      replicaRequirements: { resourceRequest: { cpu: "100m" } },
      placement: {
        clusterAffinity: { labelSelector: { matchLabels: { env: "prod" } } },
        spreadConstraints: [{ spreadByField: "region", minGroups: 2, maxGroups: 3 }, { spreadByField: "cluster", minGroups: 3, maxGroups: 6 }],
        replicaScheduling: { replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted", weightPreference: { dynamicWeight: "AvailableReplicas" } },
      },
    },
  };
}

async function seedClusters(client: ObjectClient): Promise<void> {
  for (let i = 0; i < CLUSTERS; i++) {
    const c = await client.create(clusterObj(i));
    await client.patch({ apiVersion: CLUSTER_API_VERSION, kind: "Cluster", name: c.metadata.name! }, "application/merge-patch+json", { status: clusterObj(i).status }, { subresource: "status" });
  }
  await client.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "bench" } });
}

/** Counts bindings with Scheduled=True on an informer; resolves once `total` are. */
function untilScheduled(informer: Informer<ResourceBinding>, total: number): Promise<void> {
  const scheduled = new Set<string>();
  return new Promise<void>((resolve) => {
    const seen = (b: ResourceBinding) => {
      if (!b.status?.conditions?.some((c) => c.type === "Scheduled" && c.status === "True")) return;
      scheduled.add(b.metadata.name!);
      if (scheduled.size === total) resolve();
    };
    informer.addHandlers({ onAdd: seen, onUpdate: (_, b) => seen(b) });
  });
}

/** The controller's writes and reconciles, and when its first write started and its last one ended. */
export interface WriteCounter {
  patches: number;
  reconciles: number;
  /** Clock and CPU when the controller's first write started. */
  firstWrite?: Mark;
  lastWriteAt?: number;
}

/** A point in the run: wall clock, process CPU and main-thread CPU seconds. */
interface Mark {
  at: number;
  cpu: NodeJS.CpuUsage;
  main?: number;
}

function mark(): Mark {
  return { at: performance.now(), cpu: process.cpuUsage(), main: mainThreadCpuSeconds() };
}

function countingClient(client: ObjectClient, counter: WriteCounter): ObjectClient {
  return new Proxy(client, {
    get(target, prop, recv) {
      const v = Reflect.get(target, prop, recv);
      if (prop !== "patch" && prop !== "update" && prop !== "updateStatus") return typeof v === "function" ? v.bind(target) : v;
      return async (...args: unknown[]) => {
        counter.patches++;
        counter.firstWrite ??= mark();
        const out = await (v as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        counter.lastWriteAt = performance.now();
        return out;
      };
    },
  });
}

/** Runs the scheduler controller over one shared informer factory (the bench watches the same cache). */
async function startController(client: ObjectClient, ac: AbortController, counter: WriteCounter, workers: number | undefined, events: EventRecorder) {
  const informers = new SharedInformerFactory({ client });
  const base = schedulerController({ workers })({ client: countingClient(client, counter), informers, events, log: noopLogger, clock: realClock });
  const def = { ...base, reconcile: (...a: Parameters<typeof base.reconcile>) => (counter.reconciles++, base.reconcile(...a)) };
  const controller = new Controller(def, { informers });
  const started = controller.start(ac.signal);
  informers.start(ac.signal);
  await started;
  return { informer: informers.informerFor<ResourceBinding>({ apiVersion: WORK_V1ALPHA2, kind: "ResourceBinding" }), stop: () => Promise.all([controller.stop(), informers.stop()]) };
}

async function createBindings(client: ObjectClient, from: number, total: number): Promise<void> {
  let next = from;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < from + total) await client.create(bindingObj(next++));
    }),
  );
}

/**
 * Reads every binding back from the store (not the cache) and throws unless each one carries a
 * full result (targets summing to its replicas, the applied placement) and Scheduled=True for
 * its current generation: the figures count only bindings really written.
 */
async function verifyStored(client: ObjectClient, total: number): Promise<void> {
  const list = await client.list<ResourceBinding>(WORK_V1ALPHA2, "ResourceBinding", { namespace: "bench" });
  const bad = list.items.filter((b) => {
    const sum = (b.spec.clusters ?? []).reduce((n, t) => n + (t.replicas ?? 0), 0);
    const scheduled = b.status?.conditions?.some((c) => c.type === "Scheduled" && c.status === "True");
    const placed = !!b.metadata.annotations?.[ANNOTATION_APPLIED_PLACEMENT];
    return sum !== b.spec.replicas || !scheduled || !placed || b.status?.schedulerObservedGeneration !== b.metadata.generation;
  });
  if (list.items.length !== total || bad.length > 0) throw new Error(`scheduler-controller bench: ${list.items.length}/${total} bindings stored, ${bad.length} not fully scheduled (e.g. ${bad[0]?.metadata.name})`);
}

export interface PhaseFigures {
  /** Bindings per second from the phase's first write to its last. */
  perSecond: number;
  /** Process CPU (all threads: controller, API server, store, GC) per binding over the phase. */
  cpuMsPerBinding: number;
  /** Main-thread CPU per binding (controller, API server, informers): the event loop's share. */
  mainCpuMsPerBinding?: number;
}

/** CPU seconds of the calling (main) thread, from /proc (Linux); undefined elsewhere. */
function mainThreadCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync("/proc/thread-self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Measures one phase: `run` resolves once every binding is scheduled; `start` is the phase's
 * first write. Time and CPU both run from it to the end (a controller's start-up list is not
 * scheduling work), the time to the last write.
 */
async function phase(total: number, counter: WriteCounter, start: () => Mark | undefined, run: () => Promise<void>): Promise<PhaseFigures> {
  await run();
  const end = mark();
  const from = start()!;
  const cpu = process.cpuUsage(from.cpu);
  const seconds = (counter.lastWriteAt! - from.at) / 1000;
  const perBinding = (ms: number) => Math.round((ms / total) * 100) / 100;
  return {
    perSecond: Math.round(total / seconds),
    cpuMsPerBinding: perBinding((cpu.user + cpu.system) / 1000),
    mainCpuMsPerBinding: from.main === undefined || end.main === undefined ? undefined : perBinding((end.main - from.main) * 1000),
  };
}

/**
 * Two phases: "controller" = N bindings already stored, then the controller starts and runs
 * until all are Scheduled (scheduling throughput incl. its two writes per binding); "with
 * creates" = N more bindings created by 8 clients while the controller runs (first create to
 * the controller's last write). Every binding is then read back from the store and checked.
 */
export async function measure(storage: Storage, total: number, opts: { workers?: number; events?: boolean } = {}): Promise<{ controller: PhaseFigures; withCreates: PhaseFigures; writesPerBinding: number; reconcilesPerBinding: number }> {
  const api = createApiServer({ storage, registry: new ResourceRegistry(controlPlaneDescriptors()) });
  await api.start();
  const client = api.client;
  await seedClusters(client);
  await createBindings(client, 0, total);
  const ac = new AbortController();
  const counter: WriteCounter = { patches: 0, reconciles: 0 };
  // The control plane records two Events per scheduled binding; off by default (they are the recorder's writes, not the scheduler's).
  const recorder = opts.events ? new ClientEventRecorder({ client, component: "scheduler" }) : undefined;
  const events: EventRecorder = recorder ?? noopEventRecorder;
  let run: Awaited<ReturnType<typeof startController>> | undefined;
  const controller = await phase(total, counter, () => counter.firstWrite, async () => {
    run = await startController(client, ac, counter, opts.workers, events);
    await untilScheduled(run.informer, total);
    await recorder?.flush();
  });
  let createsFrom: Mark | undefined;
  const withCreates = await phase(total, counter, () => createsFrom, async () => {
    const second = untilScheduled(run!.informer, 2 * total);
    createsFrom = mark();
    await createBindings(client, total, total);
    await second;
    await recorder?.flush();
  });
  ac.abort();
  await run!.stop();
  await verifyStored(client, 2 * total);
  await api.stop();
  // Let late echoes of our own writes be reconciled before counting.
  await new Promise((r) => setTimeout(r, 500));
  const r = (n: number) => Math.round((n / (2 * total)) * 100) / 100;
  return { controller, withCreates, writesPerBinding: r(counter.patches), reconcilesPerBinding: r(counter.reconciles) };
}

export interface SchedulerControllerBench {
  bindings: number;
  clusters: number;
  /** PGlite store: scheduling of stored bindings, and with their creation included. */
  "pglite bindings/s": number;
  "pglite bindings/s with creates": number;
  /** Process CPU per binding (PGlite, stored bindings): the figure a loaded machine cannot skew. */
  "pglite cpu ms/binding": number;
  "pglite cpu ms/binding with creates": number;
  "pglite main-thread cpu ms/binding"?: number;
  "memory bindings/s": number;
  "memory bindings/s with creates": number;
  "memory cpu ms/binding": number;
  /** Controller writes and reconciles per binding (PGlite run). */
  "writes/binding": number;
  "reconciles/binding": number;
}

export async function runSchedulerControllerBench(opts: { quick?: boolean; workers?: number; events?: boolean } = {}): Promise<SchedulerControllerBench> {
  const total = opts.quick ? 1000 : 5000;
  const memory = await measure(new MemoryStorage(), total, opts);
  const dir = await mkdtemp(path.join(os.tmpdir(), "flotilla-bench-sched-"));
  const db = await openDatabase({ dataDir: dir });
  const storage = await PrismaStorage.open(db, { compactIntervalMs: 0 });
  try {
    const pglite = await measure(storage, total, opts);
    return {
      bindings: total,
      clusters: CLUSTERS,
      "pglite bindings/s": pglite.controller.perSecond,
      "pglite bindings/s with creates": pglite.withCreates.perSecond,
      "pglite cpu ms/binding": pglite.controller.cpuMsPerBinding,
      "pglite cpu ms/binding with creates": pglite.withCreates.cpuMsPerBinding,
      "pglite main-thread cpu ms/binding": pglite.controller.mainCpuMsPerBinding,
      "memory bindings/s": memory.controller.perSecond,
      "memory bindings/s with creates": memory.withCreates.perSecond,
      "memory cpu ms/binding": memory.controller.cpuMsPerBinding,
      "writes/binding": pglite.writesPerBinding,
      "reconciles/binding": pglite.reconcilesPerBinding,
    };
  } finally {
    await storage.close();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** `--workers N` overrides the controller's worker count (to compare settings). */
function workersArg(): number | undefined {
  const i = process.argv.indexOf("--workers");
  return i > 0 ? Number(process.argv[i + 1]) : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runSchedulerControllerBench({ quick: process.argv.includes("--quick"), workers: workersArg(), events: process.argv.includes("--events") }).then(
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
