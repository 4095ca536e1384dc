import { errors } from "../../kube/errors";
import type { WatchEvent, WatchEventType, KubeObject } from "../../kube/types";

/** One change as the fake store logged it. `previous` lets selector watches emit DELETED on mismatch. */
export interface LoggedChange {
  rv: number;
  type: Exclude<WatchEventType, "BOOKMARK" | "ERROR">;
  object: KubeObject;
  previous?: KubeObject;
}

/** What a watch subscribed to: apiVersion/kind plus a predicate built from namespace and selectors. */
export interface WatchFilter {
  apiVersion: string;
  kind: string;
  matches(obj: KubeObject): boolean;
}

interface Subscriber {
  filter: WatchFilter;
  onEvent: (e: WatchEvent) => void;
  end: () => void;
}

/**
 * The fake client's event log and watch fan-out: replays from a resourceVersion, answers
 * 410 Expired when that version was compacted away, and lets tests end every stream cleanly
 * to exercise informer resume.
 */
export class FakeWatchHub {
  private log: LoggedChange[] = [];
  private compactedThrough = 0;
  private subscribers = new Set<Subscriber>();

  append(change: LoggedChange): void {
    this.log.push(change);
    for (const s of this.subscribers) deliver(s, change);
  }

  /** Forgets every logged change up to `rv`: watches resuming at or below it get 410. */
  compact(rv: number): void {
    this.compactedThrough = Math.max(this.compactedThrough, rv);
    this.log = this.log.filter((c) => c.rv > rv);
  }

  /** Ends every open stream as a server would at timeoutSeconds. */
  endAll(): void {
    for (const s of [...this.subscribers]) s.end();
  }

  get openWatches(): number {
    return this.subscribers.size;
  }

  /**
   * Streams events after `fromRv` (replayed from the log), then live ones, until the signal
   * aborts or endAll(). `initial` holds the synthetic ADDED objects of a resourceVersion=0 watch.
   */
  watch(filter: WatchFilter, fromRv: number | undefined, currentRv: number, initial: KubeObject[], signal: AbortSignal, onEvent: (e: WatchEvent) => void): Promise<void> {
    if (fromRv !== undefined && fromRv < this.compactedThrough) {
      return Promise.reject(errors.expired(`too old resource version: ${fromRv} (${currentRv})`));
    }
    return new Promise<void>((resolve) => {
      const sub: Subscriber = {
        filter,
        onEvent,
        end: () => {
          this.subscribers.delete(sub);
          signal.removeEventListener("abort", sub.end);
          resolve();
        },
      };
      if (signal.aborted) return resolve();
      signal.addEventListener("abort", sub.end, { once: true });
      for (const obj of initial) onEvent({ type: "ADDED", object: structuredClone(obj) });
      if (fromRv !== undefined) for (const c of this.log) if (c.rv > fromRv) deliver(sub, c);
      this.subscribers.add(sub);
    });
  }
}

function deliver(s: Subscriber, c: LoggedChange): void {
  const { filter } = s;
  if (c.object.apiVersion !== filter.apiVersion || c.object.kind !== filter.kind) return;
  const now = filter.matches(c.object);
  const before = c.previous ? filter.matches(c.previous) : false;
  if (c.type === "DELETED") {
    if (now || before) s.onEvent({ type: "DELETED", object: structuredClone(c.object) });
    return;
  }
  if (now) s.onEvent({ type: c.type === "MODIFIED" && !before ? "ADDED" : c.type, object: structuredClone(c.object) });
  else if (before) s.onEvent({ type: "DELETED", object: structuredClone(c.object) });
}
