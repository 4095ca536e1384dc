import { defineConfig } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// The e2e suite runs the real product: `npm start` (build if needed) on its own ports and data dir,
// in Debian's Chromium (Playwright must not download browsers here).
const port = Number(process.env.E2E_PORT ?? 3107);
const kubePort = Number(process.env.E2E_KUBE_PORT ?? 6547);
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "flotilla-e2e-"));
process.env.E2E_DATA_DIR = dataDir;
export const E2E_ADMIN_PASSWORD = "e2e-admin-password";

export default defineConfig({
  testDir: "e2e",
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? "test-results/results.json" }]],
  outputDir: "test-results",
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: `http://localhost:${port}`,
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: {
    command: "node scripts/start.mjs",
    url: `http://localhost:${port}/readyz`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      FLOTILLA_KUBE_PORT: String(kubePort),
      FLOTILLA_DATA_DIR: dataDir,
      FLOTILLA_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      FLOTILLA_SANDBOXES: process.env.E2E_SANDBOXES ?? "member1,member2,member3",
      FLOTILLA_CLUSTER_STATUS_INTERVAL_MS: "2000",
      FLOTILLA_CLUSTER_GRACE_PERIOD_MS: "8000",
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
