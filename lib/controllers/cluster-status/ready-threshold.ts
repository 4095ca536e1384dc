import type { Condition } from "../../kube/types";

interface Observation {
  /** The Ready status last observed by a probe. */
  status: Condition["status"];
  /** When that status was first observed (ms). */
  since: number;
}

/**
 * Karmada's flapping guard (clusterConditionStore.thresholdAdjustedReadyCondition): a change
 * of the observed Ready value between True and not-True is published only once it persisted
 * for `failureThresholdMs` (towards not-ready) or `successThresholdMs` (towards ready); until
 * then the current condition is kept. A cluster seen for the first time, or without a Ready
 * condition yet, gets the observation at once; Unknown ↔ False moves at once too.
 */
export class ReadyThreshold {
  private readonly seen = new Map<string, Observation>();

  constructor(private readonly opts: { successThresholdMs: number; failureThresholdMs: number; now: () => number }) {}

  /** The Ready condition to publish for `cluster`, given its current one and a new observation. */
  adjust(cluster: string, current: Condition | undefined, observed: Omit<Condition, "lastTransitionTime">): Omit<Condition, "lastTransitionTime"> {
    const now = this.opts.now();
    const saved = this.seen.get(cluster);
    if (!saved) {
      this.seen.set(cluster, { status: observed.status, since: now });
      return observed;
    }
    if (!current) return observed;
    let since = saved.since;
    if (saved.status !== observed.status) {
      since = now;
      this.seen.set(cluster, { status: observed.status, since });
    }
    const threshold = observed.status === "True" ? this.opts.successThresholdMs : this.opts.failureThresholdMs;
    const crossing = (observed.status === "True") !== (current.status === "True");
    if (crossing && now < since + threshold) return current;
    return observed;
  }

  forget(cluster: string): void {
    this.seen.delete(cluster);
  }
}
