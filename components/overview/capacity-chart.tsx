import type { ClusterCapacity } from "../../lib/console/overview-types";
import { EmptyState } from "../ui/states";
import { CapacityBar } from "./capacity-bars";

/** Capacity per cluster: CPU, memory and pods, allocated against allocatable, one row per cluster. */
export function CapacityChart({ capacity }: { capacity: readonly ClusterCapacity[] }) {
  if (!capacity.length) return <EmptyState title="No clusters report capacity yet" />;
  return (
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
  );
}
