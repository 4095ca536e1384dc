import Link from "next/link";
import type { OverviewSummary } from "../../lib/console/overview-types";
import { Card } from "../ui/card";
import { EmptyState } from "../ui/states";
import { StatusBadge } from "../resource/status-badge";

/** Propagation health: fully applied vs failing vs progressing, and each failing resource with its first failing step. */
export function PropagationCard({ propagation }: { propagation: OverviewSummary["propagation"] }) {
  const { total, fullyApplied, failing, progressing, failingItems } = propagation;
  return (
    <Card title="Propagation health">
      {total === 0 ? (
        <EmptyState title="Nothing is propagated yet">Create a PropagationPolicy that selects a resource.</EmptyState>
      ) : (
        <>
          <dl className="mb-4 grid grid-cols-3 gap-3 text-center" aria-label="Propagation counts">
            <Stat label="Fully applied" value={fullyApplied} tone="Ready" />
            <Stat label="Failing" value={failing} tone="Failed" />
            <Stat label="Progressing" value={progressing} tone="Progressing" />
          </dl>
          {failingItems.length > 0 && (
            <ul aria-label="Failing propagations" className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
              {failingItems.map((f) => (
                <li key={`${f.bindingKind}/${f.bindingNamespace}/${f.bindingName}`} className="py-2">
                  <Link href={f.href} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                    {f.resource.kind} {f.resource.namespace ? `${f.resource.namespace}/` : ""}
                    {f.resource.name}
                  </Link>
                  <p className="text-xs text-slate-600 dark:text-slate-300">
                    <span className="font-medium">{f.reason}</span>: {f.message}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {failing > failingItems.length && <p className="mt-2 text-xs text-slate-500">and {failing - failingItems.length} more failing</p>}
        </>
      )}
    </Card>
  );
}

function Stat({ label, value, tone }: { label: string; value: number; tone: string }) {
  return (
    <div className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <dd className="text-2xl font-semibold tabular-nums" aria-label={label}>
        {value}
      </dd>
      <dt className="mt-1">
        <StatusBadge text={label} tone={tone === "Ready" ? "success" : tone === "Failed" ? "danger" : "info"} />
      </dt>
    </div>
  );
}
