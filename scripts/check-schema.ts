/**
 * `npm run db:check`: exits 1 when prisma/schema.prisma has changes no migration covers
 * (the CI guard), printing the SQL a new migration would need.
 */
import path from "node:path";
import { diffMigrationsToSchema } from "../lib/store/schema-diff";

async function main(): Promise<number> {
  const root = process.cwd();
  const sql = await diffMigrationsToSchema({
    migrationsDir: path.join(root, "prisma", "migrations"),
    schemaFile: path.join(root, "prisma", "schema.prisma"),
  });
  if (!sql) {
    console.log("schema.prisma and prisma/migrations agree");
    return 0;
  }
  console.error("prisma/schema.prisma has changes no migration covers; run `npm run db:migration -- <name>`. Missing SQL:\n");
  console.error(sql);
  return 1;
}

// The wasm engine leaves a 10 s timer armed; exit explicitly.
main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
