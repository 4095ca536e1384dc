#!/usr/bin/env node
// `npm test`: every suite, in order — unit; integration on the embedded store; the same
// integration suite on Postgres when DATABASE_URL or TEST_DATABASE_URL is set; Playwright e2e.
// Ends with one "N passed, N failed, N skipped" line over all suites.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = mkdtempSync(path.join(tmpdir(), "flotilla-test-"));
const pgUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
const only = process.env.FLOTILLA_TEST_ONLY?.split(",").map((s) => s.trim()); // e.g. "unit,integration"
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const durations = [];

function run(name, cmd, args, env, countFrom) {
  if (only && !only.some((o) => name.startsWith(o))) return;
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  durations.push(`${name} ${Math.round((Date.now() - started) / 1000)} s`);
  const counted = countFrom.call({ ok: r.status === 0 });
  if (counted) {
    totals.passed += counted.passed;
    totals.failed += counted.failed;
    totals.skipped += counted.skipped;
  }
  if (r.status !== 0 || !counted) failures.push(`${name} (exit ${r.status}${counted ? "" : ", no report"})`);
}

function vitestCounts(file) {
  return () => {
    if (!existsSync(file)) return null;
    const j = JSON.parse(readFileSync(file, "utf8"));
    return { passed: j.numPassedTests, failed: j.numFailedTests, skipped: j.numPendingTests + (j.numTodoTests ?? 0) };
  };
}

function vitest(name, project, env) {
  const file = path.join(out, `${name}.json`);
  run(name, "npx", ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`, "--passWithNoTests"], env, vitestCounts(file));
}

// Type checking of the whole tree (app, lib, tests) counts as one check.
run("typecheck", "npx", ["tsc", "--noEmit", "-p", "."], {}, function () {
  return this.ok ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
});

const { DATABASE_URL: _ignored, ...embeddedEnv } = process.env;
vitest("unit", "unit", {});
vitest("integration-embedded", "integration", { ...embeddedEnv, DATABASE_URL: "", FLOTILLA_TEST_STORE: "pglite" });
if (pgUrl) vitest("integration-postgres", "integration", { FLOTILLA_TEST_STORE: "postgres", TEST_DATABASE_URL: pgUrl });

// With Postgres, the e2e server gets a database of its own on that server, dropped afterwards.
let e2eDb;
const e2eWanted = !only || only.includes("e2e");
if (pgUrl && e2eWanted) e2eDb = await createDatabase(pgUrl, `flotilla_e2e_${process.pid}`);
// A fresh data dir per run, made here so it can be removed once Playwright has stopped the server.
const e2eDataDir = process.env.E2E_DATA_DIR || (e2eWanted ? mkdtempSync(path.join(tmpdir(), "flotilla-e2e-")) : "");
const pwFile = path.join(out, "playwright.json");
run("e2e", "npx", ["playwright", "test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwFile, E2E_DATABASE_URL: e2eDb?.url ?? "", E2E_DATA_DIR: e2eDataDir }, () => {
  if (!existsSync(pwFile)) return null;
  const s = JSON.parse(readFileSync(pwFile, "utf8")).stats;
  return { passed: s.expected, failed: s.unexpected + (s.flaky ?? 0) * 0, skipped: s.skipped };
});

if (e2eDb) await e2eDb.drop();
if (e2eDataDir && !process.env.E2E_DATA_DIR) rmSync(e2eDataDir, { recursive: true, force: true });

console.log("");
console.log(`durations: ${durations.join("; ")}`);
if (failures.length) console.log(`failed suites: ${failures.join("; ")}`);
console.log(`total: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
rmSync(out, { recursive: true, force: true });
process.exit(failures.length || totals.failed ? 1 : 0);

async function createDatabase(baseUrl, name) {
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = "/" + name;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await c.end();
    },
  };
}
