import type { StorageEvent } from "../apiserver/storage";
import { EventRing } from "./event-ring";
import { tooOldResourceVersion } from "./resource-version";
import { eventFromRow } from "./object-rows";
import type { SqlClient } from "./sql-client";
import { WatchHub } from "./watch-hub";

export interface EventTailOptions {
  sql: SqlClient;
  /** Recent events kept in memory to serve watch resumes without a query. */
  cacheSize: number;
  /** The counter and compaction floor when the store opened. */
  startRv: number;
  compactedThrough: number;
}

const PAGE = 1000;

/**
 * This replica's view of the shared event log: the highest resourceVersion it has delivered, a
 * cache of recent events, and the hub that fans them out to watchers. Events arrive from local
 * commits (no query) or from `catchUp()` (NOTIFY / poll from other replicas). Versions are
 * contiguous, so a gap means "someone else committed first": read the log, never guess.
 */
export class EventTail {
  readonly hub = new WatchHub();
  readonly ring: EventRing;
  private last: number;
  private catching: Promise<void> | undefined;
  private again = false;

  constructor(private readonly opts: EventTailOptions) {
    this.last = opts.startRv;
    this.ring = new EventRing(opts.cacheSize, Math.max(opts.startRv, opts.compactedThrough));
  }

  /** The highest resourceVersion delivered to watchers. */
  get lastRv(): number {
    return this.last;
  }

  /** A local commit of events base+1 …: delivered at once when nothing is missing before them. */
  committed(baseRv: number, events: StorageEvent[]): void {
    // deliver() skips what a concurrent catchUp already delivered.
    if (baseRv <= this.last) this.deliver(events, false);
    else void this.catchUp();
  }

  /** Reads and delivers every event after lastRv from the log. Coalesces concurrent calls. */
  catchUp(): Promise<void> {
    if (this.catching) {
      this.again = true;
      return this.catching;
    }
    this.catching = (async () => {
      try {
        do {
          this.again = false;
          for (;;) {
            const rows = await this.opts.sql.query(
              `SELECT rv, "group", resource, namespace, name, type, object FROM object_events WHERE rv > $1 ORDER BY rv LIMIT ${PAGE}`,
              [this.last],
              { name: "flotilla_tail" },
            );
            this.deliver(rows.map(eventFromRow), true);
            if (rows.length < PAGE) break;
          }
        } while (this.again);
      } finally {
        this.catching = undefined;
      }
    })();
    return this.catching;
  }

  private deliver(events: StorageEvent[], fromLog: boolean) {
    for (const e of events) {
      const rv = Number(e.resourceVersion);
      if (rv <= this.last) continue;
      if (rv !== this.last + 1 && !fromLog) {
        // A hole means our view is behind (events committed elsewhere); fetch them in order.
        void this.catchUp();
        return;
      }
      if (rv !== this.last + 1) {
        // The log itself has a hole: this replica fell behind by more than the retention and the
        // events it missed were compacted. Its watchers cannot be made whole: end them with 410.
        this.hub.endAll(tooOldResourceVersion(this.last, rv - 1));
        this.ring.reset(rv - 1);
      }
      this.last = rv;
      this.ring.push(e, rv);
      this.hub.publish(e);
    }
  }
}
