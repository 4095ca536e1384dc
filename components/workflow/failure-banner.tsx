import type { Topology } from "../../lib/kube/topology";
import { NODE_TYPE_TITLE } from "./phase-tone";
import { nodeTitle } from "./workflow-graph";

/** "Why didn't it propagate": the first failing step, its reason and message, or a reassuring line. */
export function FailureBanner({ topology, onSelect }: { topology: Topology; onSelect: (id: string) => void }) {
  const failure = topology.firstFailure;
  const progressing = topology.nodes.some((n) => n.state.phase === "Progressing");
  if (!failure) {
    return (
      <div role="status" className="rounded-xl border border-slate-200 p-3 text-sm dark:border-slate-800">
        {progressing ? "Propagating… some steps are still in progress." : "Every step is healthy."}
      </div>
    );
  }
  const node = topology.nodes.find((n) => n.id === failure.nodeId);
  return (
    <div role="alert" aria-label="First failing step" className="rounded-xl border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100">
      <p className="font-medium">
        Stopped at {node ? `${NODE_TYPE_TITLE[node.type]} ${nodeTitle(node)}` : failure.nodeId}: {failure.reason}
      </p>
      <p>{failure.message}</p>
      <button type="button" className="mt-1 underline" onClick={() => onSelect(failure.nodeId)}>
        Show this step
      </button>
    </div>
  );
}
