import type { Row, SqlClient, SqlQueryable } from "../sql-client";
import type { PgliteThread } from "./pglite-thread";

/**
 * The raw SQL client over PGlite in its thread. A transaction is BEGIN, the callback's queries
 * (each a round trip: the group commit computes in JS between its read and its write), then
 * COMMIT, or ROLLBACK when the callback throws. PGlite runs one transaction at a time, exclusively,
 * so every transaction is a snapshot.
 */
export function remoteSqlClient(thread: PgliteThread): SqlClient {
  return {
    query: <T extends Row>(sql: string, params?: unknown[]) => thread.call<T[]>("query", { sql, params }),
    async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      const id = thread.nextTxId();
      // BEGIN rides on the first query: one round trip less per transaction.
      let begun: Promise<unknown> | undefined;
      const tx: SqlQueryable = {
        query: <R extends Row>(sql: string, params?: unknown[]) => {
          const first = !begun;
          const reply = thread.call<R[]>("query", { sql, params, tx: id, begin: first });
          if (first) begun = reply.catch(() => {});
          return reply;
        },
      };
      let result: T;
      try {
        result = await fn(tx);
      } catch (err) {
        if (begun) await thread.call("rollback", { tx: id }).catch(() => {});
        throw err;
      }
      if (begun) await thread.call("commit", { tx: id });
      return result;
    },
  };
}
