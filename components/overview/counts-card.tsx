import Link from "next/link";
import type { OverviewSummary } from "../../lib/console/overview-types";
import { Card } from "../ui/card";

/** Object counts with links to their list pages. */
export function CountsCard({ counts }: { counts: OverviewSummary["counts"] }) {
  const rows: { label: string; value: number; href: string }[] = [
    { label: "Resources", value: counts.resources, href: "/resources" },
    { label: "Propagation policies", value: counts.propagationPolicies + counts.clusterPropagationPolicies, href: "/policies" },
    { label: "Override policies", value: counts.overridePolicies + counts.clusterOverridePolicies, href: "/policies" },
    { label: "Bindings", value: counts.resourceBindings + counts.clusterResourceBindings, href: "/resources" },
    { label: "Works", value: counts.works, href: "/resources" },
  ];
  return (
    <Card title="Objects">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {rows.map((r) => (
          <div key={r.label} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
            <dt className="text-xs text-slate-500 dark:text-slate-400">
              <Link href={r.href} className="hover:underline">
                {r.label}
              </Link>
            </dt>
            <dd className="text-2xl font-semibold tabular-nums" aria-label={`${r.label} count`}>
              {r.value}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
