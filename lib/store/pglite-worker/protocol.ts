import { DriverAdapterError } from "@prisma/driver-adapter-utils";

/**
 * Requests to the PGlite thread (./worker.mjs), each `{ id, op, ...args }`, answered by one
 * WorkerReply with the same id. Transactions are named by ids the main thread picks:
 * - query {sql, params, tx?, begin?, simple?, commit?} → rows (`begin`: BEGIN first, as transaction
 *   `tx`; `simple`: no params, simple protocol, the last statement's rows; `commit`: COMMIT after);
 *   commit / rollback {tx}: the raw SQL client
 * - prisma.query / prisma.execute {query, tx?}, prisma.script {script},
 *   prisma.begin {tx, isolationLevel} → TransactionOptions, prisma.commit / prisma.rollback {tx}:
 *   pglite-prisma-adapter, run in the thread (its row parsers are functions and cannot be sent)
 * - memory → PgliteMemory: the thread's WASM memory and JS heap sizes
 * - close: closes PGlite; the thread then exits.
 */
export type WorkerOp =
  | "query"
  | "commit"
  | "rollback"
  | "prisma.query"
  | "prisma.execute"
  | "prisma.script"
  | "prisma.begin"
  | "prisma.commit"
  | "prisma.rollback"
  | "memory"
  | "close";

/** What the PGlite thread holds, in bytes. */
export interface PgliteMemory {
  /** Postgres' WASM linear memory: shared buffers, caches, query memory (grows, never shrinks). */
  wasmBytes: number;
  /** The thread's own JS heap (result rows on their way to the main thread). */
  heapUsed: number;
  heapTotal: number;
}

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };

/** An error as the thread sends it: its own fields (Postgres' code, severity, detail...) plus name, message, stack. */
export type SerializedError = Record<string, unknown> & { name?: string; message?: string; stack?: string; cause?: unknown };

/**
 * Rebuilds a thread's error on this side: Prisma's DriverAdapterError as the real class (Prisma
 * recognises it by name and cause), anything else as an Error carrying the same fields, so
 * callers keep reading `code`, `detail`... as they did with an in-thread PGlite.
 */
export function reviveError(e: SerializedError): Error {
  if (e.name === "DriverAdapterError" && typeof e.cause === "object" && e.cause !== null) {
    return new DriverAdapterError(e.cause as ConstructorParameters<typeof DriverAdapterError>[0]);
  }
  const err = Object.assign(new Error(e.message ?? "PGlite thread error"), e);
  // Keep the thread's stack (where the error happened) and this side's (who asked).
  err.stack = `${e.stack ?? err.message}\n    --- via the PGlite thread ---\n${new Error().stack?.split("\n").slice(2).join("\n") ?? ""}`;
  return err;
}
