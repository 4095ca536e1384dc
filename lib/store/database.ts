import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { spawn } from "node:child_process";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { applyMigrations } from "./migrate";
import { startPgliteThread } from "./pglite-worker/pglite-thread";
import { remotePrismaFactory } from "./pglite-worker/remote-prisma";
import { remoteSqlClient } from "./pglite-worker/remote-sql";
import type { SqlClient } from "./sql-client";
import { pgliteSqlClient, pgSqlClient } from "./sql-client";

export interface OpenDatabaseOptions {
  /** postgres:// URL; unset = embedded PGlite under dataDir. */
  url?: string;
  /** The app's data directory; PGlite lives in `<dataDir>/pglite`. */
  dataDir: string;
  /** Where migrations are read from; default `<cwd>/prisma/migrations`. */
  migrationsDir?: string;
  /** pg pool size (Postgres only). Default 10. */
  poolSize?: number;
}

/** Called with the payload of each NOTIFY on the channel. Returns an unsubscribe. */
export type NotificationListener = (channel: string, onNotify: (payload: string) => void) => Promise<() => Promise<void>>;

/**
 * One open database: Prisma Client for relational data, a raw SQL client for the object store's
 * hot paths, and (Postgres) LISTEN for cross-process wake-ups. Migrated before it is returned.
 */
export interface Database {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  sql: SqlClient;
  /** Subscribes to NOTIFY on a dedicated connection; on PGlite (single process) a no-op. */
  listen: NotificationListener;
  /** Names of the migrations applied by this open. */
  appliedMigrations: string[];
  close(): Promise<void>;
}

/**
 * Opens (and migrates) the database: Postgres when `url` is set, else PGlite at
 * `<dataDir>/pglite` (parent directories created). PGlite is single-opener: one process per
 * data dir. Close it on shutdown; an unclean stop is recovered at the next open.
 */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  return opts.url ? openPostgres(opts.url, opts) : openPglite(opts);
}

/**
 * Postgres' default 128 MB of shared buffers is most of PGlite's resident memory; a small store's
 * working set is far smaller and misses are served from the OS page cache. Large stores can
 * raise it with FLOTILLA_PGLITE_SHARED_BUFFERS (each miss is a read through PGlite's file layer).
 */
const PGLITE_THREAD_OPTIONS = {
  settings: {
    shared_buffers: process.env.FLOTILLA_PGLITE_SHARED_BUFFERS || "32MB",
    // ANALYZE (embedded-analyze.ts) runs on the one store thread and blocks every query while it
    // samples: 3,000 rows instead of Postgres' 30,000 are plenty for the few key columns it reads.
    default_statistics_target: "10",
  },
};

/**
 * PGlite on its own thread (see pglite-worker/): its WASM and file-system work would otherwise
 * block the event loop and starve API requests while controllers write. Migrations run here,
 * through the same Prisma adapter door.
 */
async function openPglite(opts: OpenDatabaseOptions): Promise<Database> {
  const dir = path.join(opts.dataDir, "pglite");
  await mkdir(path.dirname(dir), { recursive: true });
  if (!existsSync(path.join(dir, "PG_VERSION"))) await initdbInChild(dir);
  const thread = await startPgliteThread(dir, PGLITE_THREAD_OPTIONS);
  try {
    const factory = remotePrismaFactory(thread);
    const appliedMigrations = await applyMigrations({ kind: "adapter", factory }, opts.migrationsDir);
    return embeddedDatabase(new PrismaClient({ adapter: factory }), remoteSqlClient(thread), appliedMigrations, () => thread.close());
  } catch (err) {
    await thread.close();
    throw err;
  }
}

/**
 * initdb in a child process (pglite-worker/initdb.mjs): its peak of ~700 MB resident memory,
 * most of which a process never gets back, would otherwise be the server's peak for good.
 */
async function initdbInChild(dir: string): Promise<void> {
  const script = path.join(import.meta.dirname, "pglite-worker", "initdb.mjs");
  const child = spawn(process.execPath, [script, dir], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0) throw new Error(`could not create the embedded store at ${dir} (initdb exited ${code}): ${stderr.trim()}`);
}

/**
 * A Database over an open, already migrated PGlite on this thread (tests clone one migrated
 * instance instead of paying initdb each time). close() closes the PGlite.
 */
export function pgliteDatabase(db: PGlite, appliedMigrations: string[] = []): Database {
  return embeddedDatabase(new PrismaClient({ adapter: new PrismaPGlite(db) }), pgliteSqlClient(db), appliedMigrations, async () => {
    if (!db.closed) await db.close();
  });
}

/** The embedded store's Database, whichever thread its PGlite runs on. */
function embeddedDatabase(prisma: PrismaClient, sql: SqlClient, appliedMigrations: string[], closeStore: () => Promise<void>): Database {
  return {
    prisma,
    kind: "pglite",
    sql,
    // One process owns a PGlite: in-process wake-ups are enough.
    listen: async () => async () => {},
    appliedMigrations,
    async close() {
      await prisma.$disconnect();
      await closeStore();
    },
  };
}

async function openPostgres(url: string, opts: OpenDatabaseOptions): Promise<Database> {
  const appliedMigrations = await applyMigrations({ kind: "postgres", url }, opts.migrationsDir);
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10 });
  // An idle client's error (server restart) must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  // Write transactions (the group commit) pipeline their statements: see pgSqlClient.
  const writers = new pg.Pool({ connectionString: url, max: 2, pipeline: true });
  writers.on("error", () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const listeners = new Set<pg.Client>();
  return {
    prisma,
    kind: "postgres",
    sql: pgSqlClient(pool, writers),
    appliedMigrations,
    async listen(channel, onNotify) {
      const client = new pg.Client({ connectionString: url });
      client.on("error", () => {});
      await client.connect();
      client.on("notification", (n) => {
        if (n.channel === channel) onNotify(n.payload ?? "");
      });
      await client.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
      listeners.add(client);
      return async () => {
        listeners.delete(client);
        await client.end().catch(() => {});
      };
    },
    async close() {
      for (const c of listeners) await c.end().catch(() => {});
      listeners.clear();
      await prisma.$disconnect();
      await pool.end();
      await writers.end();
    },
  };
}
