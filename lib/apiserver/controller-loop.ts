import type { Storage, StorageEvent } from "./storage";

/**
 * A built-in controller fed by the storage event stream. Both methods must be idempotent, and
 * onEvent must not modify the event: it is the store's shared copy.
 */
export interface StorageEventHandler {
  name: string;
  /** Catch up from a full read (start-up, and after the event log was outrun). */
  resync(): Promise<void>;
  onEvent(e: StorageEvent): Promise<void>;
}

/**
 * Feeds every storage event to the built-in controllers (namespace lifecycle, garbage
 * collector, CRD registrar), in order. A failed handler is logged and the loop goes on; a lost
 * event stream (410) triggers a resync and a fresh watch.
 */
export class ControllerLoop {
  private ac = new AbortController();
  private done: Promise<void> = Promise.resolve();

  constructor(private readonly storage: Storage, private readonly handlers: StorageEventHandler[], private readonly retryMs = 1000) {}

  /** Resolves after the first resync, with the loop running in the background. */
  async start(): Promise<void> {
    this.ac = new AbortController();
    const from = await this.resyncAll();
    this.done = this.run(from);
  }

  async stop(): Promise<void> {
    this.ac.abort();
    await this.done;
  }

  private async resyncAll(): Promise<string> {
    const rv = await this.storage.currentResourceVersion();
    for (const h of this.handlers) {
      try {
        await h.resync();
      } catch (e) {
        log(`${h.name} resync failed`, e);
      }
    }
    return rv;
  }

  private async run(from: string): Promise<void> {
    const signal = this.ac.signal;
    while (!signal.aborted) {
      try {
        // The built-in controllers only read events (index owners, match names, register
        // CRDs; writes go through fresh reads), so they share the store's copy: one object
        // clone less per write of any kind.
        for await (const e of this.storage.watch({ fromResourceVersion: from, signal, readOnly: true })) {
          from = e.resourceVersion;
          for (const h of this.handlers) {
            try {
              await h.onEvent(e);
            } catch (err) {
              log(`${h.name} failed on ${e.type} ${e.key.resource} ${e.namespace}/${e.name}`, err);
            }
          }
        }
      } catch (err) {
        if (signal.aborted) return;
        log("storage watch ended; resyncing", err);
        await new Promise((r) => setTimeout(r, this.retryMs));
        if (signal.aborted) return;
        from = await this.resyncAll().catch(() => from);
      }
    }
  }
}

function log(msg: string, err: unknown): void {
  console.error(JSON.stringify({ level: "error", msg, error: err instanceof Error ? err.message : String(err) }));
}
