import Link from "next/link";
import type { ClusterCapacity } from "../../lib/console/overview-types";
import { EmptyState } from "../ui/states";
import { CapacityBar } from "./capacity-bars";

/**
 * Capacity per cluster: CPU, memory and pods, allocated against allocatable, one row per
 * cluster, the fullest first. The server sends a bounded number; `total` says how many exist.
 */
export function CapacityChart({ capacity, total = capacity.length }: { capacity: readonly ClusterCapacity[]; total?: number }) {
  if (!capacity.length) return <EmptyState title="No clusters report capacity yet" />;
  return (
    <>
      {total > capacity.length && (
        <p className="mb-3 text-sm text-slate-500 dark:text-slate-400">
          The {capacity.length} fullest of {total} clusters.{" "}
          <Link href="/clusters" className="text-indigo-700 underline dark:text-indigo-300">
            All clusters
          </Link>
        </p>
      )}
      <ul aria-label="Capacity per cluster" className="max-h-[28rem] space-y-4 overflow-y-auto pr-1">
        {capacity.map((c) => (
          <li key={c.name} aria-label={`Capacity of ${c.name}`}>
            <p className="mb-1 text-sm font-medium">{c.name}</p>
            <div className="space-y-1">
              <CapacityBar kind="cpu" pair={c.cpu} />
              <CapacityBar kind="memory" pair={c.memory} />
              <CapacityBar kind="pods" pair={c.pods} />
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
