import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** A V8 .cpuprofile (what `node --cpu-prof` writes), as far as the summary reads it. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  where: string;
  selfMs: number;
  totalMs: number;
}

/**
 * Self and total time per function (total counts a function once per sample, however deep it
 * recurses), sorted by self time: where the CPU went. Pure, for `profile-summary.ts <file>`.
 */
export function summarizeProfile(p: CpuProfile, root = process.cwd()): ProfileLine[] {
  const parent = new Map<number, number>();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id: number) => {
    const f = byId.get(id)!.callFrame;
    const file = f.url ? path.relative(root, f.url.replace(/^file:\/\//, "")) : "";
    return `${f.functionName || "(anonymous)"} ${file}${file ? `:${f.lineNumber + 1}` : ""}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const ms = (p.timeDeltas[i] ?? 0) / 1000;
    self.set(label(id), (self.get(label(id)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(cur);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + ms);
    }
  });
  return [...total.keys()].map((where) => ({ where, selfMs: Math.round(self.get(where) ?? 0), totalMs: Math.round(total.get(where)!) })).sort((a, b) => b.selfMs - a.selfMs);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [file, mode = "self", n = "30"] = process.argv.slice(2);
  void readFile(file, "utf8").then((text) => {
    const lines = summarizeProfile(JSON.parse(text) as CpuProfile);
    if (mode === "total") lines.sort((a, b) => b.totalMs - a.totalMs);
    for (const l of lines.slice(0, Number(n))) console.log(`${String(l.selfMs).padStart(8)} ${String(l.totalMs).padStart(8)}  ${l.where}`);
  });
}
