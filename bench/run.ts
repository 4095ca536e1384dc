/**
 * `npm run bench [-- --scenario <name>[,<name>...]] [--quick]`: Flotilla's benchmarks in one
 * command. Each section lives in its own file and returns flat figures; this runner shows a
 * progress bar, prints one table and writes JSON and Markdown under bench/results/.
 */
import os from "node:os";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { SECTIONS, type BenchSection } from "./sections";
import { renderMarkdown, renderTable, type BenchReport } from "./report";
import { ProgressBar } from "./progress";

function parseArgs(argv: string[]) {
  let scenarios: string[] | undefined;
  let quick = false;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--quick") quick = true;
    else if (a === "--scenario") scenarios = argv[++i]?.split(",");
    else if (a.startsWith("--scenario=")) scenarios = a.slice(11).split(",");
    // --out <name>: write bench/results/<name>.{json,md} instead of latest[-quick] (partial runs).
    else if (a === "--out") out = argv[++i];
    else if (a.startsWith("--out=")) out = a.slice(6);
    else if (a === "--help") {
      console.log(`usage: npm run bench -- [--scenario ${SECTIONS.map((s) => s.name).join("|")}[,...]] [--quick] [--out <name>]`);
      process.exit(0);
    }
  }
  return { scenarios, quick, out };
}

async function main() {
  const { scenarios, quick, out } = parseArgs(process.argv.slice(2));
  const chosen: BenchSection[] = scenarios ? SECTIONS.filter((s) => scenarios.includes(s.name)) : SECTIONS.filter((s) => s.default);
  if (scenarios && chosen.length !== scenarios.length) {
    const known = new Set(SECTIONS.map((s) => s.name));
    throw new Error(`unknown scenario(s): ${scenarios.filter((s) => !known.has(s)).join(", ")}`);
  }
  const report: BenchReport = {
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    date: new Date().toISOString(),
    quick,
    store: process.env.DATABASE_URL ? "postgres" : "embedded",
    sections: [],
  };
  const bar = new ProgressBar(chosen.length);
  for (const section of chosen) {
    bar.update(section.name);
    const started = Date.now();
    try {
      const rows = await section.run({ quick, progress: (msg) => bar.update(`${section.name}: ${msg}`) });
      report.sections.push({ name: section.name, seconds: (Date.now() - started) / 1000, rows });
    } catch (e) {
      report.sections.push({ name: section.name, seconds: (Date.now() - started) / 1000, rows: [], error: (e as Error).message });
    }
    bar.tick();
  }
  bar.done();
  console.log(renderTable(report));
  const dir = path.join(import.meta.dirname, "results");
  await mkdir(dir, { recursive: true });
  const stamp = out ?? (quick ? "latest-quick" : "latest");
  await writeFile(path.join(dir, `${stamp}.json`), JSON.stringify(report, null, 2) + "\n");
  await writeFile(path.join(dir, `${stamp}.md`), renderMarkdown(report));
  console.log(`results written to bench/results/${stamp}.{json,md}`);
  process.exit(report.sections.some((s) => s.error) ? 1 : 0);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
