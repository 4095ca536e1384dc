import type { SqlQueryable } from "./sql-client";

export interface LeaderLeaseOptions {
  sql: SqlQueryable;
  /** The lease row, e.g. "flotilla-controller-manager". */
  name: string;
  /** This replica, e.g. hostname + pid + random. */
  identity: string;
  /** How long a holder's claim lasts after its last renewal. Default 15 s (client-go's default). */
  leaseDurationMs?: number;
  /** How often to try to acquire or renew. Default 2 s (client-go's retryPeriod). */
  retryPeriodMs?: number;
  /** A leader that could not renew for this long gives up (must be < leaseDurationMs). Default 10 s. */
  renewDeadlineMs?: number;
  onStartedLeading?: () => void;
  /** Called once when leadership ends for any reason other than release(): stop controllers now. */
  onLost?: () => void;
}

/**
 * Leader election on a row of leader_leases, after client-go's Lease lock: acquire when the row
 * is free or expired, renew while holding it, all by one conditional upsert judged by the
 * database's clock (replicas' clocks may disagree). No fencing: writes stay guarded by
 * resourceVersion compare-and-set, so a deposed leader that has not noticed yet is harmless.
 */
export class LeaderLease {
  private leading = false;
  private lastRenew = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private ticking: Promise<void> = Promise.resolve();

  constructor(private readonly opts: LeaderLeaseOptions) {}

  get isLeader(): boolean {
    return this.leading;
  }

  private get leaseMs() {
    return this.opts.leaseDurationMs ?? 15_000;
  }

  /** One attempt to take or keep the lease. True when this identity holds it afterwards. */
  async tryAcquireOrRenew(): Promise<boolean> {
    const rows = await this.opts.sql.query(ACQUIRE_SQL, [this.opts.name, this.opts.identity, this.leaseMs]);
    return rows.length > 0;
  }

  /** Starts the acquire/renew loop (idempotent). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = () => {
      if (this.stopped) return;
      this.ticking = this.tick().finally(() => {
        if (!this.stopped) this.timer = setTimeout(loop, this.opts.retryPeriodMs ?? 2_000);
      });
    };
    loop();
  }

  /** Stops the loop and, if leading, frees the row so another replica can take over at once. */
  async release(): Promise<void> {
    this.halt();
    await this.ticking;
    const wasLeading = this.leading;
    this.leading = false;
    if (wasLeading) await this.opts.sql.query(RELEASE_SQL, [this.opts.name, this.opts.identity]);
  }

  /** Stops the loop without touching the row (as a crashed process would). For tests and shutdown paths. */
  halt(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async tick() {
    let held: boolean;
    try {
      held = await this.tryAcquireOrRenew();
    } catch {
      // The database is unreachable: keep leading only until the renew deadline passes.
      held = this.leading && Date.now() - this.lastRenew < (this.opts.renewDeadlineMs ?? 10_000);
      if (held) return;
    }
    if (this.stopped) return;
    if (held) {
      this.lastRenew = Date.now();
      if (!this.leading) {
        this.leading = true;
        this.opts.onStartedLeading?.();
      }
    } else if (this.leading) {
      this.leading = false;
      this.opts.onLost?.();
    }
  }
}

/** Take the row if free, expired or already ours; count a transition when the holder changes. */
const ACQUIRE_SQL = `
INSERT INTO leader_leases AS l (name, holder_identity, renew_time, lease_duration_ms, acquire_time, lease_transitions)
VALUES ($1, $2, now(), $3, now(), 0)
ON CONFLICT (name) DO UPDATE SET
  holder_identity = excluded.holder_identity,
  renew_time = now(),
  lease_duration_ms = excluded.lease_duration_ms,
  acquire_time = CASE WHEN l.holder_identity = excluded.holder_identity THEN l.acquire_time ELSE now() END,
  lease_transitions = CASE WHEN l.holder_identity = excluded.holder_identity THEN l.lease_transitions ELSE l.lease_transitions + 1 END
WHERE l.holder_identity = excluded.holder_identity
   OR l.holder_identity IS NULL
   OR l.renew_time + make_interval(secs => l.lease_duration_ms / 1000.0) < now()
RETURNING holder_identity`;

const RELEASE_SQL = `UPDATE leader_leases SET holder_identity = NULL, renew_time = now() WHERE name = $1 AND holder_identity = $2`;

/** The row as stored, for status pages. */
export async function readLease(sql: SqlQueryable, name: string) {
  const rows = await sql.query(
    `SELECT name, holder_identity, renew_time, lease_duration_ms, acquire_time, lease_transitions FROM leader_leases WHERE name = $1`,
    [name],
  );
  if (!rows.length) return undefined;
  const r = rows[0];
  return {
    name: r.name as string,
    holderIdentity: (r.holder_identity as string | null) ?? undefined,
    renewTime: new Date(r.renew_time as string),
    leaseDurationMs: Number(r.lease_duration_ms),
    acquireTime: new Date(r.acquire_time as string),
    leaseTransitions: Number(r.lease_transitions),
  };
}
