import type { Row, SqlClient, SqlQueryable } from "../sql-client";
import type { PgliteThread } from "./pglite-thread";

/**
 * The raw SQL client over PGlite in its thread. A transaction is BEGIN, the callback's queries
 * (each a round trip: the group commit computes in JS between its read and its write), then
 * COMMIT, or ROLLBACK when the callback throws. PGlite runs one transaction at a time, exclusively,
 * so every transaction is a snapshot.
 */
export function remoteSqlClient(thread: PgliteThread): SqlClient {
  const queryable = (tx?: number): SqlQueryable => ({
    query: <T extends Row>(sql: string, params?: unknown[]) => thread.call<T[]>("query", { sql, params, tx }),
  });
  return {
    ...queryable(),
    async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      const tx = thread.nextTxId();
      await thread.call("begin", { tx });
      let result: T;
      try {
        result = await fn(queryable(tx));
      } catch (err) {
        await thread.call("rollback", { tx }).catch(() => {});
        throw err;
      }
      await thread.call("commit", { tx });
      return result;
    },
  };
}
