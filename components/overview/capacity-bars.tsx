import type { CapacityPair } from "../../lib/console/overview-types";

/** Human units: cores with up to one decimal, bytes in Gi/Mi, pods as integers. */
export function formatAmount(kind: "cpu" | "memory" | "pods", v: number): string {
  if (kind === "memory") {
    if (v >= 2 ** 30) return `${(v / 2 ** 30).toFixed(v >= 10 * 2 ** 30 ? 0 : 1)}Gi`;
    return `${Math.round(v / 2 ** 20)}Mi`;
  }
  if (kind === "cpu") return Number.isInteger(v) ? String(v) : v.toFixed(1);
  return String(Math.round(v));
}

/** Fraction allocated (0..1); 0 when nothing is allocatable (unknown capacity is not "full"). */
export function utilisation(p: CapacityPair): number {
  return p.allocatable > 0 ? Math.min(1, p.allocated / p.allocatable) : 0;
}

const LABELS = { cpu: "CPU", memory: "Memory", pods: "Pods" } as const;

/**
 * One capacity bar as SVG: allocated against allocatable, with the numbers as text beside it
 * and a meter role (screen readers read "CPU 1.5 of 8 cores allocated").
 */
export function CapacityBar({ kind, pair, compact = false }: { kind: "cpu" | "memory" | "pods"; pair: CapacityPair; compact?: boolean }) {
  const u = utilisation(pair);
  const fill = u >= 0.9 ? "fill-rose-500" : u >= 0.7 ? "fill-amber-500" : "fill-emerald-500";
  const text = `${formatAmount(kind, pair.allocated)} / ${formatAmount(kind, pair.allocatable)}`;
  return (
    <div
      role="meter"
      aria-label={`${LABELS[kind]} allocated`}
      aria-valuemin={0}
      aria-valuemax={pair.allocatable}
      aria-valuenow={pair.allocated}
      aria-valuetext={`${text} (${Math.round(u * 100)}%)`}
      className="flex items-center gap-2 text-xs"
    >
      {!compact && <span className="w-14 shrink-0 text-slate-500 dark:text-slate-400">{LABELS[kind]}</span>}
      <svg aria-hidden="true" viewBox="0 0 100 8" preserveAspectRatio="none" className="h-2 w-full min-w-16 rounded bg-slate-200 dark:bg-slate-800">
        <rect x="0" y="0" height="8" width={u * 100} className={fill} rx="1" />
      </svg>
      <span className="w-28 shrink-0 text-right tabular-nums text-slate-600 dark:text-slate-300">{compact ? `${Math.round(u * 100)}%` : text}</span>
    </div>
  );
}
