import { ApiError } from "../kube/errors";
import type { Logger } from "../controllers/runtime/log";

export interface HeartbeatTask {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export interface HeartbeatOptions {
  tasks: HeartbeatTask[];
  log: Logger;
  /** A task met 401/403: the credential is gone. The heartbeat stops itself first. */
  onRefused(err: ApiError): void;
}

/**
 * The agent's periodic duties (Lease renewal, cluster status), each on its own timer so a slow
 * one never delays the other. A failure is retried sooner than the period (backoff from
 * 500 ms, at most the period), so after a control-plane restart the Lease is renewed as soon
 * as it answers; a 401/403 is final.
 */
export class Heartbeat {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly opts: HeartbeatOptions) {}

  start(): void {
    for (const t of this.opts.tasks) this.schedule(t, 0, 500);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(task: HeartbeatTask, delayMs: number, backoffMs: number): void {
    if (this.stopped) return;
    this.timers.set(task.name, setTimeout(() => void this.tick(task, backoffMs), delayMs));
  }

  private async tick(task: HeartbeatTask, backoffMs: number): Promise<void> {
    try {
      await task.run();
      this.schedule(task, task.everyMs, 500);
    } catch (err) {
      if (this.stopped) return;
      if (ApiError.is(err) && (err.status.code === 401 || err.status.code === 403)) {
        this.stop();
        this.opts.onRefused(err);
        return;
      }
      this.opts.log.warn(`${task.name} failed; retrying`, { error: (err as Error).message, retryInMs: backoffMs });
      this.schedule(task, Math.min(backoffMs, task.everyMs), Math.min(backoffMs * 2, task.everyMs));
    }
  }
}
