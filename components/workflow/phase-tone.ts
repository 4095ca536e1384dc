import type { Tone } from "../ui/badge";
import type { NodePhase, TopologyNodeType } from "../../lib/kube/topology";

/** Colour family of a workflow step; always shown with the phase text. */
export function phaseTone(phase: NodePhase): Tone {
  switch (phase) {
    case "Ready":
      return "success";
    case "Progressing":
      return "info";
    case "Failed":
      return "danger";
    case "Missing":
      return "warning";
    default:
      return "neutral";
  }
}

/** Human title of a node type, in Karmada's vocabulary. */
export const NODE_TYPE_TITLE: Record<TopologyNodeType, string> = {
  ResourceTemplate: "Resource template",
  PropagationPolicy: "Propagation policy",
  OverridePolicy: "Override policy",
  ResourceBinding: "ResourceBinding",
  Work: "Work",
  MemberWorkload: "Member object",
};
