import { loadConfig } from "../../lib/server/config";
import { startControlPlane } from "../../lib/server/control-plane";
import { createLogger } from "../../lib/server/logger";

/**
 * A control plane alone in its own process (no console), configured from the environment like
 * `npm start`: tests kill it with SIGKILL to check crash safety, benches measure its memory.
 * Prints one line `READY <kubeUrl>` on stdout once it serves; SIGTERM stops it cleanly.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel, { component: "flotilla" }, (l) => process.stderr.write(l + "\n"));
  const cp = await startControlPlane(config, log);
  process.stdout.write(`READY ${String(cp.services.kubeUrl)}\n`);
  process.on("SIGTERM", () => {
    void cp.stop().finally(() => process.exit(0));
  });
}

main().catch((err) => {
  process.stderr.write(`control plane failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
