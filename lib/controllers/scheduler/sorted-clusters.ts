import type { Cluster } from "../../kube/karmada";

/**
 * The cached clusters in name order, re-sorted only when the cache's contents changed. The
 * informer lists in insertion order: registration order before a restart, the store's order
 * after it. The scheduler's fit summary (in the Scheduled condition) follows input order, so
 * every binding's condition changed on restart and was rewritten, with two Events each.
 */
export class SortedClusters {
  private source: readonly Cluster[] = [];
  private sorted: Cluster[] = [];

  /** `list` sorted by name; the same array as last time while `list` holds the same objects. */
  of(list: readonly Cluster[]): Cluster[] {
    if (list.length === this.source.length && list.every((c, i) => c === this.source[i])) return this.sorted;
    this.source = list;
    this.sorted = [...list].sort((a, b) => compare(a.metadata.name ?? "", b.metadata.name ?? ""));
    return this.sorted;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
