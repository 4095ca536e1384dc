import type { KubeHttp } from "./kube-http";

const RB_NAME = "resourcebinding.karmada.io/name";

interface WorkLike {
  metadata: { namespace?: string; name: string; annotations?: Record<string, string> };
  status?: { conditions?: { type: string; status: string }[] };
}

/**
 * Counts Works that turned Applied=True, once each, grouped by the binding they belong to
 * (the `resourcebinding.karmada.io/name` annotation). Pure: feed it watch events.
 * A Work that is deleted and comes back is a new Work; one seen twice is still one.
 */
export class WorkTally {
  private readonly applied = new Set<string>();
  private readonly perBinding = new Map<string, number>();
  private readonly waiters = new Map<string, { want: number; resolve: (t: number) => void }[]>();
  /** Works seen Applied more than once under the same key after a DELETED: duplicates to report. */
  reapplied = 0;
  private readonly deleted = new Set<string>();

  /** Applies one watch event; returns the binding name when this event newly applied a Work. */
  observe(type: string, w: WorkLike, now: number): string | undefined {
    const key = `${w.metadata.namespace}/${w.metadata.name}`;
    if (type === "DELETED") {
      if (this.applied.delete(key)) {
        this.deleted.add(key);
        const b = w.metadata.annotations?.[RB_NAME];
        if (b) this.perBinding.set(b, (this.perBinding.get(b) ?? 1) - 1);
      }
      return undefined;
    }
    if (this.applied.has(key) || !w.status?.conditions?.some((c) => c.type === "Applied" && c.status === "True")) return undefined;
    this.applied.add(key);
    if (this.deleted.delete(key)) this.reapplied++;
    const binding = w.metadata.annotations?.[RB_NAME] ?? "";
    const n = (this.perBinding.get(binding) ?? 0) + 1;
    this.perBinding.set(binding, n);
    const list = this.waiters.get(binding);
    if (list) {
      const left = list.filter((x) => (x.want <= n ? (x.resolve(now), false) : true));
      if (left.length) this.waiters.set(binding, left);
      else this.waiters.delete(binding);
    }
    return binding;
  }

  /** Works currently counted as applied. */
  get total(): number {
    return this.applied.size;
  }

  appliedFor(binding: string): number {
    return this.perBinding.get(binding) ?? 0;
  }

  /** Resolves with the time of the event that brought `binding` to `want` applied Works. */
  whenApplied(binding: string, want: number, now: () => number): Promise<number> {
    if (this.appliedFor(binding) >= want) return Promise.resolve(now());
    return new Promise((resolve) => this.waiters.set(binding, [...(this.waiters.get(binding) ?? []), { want, resolve }]));
  }
}

/** A WorkTally fed by one watch on every Work of the control plane. */
export async function trackWorks(kube: KubeHttp): Promise<{ tally: WorkTally; close: () => void }> {
  const tally = new WorkTally();
  const close = await kube.watch("/apis/work.karmada.io/v1alpha1/works?allowWatchBookmarks=false", (ev) => tally.observe(ev.type, ev.object as WorkLike, performance.now()));
  return { tally, close };
}
