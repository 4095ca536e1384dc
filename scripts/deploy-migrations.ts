/**
 * `npx tsx scripts/deploy-migrations.ts`: applies pending migrations (what `prisma migrate deploy`
 * does) to DATABASE_URL, or to the embedded PGlite under FLOTILLA_DATA_DIR (default .flotilla).
 * The server also migrates at start-up; use this for CI or before a rollout. PGlite is
 * single-opener: stop the server that holds the data dir first.
 */
import path from "node:path";
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { applyMigrations } from "../lib/store/migrate";

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const applied = await applyMigrations({ kind: "postgres", url });
    report(applied, "PostgreSQL");
    return 0;
  }
  const dir = path.join(path.resolve(process.env.FLOTILLA_DATA_DIR || ".flotilla"), "pglite");
  await mkdir(path.dirname(dir), { recursive: true });
  const db = await PGlite.create(dir);
  try {
    report(await applyMigrations({ kind: "pglite", db }), `PGlite at ${dir}`);
  } finally {
    await db.close();
  }
  return 0;
}

function report(applied: string[], where: string) {
  console.log(applied.length ? `applied to ${where}: ${applied.join(", ")}` : `${where} is up to date`);
}

// The wasm engine leaves a 10 s timer armed; exit explicitly.
main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
