import type { Condition } from "../../lib/kube/types";
import { EmptyState } from "../ui/states";
import { Age } from "./age";
import { StatusBadge } from "./status-badge";

/** Every condition of an object with its reason and message: the "why" behind a status. */
export function ConditionList({ conditions, label = "Conditions" }: { conditions: readonly Condition[] | undefined; label?: string }) {
  if (!conditions?.length) return <EmptyState title="No conditions reported yet" />;
  return (
    <table aria-label={label} className="w-full text-left text-sm">
      <thead className="text-xs uppercase text-slate-500 dark:text-slate-400">
        <tr>
          <th className="py-2 pr-4 font-medium">Type</th>
          <th className="py-2 pr-4 font-medium">Status</th>
          <th className="py-2 pr-4 font-medium">Reason</th>
          <th className="py-2 pr-4 font-medium">Message</th>
          <th className="py-2 font-medium">Last transition</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {conditions.map((c) => (
          <tr key={c.type}>
            <td className="py-2 pr-4 font-medium">{c.type}</td>
            <td className="py-2 pr-4">
              <StatusBadge condition={c} />
            </td>
            <td className="py-2 pr-4">{c.reason}</td>
            <td className="py-2 pr-4 text-slate-600 dark:text-slate-300">{c.message}</td>
            <td className="py-2 text-slate-500">
              <Age timestamp={c.lastTransitionTime} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
