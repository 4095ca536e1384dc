import type { PGlite, Transaction } from "@electric-sql/pglite";
import type pg from "pg";

/** A row as the drivers return it: int8 may come back as string (pg) or bigint (PGlite); use Number(). */
export type Row = Record<string, unknown>;

/** Raw SQL on one connection or transaction. `$1`-style parameters; jsonb parameters as JSON text. */
export interface SqlQueryable {
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
}

/**
 * The thin raw-SQL door used by the object store's hot paths, where Prisma's query builder costs
 * too much: a pooled query and a transaction on one connection. Implemented over a pg.Pool or a
 * PGlite (which serialises everything on its single connection).
 */
export interface SqlClient extends SqlQueryable {
  /** `snapshot`: a read-only REPEATABLE READ transaction (every statement sees one snapshot). */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>, opts?: { snapshot?: boolean }): Promise<T>;
}

export function pgSqlClient(pool: pg.Pool): SqlClient {
  return {
    async query<T extends Row>(sql: string, params?: unknown[]) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>, opts?: { snapshot?: boolean }): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query(opts?.snapshot ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");
        const tx: SqlQueryable = { query: async <R extends Row>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[] };
        const result = await fn(tx);
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => (broken = true));
        throw err;
      } finally {
        // A connection that cannot even roll back is not returned to the pool.
        client.release(broken);
      }
    },
  };
}

export function pgliteSqlClient(db: PGlite): SqlClient {
  const wrap = (q: PGlite | Transaction): SqlQueryable => ({
    async query<T extends Row>(sql: string, params?: unknown[]) {
      return (await q.query<T>(sql, params)).rows;
    },
  });
  return {
    ...wrap(db),
    // PGlite has one connection and runs a transaction exclusively: every transaction is a snapshot.
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
  };
}
