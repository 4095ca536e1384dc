import type { Cluster, ResourceBinding } from "../kube/karmada";
import type { Condition, KubeObject } from "../kube/types";
import { clusterCapacity, clusterHealth, isSandbox } from "./cluster-health";
import type { ClusterCapacity, ClusterHealth, ClusterHealthRow, FailingPropagation, OverviewSummary, WarningEvent } from "./overview-types";

/** What the loader reads from the store; summarizeOverview turns it into the wire shape. */
export interface OverviewInput {
  clusters: Cluster[];
  bindings: ResourceBinding[];
  counts: Omit<OverviewSummary["counts"], "resources" | "resourceBindings" | "clusterResourceBindings">;
  /** Warning events (any order). */
  warnings: KubeObject[];
  now: Date;
}

/** How many failing propagations the overview lists (the count covers all). */
export const MAX_FAILING = 20;
const MAX_WARNINGS = 10;

/** Pure aggregation behind GET /api/v1/overview. */
export function summarizeOverview(input: OverviewInput): OverviewSummary {
  const byHealth: Record<ClusterHealth, number> = { Ready: 0, NotReady: 0, Unknown: 0 };
  const items = input.clusters.map((c) => {
    const h = clusterHealth(c);
    byHealth[h.health]++;
    return { name: c.metadata.name ?? "", ...h, sandbox: isSandbox(c) };
  });

  const propagation = { total: input.bindings.length, fullyApplied: 0, failing: 0, progressing: 0, failingItems: [] as FailingPropagation[] };
  for (const b of input.bindings) {
    const state = bindingState(b);
    if (state.state === "applied") propagation.fullyApplied++;
    else if (state.state === "progressing") propagation.progressing++;
    else {
      propagation.failing++;
      if (propagation.failingItems.length < MAX_FAILING) propagation.failingItems.push(failingItem(b, state));
    }
  }
  const rbs = input.bindings.filter((b) => b.kind === "ResourceBinding").length;
  return {
    generatedAt: input.now.toISOString(),
    clusters: { total: input.clusters.length, byHealth, items: healthRows(items) },
    counts: { ...input.counts, resources: input.bindings.length, resourceBindings: rbs, clusterResourceBindings: input.bindings.length - rbs },
    propagation,
    warnings: recentWarnings(input.warnings),
    capacity: busiestCapacity(input.clusters.map(clusterCapacity)),
  };
}

/**
 * How many clusters the overview lists by name (health rows, capacity rows). The counts cover
 * every cluster; the clusters page pages through the rest. Bounded so the page stays light
 * however many clusters are registered.
 */
export const MAX_CLUSTER_ROWS = 30;

/** Unhealthy clusters first (they are what the page is for), then by name; at most MAX_CLUSTER_ROWS. */
export function healthRows(items: ClusterHealthRow[]): ClusterHealthRow[] {
  const rank: Record<ClusterHealth, number> = { NotReady: 0, Unknown: 1, Ready: 2 };
  return [...items].sort((a, b) => rank[a.health] - rank[b.health] || a.name.localeCompare(b.name)).slice(0, MAX_CLUSTER_ROWS);
}

/** The share of the most used of CPU, memory and pods (0 when nothing is allocatable). */
export function utilization(c: ClusterCapacity): number {
  return Math.max(...[c.cpu, c.memory, c.pods].map((p) => (p.allocatable > 0 ? p.allocated / p.allocatable : 0)));
}

/** Capacity rows, the fullest clusters first (ties by name); at most MAX_CLUSTER_ROWS. */
export function busiestCapacity(rows: ClusterCapacity[]): ClusterCapacity[] {
  return [...rows].sort((a, b) => utilization(b) - utilization(a) || a.name.localeCompare(b.name)).slice(0, MAX_CLUSTER_ROWS);
}

export type BindingState =
  | { state: "applied" }
  | { state: "progressing" }
  | { state: "failing"; reason: string; message: string; clusters: string[] };

/**
 * Where a binding stands, and for a failing one the first failing step: not scheduled, then
 * failed applies on member clusters, then FullyApplied=False. A binding that is still being
 * worked on (no conditions yet, or Unknown) is progressing, not failing.
 */
export function bindingState(b: ResourceBinding): BindingState {
  const conds = b.status?.conditions ?? [];
  const scheduled = find(conds, "Scheduled");
  if (scheduled?.status === "False") return { state: "failing", reason: scheduled.reason, message: scheduled.message, clusters: [] };
  const failed = (b.status?.aggregatedStatus ?? []).filter((s) => s.applied === false);
  if (failed.length) {
    const first = failed[0];
    return { state: "failing", reason: "ApplyFailed", message: `${first.clusterName}: ${first.appliedMessage ?? "failed to apply"}`, clusters: failed.map((s) => s.clusterName) };
  }
  const fully = find(conds, "FullyApplied");
  if (fully?.status === "True") return { state: "applied" };
  if (fully?.status === "False") return { state: "failing", reason: fully.reason, message: fully.message, clusters: [] };
  return { state: "progressing" };
}

/** The console's workflow page of a template (cluster-scoped templates use "_" for the namespace). */
export function workflowHref(r: { kind: string; namespace?: string; name: string }): string {
  return `/workflow/${encodeURIComponent(r.namespace || "_")}/${encodeURIComponent(r.kind)}/${encodeURIComponent(r.name)}`;
}

/** The overview's row for a failing binding (its first failing step, linked to the workflow). */
export function failingItem(b: ResourceBinding, s: Extract<BindingState, { state: "failing" }>): FailingPropagation {
  const r = b.spec.resource;
  return {
    bindingKind: b.kind,
    bindingNamespace: b.metadata.namespace,
    bindingName: b.metadata.name ?? "",
    resource: { apiVersion: r.apiVersion, kind: r.kind, namespace: r.namespace, name: r.name },
    reason: s.reason,
    message: s.message,
    clusters: s.clusters,
    href: workflowHref(r),
  };
}

function recentWarnings(events: KubeObject[]): WarningEvent[] {
  return latestWarnings(events.map(warningRow));
}

/** The newest `MAX_WARNINGS` rows, newest first. */
export function latestWarnings(rows: WarningEvent[]): WarningEvent[] {
  return [...rows].sort((a, b) => (b.time ?? "").localeCompare(a.time ?? "")).slice(0, MAX_WARNINGS);
}

/** The overview's compact row of one Warning event. */
export function warningRow(e: KubeObject): WarningEvent {
  const ev = e as KubeObject & { reason?: string; message?: string; count?: number; lastTimestamp?: string; eventTime?: string; firstTimestamp?: string; involvedObject?: WarningEvent["involvedObject"] };
  return {
    uid: e.metadata.uid,
    namespace: e.metadata.namespace,
    reason: ev.reason,
    message: ev.message,
    count: ev.count,
    time: ev.lastTimestamp ?? ev.eventTime ?? ev.firstTimestamp ?? e.metadata.creationTimestamp,
    involvedObject: ev.involvedObject,
  };
}

function find(conds: Condition[], type: string): Condition | undefined {
  return conds.find((c) => c.type === type);
}
