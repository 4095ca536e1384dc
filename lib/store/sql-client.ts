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

/**
 * `writers`: a pool of clients in pipeline mode (node-postgres `pipeline: true`) for write
 * transactions. There BEGIN, the callback's statements issued together and, after a `last`
 * statement, COMMIT go out without waiting for each other's replies: the group commit then costs
 * two round trips (BEGIN+lock+read, write+COMMIT) instead of five. Statements still run in order,
 * and one failing aborts the transaction as before (a COMMIT after it only rolls back).
 */
export function pgSqlClient(pool: pg.Pool, writers?: pg.Pool): SqlClient {
  return {
    async query<T extends Row>(sql: string, params?: unknown[], opts?: QueryOptions) {
      return (await pool.query(pgQuery(sql, params, opts))).rows as T[];
    },
    async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>, opts?: { snapshot?: boolean }): Promise<T> {
      const pipelined = writers !== undefined && !opts?.snapshot;
      const client = await (pipelined ? writers : pool).connect();
      let broken = false;
      try {
        return await (pipelined ? pipelinedTransaction(client, fn) : serialTransaction(client, fn, opts?.snapshot === true));
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

/** One statement at a time (queries issued together are chained: node-postgres deprecates queueing). */
async function serialTransaction<T>(client: pg.PoolClient, fn: (tx: SqlQueryable) => Promise<T>, snapshot: boolean): Promise<T> {
  await client.query(snapshot ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");
  let chain: Promise<unknown> = Promise.resolve();
  const tx: SqlQueryable = {
    query<R extends Row>(sql: string, params?: unknown[], o?: QueryOptions) {
      const reply = chain.then(() => client.query(pgQuery(sql, params, o)));
      chain = reply.catch(() => {});
      return reply.then((r) => r.rows as R[]);
    },
  };
  const result = await fn(tx);
  await chain;
  await client.query("COMMIT");
  return result;
}

async function pipelinedTransaction<T>(client: pg.PoolClient, fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
  const begin = client.query("BEGIN");
  begin.catch(() => {}); // awaited with the first statement; only keeps a failure from being unhandled meanwhile
  let commit: Promise<unknown> | undefined;
  const tx: SqlQueryable = {
    async query<R extends Row>(sql: string, params?: unknown[], o?: QueryOptions) {
      if (commit) throw new Error("query after the transaction's last statement");
      const reply = client.query(pgQuery(sql, params, o));
      reply.catch(() => {}); // awaited below, after BEGIN's reply
      if (o?.last) {
        commit = client.query("COMMIT");
        commit.catch(() => {});
      }
      await begin;
      return (await reply).rows as R[];
    },
  };
  const result = await fn(tx);
  await begin;
  await (commit ?? client.query("COMMIT"));
  return result;
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
