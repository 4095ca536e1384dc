import { createLogger, type LogLevel } from "../server/logger";
import { AgentRefusedError, startAgent } from "./agent";
import { parseAgentOptions } from "./options";

/** Exit codes of `flotilla agent`: the supervisor restarts on anything but USAGE and REFUSED. */
export const EXIT = { OK: 0, FAILED: 1, USAGE: 2, REFUSED: 3 } as const;

/**
 * `flotilla agent ...`: parses flags and environment, runs the agent until SIGTERM/SIGINT
 * (exit 0) or until the control plane refuses it (exit 3, with the reason on stderr).
 */
export async function runAgentCli(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  let opts;
  try {
    opts = parseAgentOptions(argv, env);
  } catch (err) {
    process.stderr.write(`flotilla agent: ${(err as Error).message}\n`);
    return EXIT.USAGE;
  }
  const log = createLogger((env.FLOTILLA_LOG_LEVEL as LogLevel) || "info", { component: "flotilla-agent" });
  let agent;
  try {
    agent = await startAgent({ ...opts, log });
  } catch (err) {
    process.stderr.write(`flotilla agent: ${(err as Error).message}\n`);
    return err instanceof AgentRefusedError ? EXIT.REFUSED : EXIT.FAILED;
  }
  const onSignal = () => void agent.stop();
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
  const exit = await agent.done;
  process.off("SIGTERM", onSignal);
  process.off("SIGINT", onSignal);
  if (exit.reason === "refused") {
    process.stderr.write(`flotilla agent: ${exit.message}\n`);
    return EXIT.REFUSED;
  }
  return EXIT.OK;
}
