import Link from "next/link";
import type { ClusterRow } from "../../lib/console/cluster-list";
import { Age } from "../resource/age";
import { StatusBadge } from "../resource/status-badge";
import { CapacityBar } from "../overview/capacity-bars";
import { Badge } from "../ui/badge";

/** The clusters list table: one row per ClusterRow, name linking to the detail page. */
export function ClusterTable({ rows }: { rows: readonly ClusterRow[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table aria-label="Clusters" className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase text-slate-500 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
          <tr>
            {["Name", "Status", "Version", "Mode", "Location", "Nodes", "Capacity", "Age"].map((h) => (
              <th key={h} scope="col" className="px-4 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((r) => (
            <tr key={r.name} aria-label={`Cluster ${r.name}`} className="align-top hover:bg-slate-50 dark:hover:bg-slate-800/50">
              <td className="px-4 py-2 font-medium">
                <Link href={`/clusters/${encodeURIComponent(r.name)}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                  {r.name}
                </Link>
                {r.sandbox && <Badge className="ml-2" title="A simulated member cluster run by Flotilla">sandbox</Badge>}
                {r.deleting && <Badge className="ml-2" tone="info">Terminating</Badge>}
              </td>
              <td className="px-4 py-2">
                <StatusBadge text={r.health} title={[r.reason, r.message].filter(Boolean).join(": ") || undefined} />
                {r.health !== "Ready" && r.reason && <p className="mt-1 max-w-xs text-xs text-slate-500">{r.reason}</p>}
              </td>
              <td className="px-4 py-2 font-mono text-xs">{r.kubernetesVersion ?? "—"}</td>
              <td className="px-4 py-2">{r.syncMode}</td>
              <td className="px-4 py-2 text-xs">
                {[r.provider, r.region, r.zones.join(", ")].filter(Boolean).join(" · ") || "—"}
              </td>
              <td className="px-4 py-2 tabular-nums" aria-label={`${r.nodes.ready} of ${r.nodes.total} nodes ready`}>
                {r.nodes.ready}/{r.nodes.total}
              </td>
              <td className="w-56 px-4 py-2">
                <div className="space-y-1">
                  <CapacityBar kind="cpu" pair={r.capacity.cpu} />
                  <CapacityBar kind="memory" pair={r.capacity.memory} />
                  <CapacityBar kind="pods" pair={r.capacity.pods} />
                </div>
              </td>
              <td className="whitespace-nowrap px-4 py-2 text-slate-500">
                <Age timestamp={r.creationTimestamp} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
