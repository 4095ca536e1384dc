import Link from "next/link";
import type { OverviewSummary } from "../../lib/console/overview-types";
import { Badge } from "../ui/badge";
import { Card } from "../ui/card";
import { EmptyState } from "../ui/states";
import { StatusBadge } from "../resource/status-badge";

const ORDER = ["Ready", "NotReady", "Unknown"] as const;

/** Clusters by health: a segmented bar with counts, then the clusters (unhealthy first, bounded) with the reason when not Ready. */
export function ClusterHealthCard({ clusters }: { clusters: OverviewSummary["clusters"] }) {
  const { total, byHealth, items } = clusters;
  return (
    <Card title="Clusters by health">
      {total === 0 ? (
        <EmptyState title="No clusters registered">
          <Link href="/clusters/register" className="text-indigo-700 underline dark:text-indigo-300">
            Register a cluster
          </Link>
        </EmptyState>
      ) : (
        <>
          <svg aria-hidden="true" viewBox="0 0 100 6" preserveAspectRatio="none" className="mb-3 h-3 w-full overflow-hidden rounded">
            {segments(byHealth, total).map((s) => (
              <rect key={s.health} x={s.x} width={s.width} height="6" className={s.fill} />
            ))}
          </svg>
          <dl className="mb-4 flex gap-4 text-sm" aria-label="Cluster health counts">
            {ORDER.map((h) => (
              <div key={h} className="flex items-center gap-2">
                <dt>
                  <StatusBadge text={h} />
                </dt>
                <dd className="font-semibold tabular-nums" aria-label={`${h} clusters`}>
                  {byHealth[h]}
                </dd>
              </div>
            ))}
          </dl>
          <ul aria-label="Cluster health" className="max-h-72 divide-y divide-slate-100 overflow-y-auto text-sm dark:divide-slate-800">
            {items.map((c) => (
              <li key={c.name} aria-label={`Cluster ${c.name}`} className="flex items-start gap-3 py-2">
                <StatusBadge text={c.health} title={c.reason} />
                <div className="min-w-0 flex-1">
                  <Link href={`/clusters/${encodeURIComponent(c.name)}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                    {c.name}
                  </Link>
                  {c.sandbox && <Badge className="ml-2">sandbox</Badge>}
                  {c.health !== "Ready" && (
                    <p className="text-xs text-slate-600 dark:text-slate-300">
                      {c.reason}
                      {c.message ? `: ${c.message}` : ""}
                    </p>
                  )}
                </div>
              </li>
            ))}
          </ul>
          {total > items.length && (
            <p className="mt-2 text-sm">
              <Link href="/clusters" className="text-indigo-700 underline dark:text-indigo-300">
                All {total} clusters
              </Link>{" "}
              <span className="text-slate-500 dark:text-slate-400">(the {items.length} listed here put unhealthy clusters first)</span>
            </p>
          )}
        </>
      )}
    </Card>
  );
}

function segments(byHealth: Record<(typeof ORDER)[number], number>, total: number) {
  const fills = { Ready: "fill-emerald-500", NotReady: "fill-rose-500", Unknown: "fill-amber-500" };
  let x = 0;
  return ORDER.map((h) => {
    const width = (byHealth[h] / total) * 100;
    const s = { health: h, x, width, fill: fills[h] };
    x += width;
    return s;
  });
}
