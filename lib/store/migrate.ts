import type { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { defaultMigrationsDir, NO_FILTERS, readMigrationsList } from "./migrations-dir";
import { withSchemaEngine } from "./schema-engine";
import { scriptSafePgFactory, scriptSafePgliteFactory, trackedFactory } from "./script-safe-adapters";

/** `adapter`: a factory whose executeScript already runs a script whole (PGlite in its thread). */
export type MigrationTarget = { kind: "postgres"; url: string } | { kind: "pglite"; db: PGlite } | { kind: "adapter"; factory: SqlMigrationAwareDriverAdapterFactory };

/**
 * Applies the pending migrations of `migrationsDir` (what `prisma migrate deploy` does), through
 * Prisma's wasm schema engine. The engine holds Prisma's advisory lock while it works, so
 * replicas starting together migrate once; it refuses a failed earlier migration (P3009) and a
 * non-empty database without migration history (P3005). Returns the names it applied.
 */
export async function applyMigrations(target: MigrationTarget, migrationsDir: string = defaultMigrationsDir()): Promise<string[]> {
  const factory =
    target.kind === "postgres" ? scriptSafePgFactory(target.url) : target.kind === "pglite" ? scriptSafePgliteFactory(target.db) : trackedFactory(target.factory);
  try {
    const migrationsList = await readMigrationsList(migrationsDir);
    if (migrationsList.migrationDirectories.length === 0) throw new Error(`no migrations found in ${migrationsDir}`);
    return await withSchemaEngine(factory, async (engine) => {
      const out = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
      return out.appliedMigrationNames;
    });
  } finally {
    await factory.disposeAll();
  }
}
