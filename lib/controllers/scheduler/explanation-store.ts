import type { TargetCluster } from "../../kube/karmada";
import type { ClusterExplanation, Explanation } from "../../scheduler/explanation";

/** The last scheduling of one binding, as the explanation endpoint serves it. */
export interface SchedulingRecord {
  kind: "ResourceBinding" | "ClusterResourceBinding";
  namespace?: string;
  name: string;
  /** The binding's generation the scheduler read. */
  generation: number;
  /** RFC 3339 time of the scheduling. */
  scheduledAt: string;
  /** Why it was (re)scheduled ("placement changed", "replicas changed", ...). */
  trigger: string;
  clusters: TargetCluster[];
  error?: { reason: string; message: string };
  /** One line, as in the Scheduled condition. */
  summary: string;
  explanation: Explanation;
}

/**
 * Bounded in-memory store of the last scheduling of each binding (least recently written
 * dropped first). Explanations are per-cluster and can be large, so they are not written into
 * the binding; a replica that takes over leadership simply starts empty and fills as it
 * schedules. Share one instance between the scheduler controller and the REST route
 * (`cp.services.schedulingExplanations`).
 */
export class ExplanationStore {
  private readonly records = new Map<string, SchedulingRecord>();
  private readonly shared = new SharedClusterEntries();

  constructor(private readonly capacity = 10_000) {}

  static key(kind: SchedulingRecord["kind"], namespace: string | undefined, name: string): string {
    return kind === "ResourceBinding" ? `rb/${namespace ?? ""}/${name}` : `crb/${name}`;
  }

  /** Keeps `record` (its explanation's excluded-cluster entries are swapped for shared copies). */
  put(record: SchedulingRecord): void {
    this.shared.compact(record.explanation.clusters);
    const key = ExplanationStore.key(record.kind, record.namespace, record.name);
    this.records.delete(key);
    this.records.set(key, record);
    while (this.records.size > this.capacity) this.records.delete(this.records.keys().next().value as string);
  }

  get(kind: SchedulingRecord["kind"], namespace: string | undefined, name: string): SchedulingRecord | undefined {
    return this.records.get(ExplanationStore.key(kind, namespace, name));
  }

  delete(kind: SchedulingRecord["kind"], namespace: string | undefined, name: string): void {
    this.records.delete(ExplanationStore.key(kind, namespace, name));
  }

  get size(): number {
    return this.records.size;
  }
}

/**
 * Frozen copies of excluded-cluster entries, shared between records. A binding scheduled over
 * 100 clusters kept 100 entries of its own ({name, filters, feasible} plus a filter list), most
 * saying the same "member-7 excluded by affinity" as every other binding's: 10,000 records held
 * ~2 million small objects (~140 MB). Only entries with nothing binding-specific (no score, no
 * replicas) are shared; the table is cleared when full, which only loses sharing.
 */
export class SharedClusterEntries {
  /** By cluster name, the few distinct entries seen for it (one per distinct set of reasons). */
  private readonly byName = new Map<string, ClusterExplanation[]>();
  private count = 0;

  constructor(private readonly capacity = 50_000) {}

  get size(): number {
    return this.count;
  }

  /** Replaces shareable entries of `clusters` in place with their shared copies. */
  compact(clusters: ClusterExplanation[]): void {
    // Compared field by field, not through a string key: building one per entry (100 per
    // binding) cost more than the scheduling it explains.
    for (let i = 0; i < clusters.length; i++) {
      const c = clusters[i];
      if (!shareable(c)) continue;
      let bucket = this.byName.get(c.name);
      const got = bucket?.find((s) => sameEntry(s, c));
      if (got) {
        clusters[i] = got;
        continue;
      }
      if (this.count >= this.capacity) {
        this.byName.clear();
        this.count = 0;
        bucket = undefined;
      }
      const copy = Object.freeze({ ...c, filters: Object.freeze(c.filters.map((f) => Object.freeze({ ...f }))) as ClusterExplanation["filters"] });
      if (bucket) bucket.push(copy);
      else this.byName.set(c.name, [copy]);
      this.count++;
      clusters[i] = copy;
    }
  }
}

/** An infeasible entry with only name, filters, feasible (and deleting): nothing binding-specific. */
function shareable(c: ClusterExplanation): boolean {
  if (c.feasible) return false;
  for (const k in c) if (k !== "name" && k !== "filters" && k !== "feasible" && k !== "deleting") return false;
  return true;
}

function sameEntry(a: ClusterExplanation, b: ClusterExplanation): boolean {
  if (a.deleting !== b.deleting || a.filters.length !== b.filters.length) return false;
  for (let j = 0; j < a.filters.length; j++) {
    const x = a.filters[j];
    const y = b.filters[j];
    if (x !== y && (x.plugin !== y.plugin || x.passed !== y.passed || x.reason !== y.reason)) return false;
  }
  return true;
}
