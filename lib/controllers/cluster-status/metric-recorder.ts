import type { ResourceSummary } from "../../kube/karmada";
import { parseQuantity } from "../../kube/quantity";
import type { MetricSampleInput } from "../../store/app/metric-samples";
import type { Clock, TimerHandle } from "../runtime/clock";
import type { Logger } from "../runtime/log";

export interface MetricRecorderOptions {
  /** Persists a batch (appendMetricSamples bound to the database). */
  append: (samples: MetricSampleInput[]) => Promise<unknown>;
  clock: Clock;
  log?: Logger;
  /** At most one sample per cluster this often, unless readiness flips. Default 30 s. */
  minIntervalMs?: number;
  /** Batches are written this long after their first sample. Default 2 s. */
  flushDelayMs?: number;
  /** Drops samples older than a time (pruneMetricSamples bound to the database); optional. */
  prune?: (before: Date) => Promise<unknown>;
  /** How long history is kept when `prune` is given. Default 7 days; pruning runs at most hourly. */
  retentionMs?: number;
}

/**
 * Health history for the console's chart: one MetricSample per probe, throttled per cluster
 * (a Ready flip is always kept) and written in batches so 100 members probed every 10 s cost a
 * handful of inserts. Never throws into the caller; a failed batch is logged and dropped.
 */
export class MetricRecorder {
  private readonly last = new Map<string, { at: number; ready: boolean }>();
  private buffer: MetricSampleInput[] = [];
  private timer: TimerHandle | undefined;
  private writing: Promise<void> = Promise.resolve();
  private lastPruneMs = -Infinity;

  constructor(private readonly opts: MetricRecorderOptions) {}

  /** Notes a probe outcome; returns true when a sample was queued. */
  record(cluster: string, ready: boolean, summary: ResourceSummary | undefined): boolean {
    const now = this.opts.clock.now();
    const prev = this.last.get(cluster);
    if (prev && prev.ready === ready && now - prev.at < (this.opts.minIntervalMs ?? 30_000)) return false;
    this.last.set(cluster, { at: now, ready });
    this.buffer.push(sampleOf(cluster, new Date(now), ready, summary));
    if (!this.timer) this.timer = this.opts.clock.setTimeout(() => void this.flush(), this.opts.flushDelayMs ?? 2000);
    return true;
  }

  forget(cluster: string): void {
    this.last.delete(cluster);
  }

  /** Writes what is buffered; resolves when every write so far finished. */
  flush(): Promise<void> {
    if (this.timer) this.opts.clock.clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length > 0) {
      this.writing = this.writing
        .then(() => this.opts.append(batch))
        .then(() => this.pruneIfDue())
        .then(
          () => undefined,
          (err) => this.opts.log?.warn("could not store cluster metric samples", { error: err, samples: batch.length }),
        );
    }
    return this.writing;
  }

  private async pruneIfDue(): Promise<void> {
    const now = this.opts.clock.now();
    if (!this.opts.prune || now - this.lastPruneMs < 3600_000) return;
    this.lastPruneMs = now;
    await this.opts.prune(new Date(now - (this.opts.retentionMs ?? 7 * 24 * 3600_000)));
  }
}

/** A MetricSample row from a Karmada resourceSummary (CPU in cores, memory in bytes). */
export function sampleOf(cluster: string, time: Date, ready: boolean, s: ResourceSummary | undefined): MetricSampleInput {
  const num = (list: Record<string, string> | undefined, name: string) => (list?.[name] !== undefined ? parseQuantity(list[name]) : 0);
  return {
    cluster,
    time,
    ready,
    cpuAllocatable: num(s?.allocatable, "cpu"),
    cpuAllocated: num(s?.allocated, "cpu"),
    memoryAllocatable: num(s?.allocatable, "memory"),
    memoryAllocated: num(s?.allocated, "memory"),
    podsAllocatable: Math.round(num(s?.allocatable, "pods")),
    podsAllocated: Math.round(num(s?.allocated, "pods")),
  };
}
