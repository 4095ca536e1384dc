import type { TargetCluster } from "../../kube/karmada";
import type { Explanation } from "../../scheduler/explanation";

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

  constructor(private readonly capacity = 10_000) {}

  static key(kind: SchedulingRecord["kind"], namespace: string | undefined, name: string): string {
    return kind === "ResourceBinding" ? `rb/${namespace ?? ""}/${name}` : `crb/${name}`;
  }

  put(record: SchedulingRecord): void {
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
