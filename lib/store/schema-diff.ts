import { readFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { readMigrationsList, NO_FILTERS } from "./migrations-dir";
import { withSchemaEngine } from "./schema-engine";
import { scriptSafePgliteFactory } from "./script-safe-adapters";

/**
 * The SQL that takes a database with every migration in `migrationsDir` applied to the state
 * `schemaFile` describes ("" when they agree). Works offline and without a shadow database:
 * the migrations are replayed into a throwaway in-memory PGlite and the engine diffs that
 * database against the schema.
 */
export async function diffMigrationsToSchema(opts: { migrationsDir: string; schemaFile: string }): Promise<string> {
  const db = new PGlite("memory://");
  const factory = scriptSafePgliteFactory(db);
  try {
    const schema = await readFile(opts.schemaFile, "utf8");
    return await withSchemaEngine(factory, async (engine) => {
      const migrationsList = await readMigrationsList(opts.migrationsDir);
      await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
      const result = await engine.diff({
        from: { tag: "schemaDatasource", files: [{ path: opts.schemaFile, content: schema }], configDir: path.dirname(opts.schemaFile) },
        to: { tag: "schemaDatamodel", files: [{ path: opts.schemaFile, content: schema }] },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      });
      return isEmptyDiff(result.stdout ?? "") ? "" : (result.stdout ?? "");
    });
  } finally {
    await factory.disposeAll();
    await db.close();
  }
}

/** The engine prints a comment instead of SQL when nothing differs. */
export function isEmptyDiff(sql: string): boolean {
  return sql.split("\n").every((l) => l.trim() === "" || l.trim().startsWith("--"));
}
