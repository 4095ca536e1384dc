import path from "node:path";
import { Worker } from "node:worker_threads";
import type { PGliteOptions } from "@electric-sql/pglite";
import { reviveError, type PgliteMemory, type SerializedError, type WorkerOp, type WorkerReply } from "./protocol";

const ENTRY = path.join(import.meta.dirname, "worker.mjs");

/** PGlite running on its own thread (./worker.mjs), seen from the main thread as request/reply calls. */
export interface PgliteThread {
  call<T>(op: WorkerOp, args?: Record<string, unknown>): Promise<T>;
  /** A fresh transaction id (ids are chosen here so a begin needs no extra round trip). */
  nextTxId(): number;
  /** The thread's memory (WASM and JS heap), for the benchmarks' RSS breakdown. */
  memory(): Promise<PgliteMemory>;
  /** Closes PGlite (a clean shutdown) and ends the thread. Idempotent. */
  close(): Promise<void>;
}

/** Threads started in this process and not closed (a benchmark reads their memory from here). */
export const openPgliteThreads = new Set<PgliteThread>();

export interface PgliteThreadOptions {
  /** PGlite options that can be sent to a thread (no functions, no startParams). */
  options?: Omit<PGliteOptions, "startParams" | "extensions" | "fs">;
  /** Postgres settings added to PGlite's start parameters, e.g. { shared_buffers: "32MB" }. */
  settings?: Record<string, string>;
}

/**
 * Starts the thread and opens PGlite at `dataDir` in it. PGlite runs only there, so its WASM
 * execution and file-system calls no longer block the event loop. The thread keeps the process
 * alive only while a call is in flight, like an in-thread PGlite. Killing the process (even with
 * SIGKILL) leaves a data dir PGlite recovers at the next open.
 */
export async function startPgliteThread(dataDir: string, opts: PgliteThreadOptions = {}): Promise<PgliteThread> {
  const workerData = { dataDir, options: opts.options ?? {}, settings: opts.settings ?? {} };
  const worker = new Worker(ENTRY, { workerData, execArgv: threadExecArgv(process.execArgv) });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  let failure: Error | undefined;
  const exited = new Promise<void>((r) => worker.once("exit", () => r()));
  const fail = (err: Error) => {
    failure ??= err;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
    worker.unref();
  };
  worker.on("error", (err) => fail(new Error(`PGlite thread failed: ${err.message}`, { cause: err })));
  worker.once("exit", (code) => fail(new Error(`PGlite thread exited (${code})`)));

  await new Promise<void>((resolve, reject) => {
    worker.once("message", (m: { ready: boolean; error?: SerializedError }) => (m.ready ? resolve() : reject(reviveError(m.error!))));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(failure ?? new Error(`PGlite thread exited (${code}) while opening ${dataDir}`)));
  });
  worker.on("message", (m: WorkerReply) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (pending.size === 0) worker.unref();
    if (m.ok) p.resolve(m.value);
    else p.reject(reviveError(m.error));
  });
  worker.unref();

  let nextId = 1;
  let txIds = 1;
  let closing: Promise<void> | undefined;
  const call = <T>(op: WorkerOp, args: Record<string, unknown> = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = nextId++;
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...args, id, op });
    });
  const thread: PgliteThread = {
    call,
    nextTxId: () => txIds++,
    memory: () => call<PgliteMemory>("memory"),
    close() {
      openPgliteThreads.delete(thread);
      closing ??= (async () => {
        if (!failure) await call("close").catch(() => {});
        // The thread ends by itself once PGlite is closed; do not wait forever if it hangs.
        const timer = setTimeout(() => void worker.terminate(), 10_000);
        worker.ref();
        await exited;
        clearTimeout(timer);
      })();
      return closing;
    },
  };
  openPgliteThreads.add(thread);
  return thread;
}

/**
 * The process's node flags minus module loaders: the thread is plain JavaScript and need not pay
 * for tsx, but keeps the rest (--cpu-prof for profiles, memory limits...). V8 flags a Worker
 * refuses (ERR_WORKER_INVALID_EXEC_ARGV) are dropped too: they apply process-wide anyway.
 */
export function threadExecArgv(execArgv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const flag = execArgv[i];
    if (/^--(import|require|loader|experimental-loader)$/.test(flag) || flag === "-r") i++;
    else if (!/^--(import|require|loader|experimental-loader)=/.test(flag) && !/^--expose[-_]gc$/.test(flag)) out.push(flag);
  }
  return out;
}
