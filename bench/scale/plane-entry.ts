import { loadConfig } from "../../lib/server/config";
import { startControlPlane } from "../../lib/server/control-plane";
import { createLogger } from "../../lib/server/logger";
import type { Manager } from "../../lib/controllers/runtime/manager";
import { openPgliteThreads } from "../../lib/store/pglite-worker/pglite-thread";
import type { PgliteMemory } from "../../lib/store/pglite-worker/protocol";

/**
 * The control plane alone in a process for the scale benchmarks and the replica test: no
 * console, no Next.js, configured from the environment like `npm start` (run it with
 * FLOTILLA_SANDBOXES="" so every member lives in a sandbox host process and this process's
 * memory is the control plane's). Prints `READY <kubeUrl>` once it serves, then `LEADER true`
 * / `LEADER false` whenever it starts or stops running the controllers, and every
 * FLOTILLA_BENCH_METRICS_MS (default 500) `METRICS <json>`: per controller its reconcile count
 * and queue (depth, processing, delayed), which the catch-up measurement reads, and
 * `MEMORY <json>` (process.memoryUsage(): where the RSS goes, JS heap or outside it).
 * SIGTERM stops it cleanly.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel, { component: "flotilla" }, (l) => process.stderr.write(l + "\n"));
  const cp = await startControlPlane(config, log);
  process.stdout.write(`READY ${String(cp.services.kubeUrl)}\n`);
  const manager = cp.services.manager as Manager;
  let leading: boolean | undefined;
  const report = () => {
    if (manager.isRunning === leading) return;
    leading = manager.isRunning;
    process.stdout.write(`LEADER ${leading}\n`);
  };
  report();
  setInterval(report, 100).unref();
  // The embedded store's thread, asked every few seconds: its WASM memory and heap are part of
  // the RSS outside the main thread's heap.
  let store: PgliteMemory | undefined;
  setInterval(() => {
    const [thread] = openPgliteThreads;
    thread?.memory().then((m) => (store = m), () => {});
  }, 2000).unref();
  const metrics = () => {
    const all = manager.metrics().map((m) => ({ name: m.name, reconciles: m.reconciles, errors: m.errors, depth: m.queue.depth, processing: m.queue.processing, delayed: m.queue.delayed }));
    if (all.length) process.stdout.write(`METRICS ${JSON.stringify(all)}\n`);
    const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
    process.stdout.write(`MEMORY ${JSON.stringify({ rss, heapUsed, external, arrayBuffers, store })}\n`);
  };
  setInterval(metrics, Number(process.env.FLOTILLA_BENCH_METRICS_MS || 500)).unref();
  // SIGWINCH (harmless, unused here): a full GC, then `LIVE_MEMORY <json>`: the heap that is
  // really held, not heapUsed with whatever garbage the last GC left (needs --expose-gc).
  process.on("SIGWINCH", () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) return;
    gc();
    const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
    process.stdout.write(`LIVE_MEMORY ${JSON.stringify({ rss, heapUsed, external, arrayBuffers })}\n`);
  });
  process.on("SIGTERM", () => {
    void cp.stop().finally(() => process.exit(0));
  });
}

main().catch((err) => {
  process.stderr.write(`control plane failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
