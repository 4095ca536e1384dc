"use client";

import { useQuery } from "@tanstack/react-query";
import { queries } from "../../lib/kube/queries";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";

/** One stored sample of GET /api/v1/clusters/{name}/health (lib/clusters HealthPoint). */
export interface HealthPoint {
  time: string;
  ready: boolean;
  cpuAllocatable: number;
  cpuAllocated: number;
  podsAllocatable: number;
  podsAllocated: number;
}

/** Ready/NotReady spans from samples: consecutive samples with the same state merge. */
export function readinessSpans(samples: readonly HealthPoint[]): { from: string; to: string; ready: boolean }[] {
  const spans: { from: string; to: string; ready: boolean }[] = [];
  for (const s of samples) {
    const last = spans[spans.length - 1];
    if (last && last.ready === s.ready) last.to = s.time;
    else {
      if (last) last.to = s.time;
      spans.push({ from: s.time, to: s.time, ready: s.ready });
    }
  }
  return spans;
}

/**
 * The last hour of stored health: a Ready/NotReady strip and the CPU allocation line, as SVG.
 * The strip's spans are also listed as text for screen readers.
 */
export function HealthHistoryChart({ cluster }: { cluster: string }) {
  const q = useQuery(queries.rest<{ from: string; to: string; samples: HealthPoint[] }>(`clusters/${encodeURIComponent(cluster)}/health`));
  if (q.isPending) return <LoadingState label="Loading health history…" />;
  if (q.isError) return <ErrorState error={q.error} title="Health history is not available" onRetry={() => q.refetch()} />;
  const { samples, from, to } = q.data;
  if (!samples.length) return <EmptyState title="No health samples stored yet" />;
  const t0 = Date.parse(from);
  const span = Math.max(1, Date.parse(to) - t0);
  const x = (t: string) => ((Date.parse(t) - t0) / span) * 100;
  const spans = readinessSpans(samples);
  const maxCpu = Math.max(...samples.map((s) => s.cpuAllocatable), 1);
  const line = samples.map((s) => `${x(s.time).toFixed(2)},${(40 - (s.cpuAllocated / maxCpu) * 38).toFixed(2)}`).join(" ");
  const notReady = spans.filter((s) => !s.ready).length;
  return (
    <figure aria-label={`Health history of ${cluster}`}>
      <svg aria-hidden="true" viewBox="0 0 100 52" preserveAspectRatio="none" className="h-32 w-full">
        {spans.map((s) => (
          <rect key={s.from} x={x(s.from)} y="44" width={Math.max(0.5, x(s.to) - x(s.from))} height="8" className={s.ready ? "fill-emerald-500" : "fill-rose-500"} />
        ))}
        <polyline points={line} fill="none" strokeWidth="0.6" className="stroke-indigo-500" vectorEffect="non-scaling-stroke" />
      </svg>
      <figcaption className="mt-2 text-xs text-slate-500">
        Last hour: {samples.length} samples, {notReady === 0 ? "Ready throughout" : `${notReady} NotReady period(s)`}. Line: CPU allocated (of {maxCpu} cores); strip: green Ready, red NotReady.
      </figcaption>
    </figure>
  );
}
