import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type pg from "pg";

/** What the wrapped factories hand out; `disposeAll` releases every adapter the engine opened. */
export interface ScriptSafeFactory extends SqlMigrationAwareDriverAdapterFactory {
  disposeAll(): Promise<void>;
}

type AdapterWithOnError = SqlDriverAdapter & { onError(e: unknown): never };

/**
 * Makes an adapter's executeScript run the whole script as one simple-protocol query and report
 * its failure. Both stock adapters get this wrong: adapter-pg splits on every ";" (breaking
 * `$$` bodies and atomicity), pglite-prisma-adapter does not await exec() (failures vanish).
 */
function wrap(adapter: SqlDriverAdapter, run: (script: string) => Promise<unknown>): SqlDriverAdapter {
  const a = adapter as AdapterWithOnError;
  a.executeScript = async (script: string) => {
    try {
      await run(script);
    } catch (e) {
      // onError converts a driver error into the DriverAdapterError the engine understands.
      a.onError(e);
    }
  };
  return a;
}

function tracking(inner: SqlMigrationAwareDriverAdapterFactory, wrapOne: (a: SqlDriverAdapter) => SqlDriverAdapter): ScriptSafeFactory {
  const opened: SqlDriverAdapter[] = [];
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const a = wrapOne(await inner.connect());
      opened.push(a);
      return a;
    },
    async connectToShadowDb() {
      // Shadow databases are never used: migrations are diffed against a replay in PGlite.
      throw new Error("shadow databases are not supported by Flotilla's migration runner");
    },
    async disposeAll() {
      for (const a of opened.splice(0)) await a.dispose().catch(() => {});
    },
  };
}

/**
 * A PostgreSQL factory for the schema engine on a single connection, so the engine's session
 * advisory lock, the migration and the unlock all happen on the same session.
 */
export function scriptSafePgFactory(connectionString: string): ScriptSafeFactory {
  const inner = new PrismaPg({ connectionString, max: 1 });
  return tracking(inner, (a) => {
    const pool = (a as SqlDriverAdapter & { underlyingDriver(): pg.Pool }).underlyingDriver();
    return wrap(a, (script) => pool.query(script));
  });
}

/** A factory whose adapters already run scripts whole (the PGlite thread's), tracked for disposeAll. */
export function trackedFactory(inner: SqlMigrationAwareDriverAdapterFactory): ScriptSafeFactory {
  return tracking(inner, (a) => a);
}

/** A PGlite factory for the schema engine over an already open PGlite (not closed by disposeAll). */
export function scriptSafePgliteFactory(db: PGlite): ScriptSafeFactory {
  return tracking(new PrismaPGlite(db), (a) => wrap(a, (script) => db.exec(script)));
}
