/**
 * Scheduler controller benchmark: bindings scheduled per second through the real controller
 * (informers, work queue, 16 workers) including the store writes (spec patch + status patch per
 * binding) on the control plane's API over embedded PGlite (and MemoryStorage for reference).
 * N bindings are created by 8 concurrent clients while the controller runs; the clock stops
 * when every binding carries Scheduled=True. Run alone: `npx tsx bench/scheduler-controller.ts [--quick]`.
 */
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
import { noopEventRecorder } from "../lib/controllers/runtime/events";
import { schedulerController } from "../lib/controllers/scheduler";
import type { ObjectClient } from "../lib/kube/client";
import type { Cluster, ResourceBinding } from "../lib/kube/karmada";
import { CLUSTER_API_VERSION, LABEL_PP_PERMANENT_ID, WORK_V1ALPHA2 } from "../lib/kube/karmada";
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

/** Counts the controller's writes (patches) and reconciles, to report writes per binding. */
export interface WriteCounter {
  patches: number;
  reconciles: number;
}

function countingClient(client: ObjectClient, counter: WriteCounter): ObjectClient {
  return new Proxy(client, {
    get(target, prop, recv) {
      const v = Reflect.get(target, prop, recv);
      if (prop !== "patch" && prop !== "update" && prop !== "updateStatus") return typeof v === "function" ? v.bind(target) : v;
      return (...args: unknown[]) => {
        counter.patches++;
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** Runs the scheduler controller over one shared informer factory (the bench watches the same cache). */
async function startController(client: ObjectClient, ac: AbortController, counter: WriteCounter) {
  const informers = new SharedInformerFactory({ client });
  const base = schedulerController()({ client: countingClient(client, counter), informers, events: noopEventRecorder, log: noopLogger, clock: realClock });
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
 * Two figures: "controller" = N bindings already stored, then the controller starts and the
 * clock runs until all are Scheduled (scheduling throughput incl. its two writes per binding);
 * "with creates" = N more bindings created by 8 clients while the controller runs.
 */
export async function measure(storage: Storage, total: number): Promise<{ controller: number; withCreates: number; writesPerBinding: number; reconcilesPerBinding: number }> {
  const api = createApiServer({ storage, registry: new ResourceRegistry(controlPlaneDescriptors()) });
  await api.start();
  const client = api.client;
  await seedClusters(client);
  await createBindings(client, 0, total);
  const ac = new AbortController();
  let t0 = performance.now();
  const counter: WriteCounter = { patches: 0, reconciles: 0 };
  const run = await startController(client, ac, counter);
  await untilScheduled(run.informer, total);
  const controller = Math.round(total / ((performance.now() - t0) / 1000));
  t0 = performance.now();
  const second = untilScheduled(run.informer, 2 * total);
  await createBindings(client, total, total);
  await second;
  const withCreates = Math.round(total / ((performance.now() - t0) / 1000));
  ac.abort();
  await run.stop();
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
  "memory bindings/s": number;
  "memory bindings/s with creates": number;
  /** Controller writes and reconciles per binding (PGlite run). */
  "writes/binding": number;
  "reconciles/binding": number;
}

export async function runSchedulerControllerBench(opts: { quick?: boolean } = {}): Promise<SchedulerControllerBench> {
  const total = opts.quick ? 1000 : 5000;
  const memory = await measure(new MemoryStorage(), total);
  const dir = await mkdtemp(path.join(os.tmpdir(), "flotilla-bench-sched-"));
  const db = await openDatabase({ dataDir: dir });
  const storage = await PrismaStorage.open(db, { compactIntervalMs: 0 });
  try {
    const pglite = await measure(storage, total);
    return {
      bindings: total,
      clusters: CLUSTERS,
      "pglite bindings/s": pglite.controller,
      "pglite bindings/s with creates": pglite.withCreates,
      "memory bindings/s": memory.controller,
      "memory bindings/s with creates": memory.withCreates,
      "writes/binding": pglite.writesPerBinding,
      "reconciles/binding": pglite.reconcilesPerBinding,
    };
  } finally {
    await storage.close();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runSchedulerControllerBench({ quick: process.argv.includes("--quick") }).then(
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
