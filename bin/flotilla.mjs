#!/usr/bin/env node
// flotilla <command>: the package's CLI. `agent` runs the Pull-mode agent beside a member cluster.
import { register } from "tsx/esm/api";

const [command, ...args] = process.argv.slice(2);

if (command === "agent") {
  // The agent is TypeScript like the rest of lib/; tsx compiles it on the fly.
  register();
  const { runAgentCli } = await import("../lib/agent/main.ts");
  process.exit(await runAgentCli(args));
} else {
  process.stderr.write(
    `Usage: flotilla agent --control-plane <url> --token <bootstrap token> --cluster-name <name> --kubeconfig <member kubeconfig>\n` +
      `       (run "npm start" for the console and control plane)\n`,
  );
  process.exit(command === undefined || command === "help" || command === "--help" ? 0 : 2);
}
