// The PGlite thread: owns the embedded Postgres (WASM) so its CPU and file-system calls leave the
// main thread free for API requests. Plain JavaScript so it starts without a TypeScript loader
// (npm start registers tsx on the main thread only). Protocol: see ./protocol.ts.
import { getHeapStatistics } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

const { dataDir, options, settings } = workerData;
/** Open transactions by the id the main thread chose: raw SQL ones and Prisma's. */
const rawTxs = new Map(); // id -> Promise<{ tx, finish, done }>
const prismaTxs = new Map();

let db;
let adapter;
try {
  // Postgres settings (-c name=value) go after PGlite's own start parameters, which they would otherwise replace.
  const startParams = [...PGlite.defaultStartParams, ...Object.entries(settings ?? {}).flatMap(([k, v]) => ["-c", `${k}=${v}`])];
  db = await PGlite.create(dataDir, { ...options, startParams });
  adapter = await new PrismaPGlite(db).connect();
  parentPort.postMessage({ ready: true });
} catch (err) {
  parentPort.postMessage({ ready: false, error: serializeError(err) });
  process.exit(1);
}

/** BEGIN ... and hands the transaction over; `finish(rollback)` ends it, `done` settles with COMMIT. */
function beginRaw() {
  return new Promise((resolve, reject) => {
    const done = db.transaction(async (tx) => {
      const rollback = await new Promise((finish) => resolve({ tx, finish, done }));
      if (rollback && !tx.closed) await tx.rollback();
    });
    done.catch(reject);
  });
}

async function endRaw(id, rollback) {
  const opening = rawTxs.get(id);
  rawTxs.delete(id);
  if (!opening) throw new Error(`no open transaction ${id}`);
  const t = await opening;
  t.finish(rollback);
  await t.done;
}

/** `simple`: no parameters, run through the simple protocol (one message instead of six; EXECUTE of a prepared statement). */
async function run(q, sql, params, simple) {
  const t0 = statsFile ? performance.now() : 0;
  const rows = simple ? ((await q.exec(sql)).at(-1)?.rows ?? []) : (await q.query(sql, params)).rows;
  if (statsFile) count(sql, performance.now() - t0, rows.length);
  return rows;
}

// FLOTILLA_PGLITE_STATS=<file>: <file>.<pid> gets, per statement (its first 100 characters) the calls, rows and
// milliseconds, rewritten every 5 s: which reads and writes the store's time goes to (diagnosis).
const statsFile = process.env.FLOTILLA_PGLITE_STATS;
const stats = new Map();
function count(sql, ms, rows) {
  // A prepared statement's EXECUTE carries its arguments inline: count it by name.
  const key = (/^\s*EXECUTE\s+(\w+)/.exec(sql)?.[0] ?? sql.replace(/\s+/g, " ")).slice(0, 100);
  const s = stats.get(key) ?? { calls: 0, rows: 0, ms: 0 };
  s.calls++;
  s.rows += rows;
  s.ms += ms;
  stats.set(key, s);
}
if (statsFile) {
  const { writeFileSync } = await import("node:fs");
  setInterval(() => {
    const sorted = [...stats.entries()].sort((a, b) => b[1].ms - a[1].ms).map(([sql, s]) => ({ sql, calls: s.calls, rows: s.rows, ms: Math.round(s.ms) }));
    writeFileSync(`${statsFile}.${process.pid}`, JSON.stringify(sorted, null, 1));
  }, 5000).unref();
}

const ops = {
  query: async ({ sql, params, tx, begin, simple, commit }) => {
    if (!tx) return run(db, sql, params, simple);
    // The first query of a transaction opens it; later ones wait for that.
    if (begin) rawTxs.set(tx, beginRaw());
    const t = await rawTxs.get(tx);
    const rows = await run(t.tx, sql, params, simple);
    // `commit`: the transaction's last statement; on failure it stays open for the caller's rollback.
    if (commit) await endRaw(tx, false);
    return rows;
  },
  commit: ({ tx }) => endRaw(tx, false),
  rollback: ({ tx }) => endRaw(tx, true),
  "prisma.query": async ({ query, tx }) => {
    const t0 = statsFile ? performance.now() : 0;
    const out = await (tx ? prismaTxs.get(tx) : adapter).queryRaw(query);
    if (statsFile) count(`prisma: ${query.sql}`, performance.now() - t0, out.rows?.length ?? 0);
    return out;
  },
  "prisma.execute": ({ query, tx }) => (tx ? prismaTxs.get(tx) : adapter).executeRaw(query),
  // The stock adapter does not await exec(), so a failing script would pass silently.
  "prisma.script": ({ script }) => db.exec(script).then(() => undefined, (e) => adapter.onError(e)),
  "prisma.begin": async ({ tx, isolationLevel }) => {
    const t = await adapter.startTransaction(isolationLevel);
    prismaTxs.set(tx, t);
    return t.options;
  },
  "prisma.commit": ({ tx }) => takePrisma(tx).commit(),
  "prisma.rollback": ({ tx }) => takePrisma(tx).rollback(),
  // Where the thread's memory goes: Postgres' WASM linear memory (it only grows) and this isolate's heap.
  memory: () => {
    const h = getHeapStatistics();
    return { wasmBytes: db.mod?.HEAPU8?.length ?? 0, heapUsed: h.used_heap_size, heapTotal: h.total_heap_size };
  },
  close: async () => {
    if (!db.closed) await db.close();
  },
};

function takePrisma(id) {
  const t = prismaTxs.get(id);
  prismaTxs.delete(id);
  if (!t) throw new Error(`no open Prisma transaction ${id}`);
  return t;
}

parentPort.on("message", async (msg) => {
  let reply;
  try {
    reply = { id: msg.id, ok: true, value: await ops[msg.op](msg) };
  } catch (err) {
    reply = { id: msg.id, ok: false, error: serializeError(err) };
  }
  try {
    parentPort.postMessage(reply);
  } catch (err) {
    parentPort.postMessage({ id: msg.id, ok: false, error: serializeError(err) });
  }
  if (msg.op === "close" && reply.ok) parentPort.close();
});

/** An error as plain data: name, message, stack and the own fields callers read (code, detail, cause...). */
function serializeError(err) {
  if (typeof err !== "object" || err === null) return { name: "Error", message: String(err) };
  const out = {};
  for (const [k, v] of Object.entries(err)) if (isPlain(v)) out[k] = v;
  out.name = err.name;
  out.message = err.message;
  out.stack = err.stack;
  if (err.cause !== undefined && isPlain(err.cause)) out.cause = err.cause;
  return out;
}

function isPlain(v) {
  try {
    structuredClone(v);
    return typeof v !== "function";
  } catch {
    return false;
  }
}
