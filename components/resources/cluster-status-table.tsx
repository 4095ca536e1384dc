import type { ResourceBinding, Work } from "../../lib/kube/karmada";
import { StatusBadge } from "../resource/status-badge";
import { EmptyState } from "../ui/states";
import { memberStatusSummary } from "../../lib/console/resources/member-status-summary";

/**
 * Per-cluster status of a template: the scheduler's replicas, the binding's aggregatedStatus
 * (applied, health, the member's reflected status) and the Work's Applied condition.
 */
export function ClusterStatusTable({ binding, works }: { binding?: ResourceBinding; works: Work[] }) {
  const targets = binding?.spec.clusters ?? [];
  if (!targets.length) return <EmptyState title="Not scheduled to any cluster yet" />;
  const items = binding?.status?.aggregatedStatus ?? [];
  return (
    <table aria-label="Status per cluster" className="w-full text-left text-sm">
      <thead className="text-xs uppercase text-slate-500 dark:text-slate-400">
        <tr>
          <th className="py-2 pr-4 font-medium">Cluster</th>
          <th className="py-2 pr-4 font-medium">Replicas</th>
          <th className="py-2 pr-4 font-medium">Applied</th>
          <th className="py-2 pr-4 font-medium">Health</th>
          <th className="py-2 font-medium">Member status</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {targets.map((t) => {
          const item = items.find((i) => i.clusterName === t.name);
          const work = works.find((w) => w.metadata.namespace === `karmada-es-${t.name}`);
          const applied = work?.status?.conditions?.find((c) => c.type === "Applied");
          return (
            <tr key={t.name}>
              <td className="py-2 pr-4 font-medium">{t.name}</td>
              <td className="py-2 pr-4">{t.replicas ?? "—"}</td>
              <td className="py-2 pr-4">{applied ? <StatusBadge condition={applied} /> : <StatusBadge text={item?.applied ? "Applied" : "Pending"} tone={item?.applied ? "success" : "neutral"} />}</td>
              <td className="py-2 pr-4">
                <StatusBadge text={item?.health ?? "Unknown"} tone={item?.health === "Healthy" ? "success" : item?.health === "Unhealthy" ? "danger" : "neutral"} />
              </td>
              <td className="py-2 text-slate-600 dark:text-slate-300">
                {item?.status ? (
                  // The summary reads at a glance; the member's own fields stay one click away.
                  <details>
                    <summary className="cursor-pointer">{memberStatusSummary(item.status)}</summary>
                    <pre className="mt-1 max-w-xl overflow-x-auto whitespace-pre-wrap break-all font-mono text-xs">{JSON.stringify(item.status, null, 2)}</pre>
                  </details>
                ) : (
                  <span className="break-words">{item?.appliedMessage ?? "—"}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
