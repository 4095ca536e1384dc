import type { KubeObject } from "../../kube/types";

/** core/v1 Event fields the timeline reads. */
export interface EventLike extends KubeObject {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string;
  eventTime?: string;
  firstTimestamp?: string;
  involvedObject?: { kind?: string; name?: string; namespace?: string };
}

/** One entry of a resource's propagation timeline. */
export interface TimelineEntry {
  time?: string;
  type: "Normal" | "Warning";
  reason: string;
  message: string;
  count: number;
  object: { kind: string; namespace?: string; name: string };
  /** The workflow node the event belongs to, so the graph can show it on selection. */
  nodeId?: string;
}

/** Identifies an involved object: "Kind/namespace/name". */
export function involvedKey(kind: string | undefined, namespace: string | undefined, name: string | undefined): string {
  return `${kind ?? ""}/${namespace ?? ""}/${name ?? ""}`;
}

/**
 * The propagation timeline: events of the template, its policy, binding and Works merged and
 * ordered oldest first (a story reads forwards), duplicates by uid dropped, each tagged with
 * its workflow node (`nodeIds` maps involvedKey → node id).
 */
export function buildTimeline(events: readonly EventLike[], nodeIds: ReadonlyMap<string, string>): TimelineEntry[] {
  const seen = new Set<string>();
  const out: TimelineEntry[] = [];
  for (const e of events) {
    const uid = e.metadata.uid ?? `${e.metadata.namespace}/${e.metadata.name}`;
    if (seen.has(uid)) continue;
    seen.add(uid);
    const io = e.involvedObject ?? {};
    out.push({
      time: e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata.creationTimestamp,
      type: e.type === "Warning" ? "Warning" : "Normal",
      reason: e.reason ?? "",
      message: e.message ?? "",
      count: e.count ?? 1,
      object: { kind: io.kind ?? "", namespace: io.namespace, name: io.name ?? "" },
      nodeId: nodeIds.get(involvedKey(io.kind, io.namespace, io.name)),
    });
  }
  return out.sort((a, b) => (a.time ?? "").localeCompare(b.time ?? ""));
}
