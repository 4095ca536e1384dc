import { loadConfig } from "../../lib/server/config";
import { startControlPlane } from "../../lib/server/control-plane";
import { createLogger } from "../../lib/server/logger";
import { startMiniConsole } from "./harness";

/**
 * The control plane plus the console's agent-facing routes (tests/agent/harness.ts) alone in a
 * process, configured from the environment like `npm start`, so that a test can SIGKILL it
 * under a running agent and start it again on the same data dir, database and ports.
 * Prints `READY <kubeUrl>` on stdout once both listen.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel, { component: "flotilla" }, (l) => process.stderr.write(l + "\n"));
  await startMiniConsole(config.port);
  const cp = await startControlPlane(config, log);
  process.stdout.write(`READY ${String(cp.services.kubeUrl)}\n`);
}

main().catch((err) => {
  process.stderr.write(`control plane failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
