import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";

/** Where the migrations live: `<project>/prisma/migrations`, resolved from the working directory like Prisma does. */
export function defaultMigrationsDir(): string {
  return path.join(process.cwd(), "prisma", "migrations");
}

/**
 * Reads Prisma's migration layout (`<dir>/<timestamp>_<name>/migration.sql` plus
 * `migration_lock.toml`) into the list the schema engine takes. Directories are in name order,
 * which is the order they were created in.
 */
export async function readMigrationsList(dir: string = defaultMigrationsDir()): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return [];
    throw err;
  });
  const lockPath = path.join(dir, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  const migrationDirectories: MigrationList["migrationDirectories"] = [];
  for (const e of entries.filter((e) => e.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const sqlPath = path.join(dir, e.name, "migration.sql");
    const content = await readFile(sqlPath, "utf8").then(
      (value) => ({ tag: "ok" as const, value }),
      (err: Error) => ({ tag: "error" as const, value: err.message }),
    );
    migrationDirectories.push({ path: e.name, migrationFile: { path: "migration.sql", content } });
  }
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

export const NO_FILTERS = { externalTables: [] as string[], externalEnums: [] as string[] };
