import type { Socket } from "node:net";

/**
 * Closes keep-alive connections that stay idle longer than `idleMs`, with one sweep timer for
 * all of them. Node's own keepAliveTimeout re-arms a timer per socket after every response
 * (a Timeout created and cleared per request: ~7% of a sandbox apply's CPU); a sandbox's
 * clients keep their connections busy, so a sweep every few seconds does the same job.
 * Use with `server.keepAliveTimeout = 0` and report requests from the listener.
 */
export class IdleConnections {
  /** Requests in flight per socket, and since when it has been idle. */
  private readonly sockets = new Map<Socket, { busy: number; since: number }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly idleMs: number,
    private readonly sweepMs = Math.min(5000, idleMs),
    private readonly now: () => number = Date.now,
  ) {}

  /** A request started on `socket`. */
  begin(socket: Socket): void {
    let s = this.sockets.get(socket);
    if (!s) {
      s = { busy: 0, since: 0 };
      this.sockets.set(socket, s);
      socket.once("close", () => this.sockets.delete(socket));
      this.timer ??= setInterval(() => this.sweep(), this.sweepMs).unref();
    }
    s.busy++;
  }

  /** A request on `socket` was answered (or abandoned). */
  end(socket: Socket): void {
    const s = this.sockets.get(socket);
    if (!s) return;
    s.busy = Math.max(0, s.busy - 1);
    if (s.busy === 0) s.since = this.now();
  }

  /** Destroys sockets idle for idleMs or more, as node's keep-alive timeout does. */
  sweep(): void {
    const now = this.now();
    for (const [socket, s] of this.sockets) if (s.busy === 0 && now - s.since >= this.idleMs) socket.destroy();
    if (this.sockets.size === 0) this.stop();
  }

  /** Number of sockets tracked (tests). */
  get size(): number {
    return this.sockets.size;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
