import type { PGlite, Transaction } from "@electric-sql/pglite";
import type pg from "pg";
import { PglitePrepared } from "./pglite-prepared";

/** A row as the drivers return it: int8 may come back as string (pg) or bigint (PGlite); use Number(). */
export type Row = Record<string, unknown>;

export interface QueryOptions {
  /** A fixed statement the driver may prepare once per connection under this name (no parse and plan per call). */
  name?: string;
  /** The transaction's last statement: a driver may commit in the same round trip (no query may follow). */
  last?: boolean;
}

/** Raw SQL on one connection or transaction. `$1`-style parameters; jsonb parameters as JSON text. */
export interface SqlQueryable {
  query<T extends Row = Row>(sql: string, params?: unknown[], opts?: QueryOptions): Promise<T[]>;
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

/** node-postgres prepares a named statement once per connection and then only binds it. */
const pgQuery = (sql: string, params: unknown[] | undefined, opts: QueryOptions | undefined) => (opts?.name ? { name: opts.name, text: sql, values: params } : { text: sql, values: params });

export function pgSqlClient(pool: pg.Pool): SqlClient {
  return {
    async query<T extends Row>(sql: string, params?: unknown[], opts?: QueryOptions) {
      return (await pool.query(pgQuery(sql, params, opts))).rows as T[];
    },
    async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>, opts?: { snapshot?: boolean }): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query(opts?.snapshot ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");
        const tx: SqlQueryable = { query: async <R extends Row>(sql: string, params?: unknown[], o?: QueryOptions) => (await client.query(pgQuery(sql, params, o))).rows as R[] };
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

/** PGlite on this thread (tests). Named statements go through SQL PREPARE/EXECUTE, as on the PGlite thread. */
export function pgliteSqlClient(db: PGlite): SqlClient {
  const prepared = new PglitePrepared();
  const wrap = (q: PGlite | Transaction): SqlQueryable => ({
    async query<T extends Row>(sql: string, params?: unknown[], opts?: QueryOptions) {
      if (!opts?.name) return (await q.query<T>(sql, params)).rows;
      const prepare = prepared.prepareFor(opts.name, sql);
      if (prepare) {
        await q.exec(prepare);
        prepared.prepared(opts.name);
      }
      return ((await q.exec(prepared.execute(opts.name, params))).at(-1)?.rows ?? []) as T[];
    },
  });
  return {
    ...wrap(db),
    // PGlite has one connection and runs a transaction exclusively: every transaction is a snapshot.
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
  };
}
