import type { TimelineEntry } from "../../lib/console/workflow/timeline";
import { Age } from "../resource/age";
import { Badge } from "../ui/badge";
import { EmptyState } from "../ui/states";

/** The resource's propagation events, oldest first, each with the object it concerns. */
export function PropagationTimeline({ entries, onSelect }: { entries: readonly TimelineEntry[]; onSelect?: (nodeId: string) => void }) {
  if (!entries.length) return <EmptyState title="No propagation events yet" />;
  return (
    <ol aria-label="Propagation timeline" className="space-y-3 border-l border-slate-200 pl-4 dark:border-slate-800">
      {entries.map((e, i) => (
        <li key={i} className="text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={e.type === "Warning" ? "warning" : "neutral"}>{e.type}</Badge>
            <span className="font-medium">{e.reason}</span>
            {e.count > 1 && <span className="text-xs text-slate-500">×{e.count}</span>}
            <span className="text-xs text-slate-500">
              <Age timestamp={e.time} />
            </span>
          </div>
          <p className="text-slate-600 dark:text-slate-300">{e.message}</p>
          {e.nodeId && onSelect ? (
            <button type="button" className="text-xs text-indigo-700 underline dark:text-indigo-300" onClick={() => onSelect(e.nodeId!)}>
              {e.object.kind} {e.object.name}
            </button>
          ) : (
            <span className="text-xs text-slate-500">
              {e.object.kind} {e.object.name}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
