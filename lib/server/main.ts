import http from "node:http";
import path from "node:path";
import next from "next";
import { loadConfig } from "./config";
import { createLogger } from "./logger";
import { startControlPlane } from "./control-plane";

/**
 * The process entry of `npm start`: the control plane first (store, kube API on HTTPS,
 * controllers, sandboxes), then the Next.js console on PORT in the same process. Route
 * handlers reach the control plane through lib/server/handle.ts.
 */
async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel, { component: "flotilla" });
  const cp = await startControlPlane(config, log);

  const dev = process.argv.includes("--dev");
  const app = next({ dev, dir: path.resolve(import.meta.dirname, "../..") });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, () => resolve());
  });
  log.info("console listening", { url: `http://localhost:${config.port}` });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    server.close();
    server.closeAllConnections();
    await cp.stop().catch((e) => log.error("stop failed", { error: e }));
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((err) => {
  console.error(JSON.stringify({ level: "error", msg: "Flotilla failed to start", error: err instanceof Error ? err.message : String(err) }));
  process.exit(1);
});
