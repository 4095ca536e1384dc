/**
 * Object store benchmark: creates/s with 8 concurrent clients and watch delivery latency
 * (create() called → event received by a watcher), then read-modify-writes/s (get + update, the
 * controllers' pattern), each with the process CPU time per operation (a figure that holds on
 * a machine shared with other work, unlike rates), on embedded PGlite and, when
 * TEST_DATABASE_URL or DATABASE_URL is set, on PostgreSQL (a throwaway database, plus a second
 * replica watching through NOTIFY). Run alone: `npx tsx bench/store.ts [--quick]`.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Storage } from "../lib/apiserver/storage";
import { openDatabase } from "../lib/store/database";
import { PrismaStorage } from "../lib/store/prisma-storage";
import { createTestDatabase, testServerUrl } from "../lib/store/test-databases";

const CLIENTS = 8;
const KEY = { group: "", resource: "configmaps" };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/** Runs `total` creates from 8 clients against `writer` while each watcher times every event. */
async function measure(writer: Storage, watchers: Storage[], total: number, prefix = "bench") {
  const sentAt = new Map<string, number>();
  const from = await writer.currentResourceVersion();
  const latencies = watchers.map(() => [] as number[]);
  const ac = new AbortController();
  const watching = watchers.map(async (w, i) => {
    for await (const e of w.watch({ fromResourceVersion: from, key: KEY, signal: ac.signal })) {
      const t = sentAt.get(e.name);
      if (t !== undefined) latencies[i].push(performance.now() - t);
      if (latencies[i].length === total) return;
    }
  });
  let next = 0;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < total) {
        const name = `${prefix}-${next++}`;
        sentAt.set(name, performance.now());
        await writer.create(KEY, { apiVersion: "v1", kind: "ConfigMap", metadata: { namespace: "bench", name, labels: { app: "bench" } }, data: { k: "v".repeat(200) } });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const timeout = setTimeout(() => ac.abort(), 30_000);
  await Promise.all(watching);
  clearTimeout(timeout);
  ac.abort();
  const cpu = process.cpuUsage(cpu0);
  return {
    createsPerSec: round(total / seconds, 0),
    cpuUsPerCreate: round((cpu.user + cpu.system) / total, 0),
    watch: latencies.map((l) => {
      const s = [...l].sort((a, b) => a - b);
      return { p50: round(percentile(s, 50)), p99: round(percentile(s, 99)), delivered: l.length };
    }),
  };
}

/** 8 clients each get then update (compare-and-set) objects `prefix-0…total-1`, one pass. */
async function readModifyWrite(s: Storage, total: number, prefix = "bench") {
  let next = 0;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < total) {
        const name = `${prefix}-${next++}`;
        const cur = (await s.get(KEY, "bench", name))!;
        await s.update(KEY, { ...cur, data: { k: "w".repeat(200) } }, cur.metadata.resourceVersion!);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { perSec: round(total / seconds, 0), cpuUs: round((cpu.user + cpu.system) / total, 0) };
}

async function benchPglite(total: number): Promise<Record<string, number | string>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "flotilla-bench-"));
  const db = await openDatabase({ dataDir: dir });
  const s = await PrismaStorage.open(db, { compactIntervalMs: 0 });
  try {
    await measure(s, [s], 500, "warmup"); // JIT and caches; not reported
    const r = await measure(s, [s], total);
    const rmw = await readModifyWrite(s, total);
    return {
      "pglite.creates": total,
      "pglite.createsPerSec": r.createsPerSec,
      "pglite.cpuUsPerCreate": r.cpuUsPerCreate,
      "pglite.watchP50Ms": r.watch[0].p50,
      "pglite.watchP99Ms": r.watch[0].p99,
      "pglite.getUpdatesPerSec": rmw.perSec,
      "pglite.cpuUsPerGetUpdate": rmw.cpuUs,
    };
  } finally {
    await s.close();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(serverUrl: string, total: number): Promise<Record<string, number | string>> {
  const t = await createTestDatabase(serverUrl);
  const dbA = await openDatabase({ url: t.url, dataDir: "/unused" });
  const dbB = await openDatabase({ url: t.url, dataDir: "/unused" });
  const a = await PrismaStorage.open(dbA, { compactIntervalMs: 0 });
  const b = await PrismaStorage.open(dbB, { compactIntervalMs: 0 });
  try {
    await measure(a, [a, b], 500, "warmup");
    const r = await measure(a, [a, b], total);
    const rmw = await readModifyWrite(a, total);
    return {
      "postgres.creates": total,
      "postgres.createsPerSec": r.createsPerSec,
      "postgres.cpuUsPerCreate": r.cpuUsPerCreate,
      "postgres.getUpdatesPerSec": rmw.perSec,
      "postgres.cpuUsPerGetUpdate": rmw.cpuUs,
      "postgres.watchP50Ms": r.watch[0].p50,
      "postgres.watchP99Ms": r.watch[0].p99,
      "postgres.otherReplicaWatchP50Ms": r.watch[1].p50,
      "postgres.otherReplicaWatchP99Ms": r.watch[1].p99,
    };
  } finally {
    await a.close();
    await b.close();
    await dbA.close();
    await dbB.close();
    await t.drop();
  }
}

export async function runStoreBench(opts: { quick?: boolean } = {}): Promise<Record<string, number | string>> {
  const total = opts.quick ? 2_000 : 10_000;
  const out: Record<string, number | string> = { clients: CLIENTS, ...(await benchPglite(total)) };
  const serverUrl = testServerUrl();
  if (serverUrl) Object.assign(out, await benchPostgres(serverUrl, total));
  else out.postgres = "skipped (set TEST_DATABASE_URL or DATABASE_URL)";
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runStoreBench({ quick: process.argv.includes("--quick") }).then(
    (r) => {
      console.log(JSON.stringify(r, null, 2));
      // The wasm schema engine leaves a timer armed; exit explicitly.
      process.exit(0);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
