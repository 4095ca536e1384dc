#!/usr/bin/env node
// `npm start`: build the console when the build is missing or older than the sources, then run
// Flotilla (console, Kubernetes-compatible API, controllers, sandboxes) in this one process.
import { existsSync, statSync, readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.NODE_ENV ??= "production";

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(p, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    if (entry.isFile() && /\.test\.tsx?$/.test(entry.name)) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry.name)));
  }
  return newest;
}

function needsBuild() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "public", "next.config.ts", "package.json", "postcss.config.mjs"].map((p) => newestMtime(path.join(root, p)));
  return Math.max(...sources) > built;
}

if (process.env.FLOTILLA_SKIP_BUILD !== "1" && needsBuild()) {
  console.log(JSON.stringify({ level: "info", msg: "building the console (first start or sources changed)" }));
  const r = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const { register } = await import("tsx/esm/api");
register();
await import(path.join(root, "lib/server/main.ts"));
