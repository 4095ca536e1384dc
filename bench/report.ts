/** One figure of a benchmark, with its target and Karmada's published number where one exists. */
export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  /** e.g. "< 250" or ">= 2000": the target from the issue. */
  target?: string;
  /** Karmada's published figure in the same unit, for the ratio column. */
  karmada?: number;
  /** "lower" when smaller is better (latencies, memory), "higher" for throughput. */
  better?: "lower" | "higher";
  note?: string;
}

export interface BenchReport {
  machine: string;
  date: string;
  quick: boolean;
  store: string;
  sections: { name: string; seconds: number; rows: BenchRow[]; error?: string }[];
}

export function meetsTarget(row: BenchRow): boolean | undefined {
  if (!row.target) return undefined;
  const m = /^(<=|>=|<|>)\s*([\d.]+)/.exec(row.target);
  if (!m) return undefined;
  const t = Number(m[2]);
  switch (m[1]) {
    case "<":
      return row.value < t;
    case "<=":
      return row.value <= t;
    case ">":
      return row.value > t;
    default:
      return row.value >= t;
  }
}

/** Ratio to Karmada, phrased so that > 1 always means "Flotilla is better by this factor". */
export function karmadaRatio(row: BenchRow): string {
  if (row.karmada === undefined || row.value === 0) return "";
  const r = row.better === "higher" ? row.value / row.karmada : row.karmada / row.value;
  return `${r.toFixed(1)}×`;
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v >= 100 ? v.toFixed(0) : v.toFixed(2);
}

function lines(report: BenchReport): string[][] {
  const out: string[][] = [];
  for (const s of report.sections) {
    if (s.error) out.push([s.name, "error", "", "", "", s.error]);
    for (const r of s.rows) {
      const ok = meetsTarget(r);
      out.push([s.name, r.metric, `${fmt(r.value)} ${r.unit}`, r.target ?? "", ok === undefined ? "" : ok ? "met" : "MISSED", [karmadaRatio(r) && `${karmadaRatio(r)} vs Karmada`, r.note].filter(Boolean).join("; ")]);
    }
  }
  return out;
}

const HEAD = ["section", "metric", "value", "target", "status", "notes"];

export function renderTable(report: BenchReport): string {
  const rows = [HEAD, ...lines(report)];
  const widths = HEAD.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return [`Flotilla bench — ${report.machine} — store: ${report.store}${report.quick ? " (quick)" : ""}`, ...rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join("  "))].join("\n");
}

export function renderMarkdown(report: BenchReport): string {
  const rows = lines(report).map((r) => `| ${r.join(" | ")} |`);
  return [`# Flotilla bench results`, ``, `Machine: ${report.machine}. Date: ${report.date}. Store: ${report.store}.${report.quick ? " Quick mode." : ""}`, ``, `| ${HEAD.join(" | ")} |`, `|${HEAD.map(() => " --- ").join("|")}|`, ...rows, ``].join("\n");
}
