import { pathToFileURL } from "node:url";
import type { ScaleBenchOptions } from "./registration";

/**
 * Lets a scenario file run on its own (`npx tsx bench/scale/scenario-m.ts [--quick]`): when the
 * module is the process entry, run it, print its figures as JSON and exit (the store's wasm
 * engine leaves a timer armed, so the process would otherwise linger).
 */
export function runAsScript(moduleUrl: string, run: (opts: ScaleBenchOptions) => Promise<unknown>): void {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? "").href) return;
  run({ quick: process.argv.includes("--quick"), progress: (m) => process.stderr.write(m + "\n") }).then(
    (r) => {
      console.log(JSON.stringify(r, null, 2));
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
