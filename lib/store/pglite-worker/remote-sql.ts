import { PglitePrepared } from "../pglite-prepared";
import type { QueryOptions, Row, SqlClient, SqlQueryable } from "../sql-client";
import type { PgliteThread } from "./pglite-thread";

/**
 * The raw SQL client over PGlite in its thread. A transaction is BEGIN, the callback's queries
 * (each a round trip: the group commit computes in JS between its read and its write), then
 * COMMIT, or ROLLBACK when the callback throws. BEGIN rides on the first query and COMMIT on a
 * query marked `last`, so the group commit costs two messages. PGlite runs one transaction at a
 * time, exclusively, so every transaction is a snapshot.
 */
export function remoteSqlClient(thread: PgliteThread): SqlClient {
  // One PGlite session per thread: its prepared statements.
  const prepared = new PglitePrepared();
  /** Sends one statement; a named one as PREPARE (first time, its own message) then EXECUTE. */
  async function send<R>(sql: string, params: unknown[] | undefined, opts: QueryOptions | undefined, tx: Record<string, unknown>): Promise<R[]> {
    if (!opts?.name) return thread.call<R[]>("query", { sql, params, ...tx, commit: opts?.last === true });
    const prepare = prepared.prepareFor(opts.name, sql);
    if (prepare) {
      await thread.call("query", { sql: prepare, simple: true, ...tx });
      prepared.prepared(opts.name);
      tx = { ...tx, begin: false };
    }
    return thread.call<R[]>("query", { sql: prepared.execute(opts.name, params), simple: true, ...tx, commit: opts.last === true });
  }
  return {
    query: <T extends Row>(sql: string, params?: unknown[], opts?: QueryOptions) => send<T>(sql, params, opts, {}),
    async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      const id = thread.nextTxId();
      let begun: Promise<unknown> | undefined;
      let committed = false;
      const tx: SqlQueryable = {
        query: <R extends Row>(sql: string, params?: unknown[], opts?: QueryOptions) => {
          if (committed) return Promise.reject(new Error("query after the transaction's last statement"));
          const first = !begun;
          if (opts?.last) committed = true;
          const reply = send<R>(sql, params, opts, { tx: id, begin: first });
          if (first) begun = reply.catch(() => {});
          return reply;
        },
      };
      let result: T;
      try {
        result = await fn(tx);
      } catch (err) {
        // A `last` query that failed did not commit: the transaction is still open.
        if (begun) await thread.call("rollback", { tx: id }).catch(() => {});
        throw err;
      }
      if (begun && !committed) await thread.call("commit", { tx: id });
      return result;
    },
  };
}
