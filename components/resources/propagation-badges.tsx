import type { PropagationState, PropagationSummary } from "../../lib/console/resources/propagation-summary";
import { Badge, type Tone } from "../ui/badge";

const STATE_TONE: Record<PropagationState, Tone> = {
  NotPropagated: "neutral",
  Pending: "info",
  Scheduling: "info",
  Unschedulable: "danger",
  Applying: "info",
  Applied: "success",
  Failed: "danger",
  Deleting: "warning",
};

/** Text of a propagation state as people read it. */
export const STATE_TEXT: Record<PropagationState, string> = {
  NotPropagated: "Not propagated",
  Pending: "Pending",
  Scheduling: "Scheduling",
  Unschedulable: "Unschedulable",
  Applying: "Applying",
  Applied: "Applied",
  Failed: "Failed",
  Deleting: "Deleting",
};

/** The overall state of a template, with the reason as a tooltip. */
export function PropagationStateBadge({ summary }: { summary: PropagationSummary }) {
  return (
    <Badge tone={STATE_TONE[summary.state]} title={summary.message ?? summary.reason}>
      {STATE_TEXT[summary.state]}
    </Badge>
  );
}

/** One badge per target cluster: applied and healthy, applying, or failed with its message. */
export function ClusterBadges({ summary }: { summary: PropagationSummary }) {
  if (!summary.clusters.length) return <span className="text-slate-400">—</span>;
  return (
    <ul aria-label="Clusters" className="flex flex-wrap gap-1">
      {summary.clusters.map((c) => {
        const tone: Tone = c.applied === false && c.message ? "danger" : c.applied ? (c.health === "Unhealthy" ? "warning" : "success") : "info";
        const text = c.applied === false && c.message ? "failed" : c.applied ? (c.health ?? "applied").toLowerCase() : "pending";
        return (
          <li key={c.name}>
            <Badge tone={tone} title={c.message}>
              {c.name}
              {c.replicas !== undefined ? ` ×${c.replicas}` : ""}: {text}
            </Badge>
          </li>
        );
      })}
    </ul>
  );
}
