import { defineConfig } from "prisma/config";

// The Prisma CLI tries to download a native schema engine on every command; offline it cannot.
// generate/validate/format do not need it, so point it at a harmless binary. Migrations run
// through the WebAssembly schema engine from lib/store/migrate.ts instead.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";
process.env.CHECKPOINT_DISABLE ??= "1";

export default defineConfig({
  schema: "prisma/schema.prisma",
});
