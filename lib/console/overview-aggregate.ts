import type { ResourceKey } from "../apiserver/storage";
import type { Cluster, ResourceBinding } from "../kube/karmada";
import type { KubeObject } from "../kube/types";
import { clusterCapacity, clusterHealth, isSandbox } from "./cluster-health";
import { KEYS } from "./overview-loader";
import { bindingState, busiestCapacity, failingItem, healthRows, latestWarnings, MAX_FAILING, warningRow } from "./overview";
import type { ClusterCapacity, ClusterHealth, ClusterHealthRow, FailingPropagation, OverviewSummary, WarningEvent } from "./overview-types";

/** Resources the overview only counts. */
const COUNTED = ["propagationPolicies", "clusterPropagationPolicies", "overridePolicies", "clusterOverridePolicies", "works"] as const;
type Counted = (typeof COUNTED)[number];

/** Which part of the aggregate a stored resource feeds; undefined for resources the overview ignores. */
export type OverviewSlot = "clusters" | "bindings" | "events" | Counted;

/** Every resource the overview reads, with its slot (for listing at start and filtering the watch). */
export const OVERVIEW_SOURCES: { key: ResourceKey; slot: OverviewSlot }[] = [
  { key: KEYS.clusters, slot: "clusters" },
  { key: KEYS.resourceBindings, slot: "bindings" },
  { key: KEYS.clusterResourceBindings, slot: "bindings" },
  { key: KEYS.events, slot: "events" },
  ...COUNTED.map((slot) => ({ key: KEYS[slot], slot })),
];

export function slotOf(key: ResourceKey): OverviewSlot | undefined {
  return OVERVIEW_SOURCES.find((s) => s.key.group === key.group && s.key.resource === key.resource)?.slot;
}

interface BindingEntry {
  sortKey: string;
  kind: ResourceBinding["kind"];
  state: "applied" | "progressing" | "failing";
  failing?: FailingPropagation;
}

/**
 * The overview kept up to date one change at a time: each object is reduced, when it arrives,
 * to the few fields the overview shows (a cluster's health and capacity, a binding's state, a
 * Warning's row, or just its key for counted kinds). `summary()` then walks these small entries
 * instead of re-reading 10,000 objects, and caches its answer until the next change. Pure: the
 * caller feeds it listed objects and watch events.
 */
export class OverviewAggregate {
  private clusters = new Map<string, { row: ClusterHealthRow; capacity: ClusterCapacity }>();
  private bindings = new Map<string, BindingEntry>();
  private warnings = new Map<string, WarningEvent>();
  private counted = new Map<Counted, Set<string>>(COUNTED.map((c) => [c, new Set<string>()]));
  private cached: OverviewSummary | undefined;

  /** Applies one stored object (ADDED/MODIFIED) or its removal (DELETED). Ignores resources the overview does not read. */
  apply(type: "ADDED" | "MODIFIED" | "DELETED", key: ResourceKey, obj: KubeObject): void {
    const slot = slotOf(key);
    if (!slot) return;
    const id = `${key.resource}/${obj.metadata.namespace ?? ""}/${obj.metadata.name ?? ""}`;
    const removed = type === "DELETED";
    this.cached = undefined;
    if (slot === "clusters") {
      const c = obj as Cluster;
      if (removed) this.clusters.delete(id);
      else this.clusters.set(id, { row: { name: c.metadata.name ?? "", ...clusterHealth(c), sandbox: isSandbox(c) }, capacity: clusterCapacity(c) });
    } else if (slot === "bindings") {
      if (removed) this.bindings.delete(id);
      else this.bindings.set(id, bindingEntry(obj as ResourceBinding));
    } else if (slot === "events") {
      // Only Warnings are shown; an event edited from Warning to Normal leaves the list.
      if (removed || (obj as { type?: string }).type !== "Warning") this.warnings.delete(id);
      else this.warnings.set(id, warningRow(obj));
    } else {
      const set = this.counted.get(slot)!;
      if (removed) set.delete(id);
      else set.add(id);
    }
  }

  /** Replaces everything of one resource by a fresh list (start, or a relist after 410). */
  reset(key: ResourceKey, items: KubeObject[]): void {
    const prefix = `${key.resource}/`;
    for (const m of [this.clusters, this.bindings, this.warnings, ...this.counted.values()]) {
      for (const id of m.keys()) if (id.startsWith(prefix)) m.delete(id);
    }
    this.cached = undefined;
    for (const o of items) this.apply("ADDED", key, o);
  }

  /** The overview (same shape and rules as summarizeOverview), cached until the next change. */
  summary(now: Date): OverviewSummary {
    this.cached ??= this.compute(now);
    return this.cached;
  }

  private compute(now: Date): OverviewSummary {
    const byHealth: Record<ClusterHealth, number> = { Ready: 0, NotReady: 0, Unknown: 0 };
    const rows = [...this.clusters.values()];
    for (const c of rows) byHealth[c.row.health]++;
    const items = healthRows(rows.map((c) => c.row));
    const propagation = { total: this.bindings.size, fullyApplied: 0, failing: 0, progressing: 0, failingItems: [] as FailingPropagation[] };
    const failing: BindingEntry[] = [];
    let rbs = 0;
    for (const b of this.bindings.values()) {
      if (b.kind === "ResourceBinding") rbs++;
      if (b.state === "applied") propagation.fullyApplied++;
      else if (b.state === "progressing") propagation.progressing++;
      else {
        propagation.failing++;
        failing.push(b);
      }
    }
    propagation.failingItems = failing
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
      .slice(0, MAX_FAILING)
      .map((b) => b.failing!);
    const count = (c: Counted) => this.counted.get(c)!.size;
    return {
      generatedAt: now.toISOString(),
      clusters: { total: rows.length, byHealth, items },
      counts: {
        resources: this.bindings.size,
        propagationPolicies: count("propagationPolicies"),
        clusterPropagationPolicies: count("clusterPropagationPolicies"),
        overridePolicies: count("overridePolicies"),
        clusterOverridePolicies: count("clusterOverridePolicies"),
        resourceBindings: rbs,
        clusterResourceBindings: this.bindings.size - rbs,
        works: count("works"),
      },
      propagation,
      warnings: latestWarnings([...this.warnings.values()]),
      capacity: busiestCapacity(rows.map((c) => c.capacity)),
    };
  }
}

function bindingEntry(b: ResourceBinding): BindingEntry {
  const s = bindingState(b);
  // Cluster-scoped bindings sort after namespaced ones, each by namespace then name.
  const sortKey = `${b.kind === "ResourceBinding" ? 0 : 1}/${b.metadata.namespace ?? ""}/${b.metadata.name ?? ""}`;
  return { sortKey, kind: b.kind, state: s.state, failing: s.state === "failing" ? failingItem(b, s) : undefined };
}
