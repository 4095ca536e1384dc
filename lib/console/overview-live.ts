import type { Storage, StorageEvent } from "../apiserver/storage";
import { ApiError } from "../kube/errors";
import { OverviewAggregate, OVERVIEW_SOURCES, slotOf } from "./overview-aggregate";
import { listAll } from "./overview-loader";
import type { OverviewSummary } from "./overview-types";

type LiveStorage = Pick<Storage, "list" | "watch" | "currentResourceVersion">;

export interface LiveOverviewOptions {
  clock?: () => number;
  /** How long get() waits for the watch to reach the store's current resourceVersion. */
  catchUpMs?: number;
  /** Delay before re-listing after the watch ends or fails. */
  retryMs?: number;
}

/**
 * GET /api/v1/overview at scale: lists the overview's resources once, then follows one watch
 * over the store and folds every change into an OverviewAggregate, so a request costs a walk
 * over small entries (cached until the next change) instead of reading every binding.
 *
 * Freshness: a live invalidation makes the browser refetch right after a change, possibly
 * before this watch has seen it. get() therefore waits (briefly) until the watch has passed
 * the store's resourceVersion of the moment of the request, so that refetch sees the change.
 * Started on the first get(); `stop()` ends the watch.
 */
export function createLiveOverviewService(storage: LiveStorage, opts: LiveOverviewOptions = {}) {
  const clock = opts.clock ?? Date.now;
  const catchUpMs = opts.catchUpMs ?? 1_000;
  const retryMs = opts.retryMs ?? 1_000;
  const abort = new AbortController();
  const agg = new OverviewAggregate();
  let seen = 0n;
  let waiters: { rv: bigint; resolve: () => void }[] = [];
  let ready: Promise<void> | undefined;

  function advance(rv: bigint): void {
    if (rv <= seen) return;
    seen = rv;
    const due = waiters.filter((w) => w.rv <= seen);
    waiters = waiters.filter((w) => w.rv > seen);
    for (const w of due) w.resolve();
  }

  async function listEverything(): Promise<string> {
    // The version is read before the lists: replaying the watch from it onto lists that are
    // already newer converges (every later change arrives again, in order).
    const from = await storage.currentResourceVersion();
    const lists = await Promise.all(OVERVIEW_SOURCES.map((s) => listAll(storage, s.key)));
    OVERVIEW_SOURCES.forEach((s, i) => agg.reset(s.key, lists[i]));
    return from;
  }

  async function follow(from: string): Promise<void> {
    let rv = from;
    while (!abort.signal.aborted) {
      try {
        advance(BigInt(rv));
        for await (const ev of storage.watch({ fromResourceVersion: rv, signal: abort.signal, readOnly: true })) {
          onEvent(ev);
          rv = ev.resourceVersion;
        }
        // A store watch only ends on its own when the store closes: nothing left to follow.
        return;
      } catch (err) {
        if (abort.signal.aborted) return;
        // 410: the log moved past us; anything else: start over from a fresh list as well.
        if (!ApiError.is(err, "Expired")) console.error("overview watch failed; relisting", err);
      }
      if (abort.signal.aborted) return;
      await sleep(retryMs, abort.signal);
      rv = await listEverything().catch(() => rv);
    }
  }

  function onEvent(ev: StorageEvent): void {
    if (slotOf(ev.key)) agg.apply(ev.type, ev.key, ev.object);
    advance(BigInt(ev.resourceVersion));
  }

  function start(): Promise<void> {
    ready ??= listEverything().then((from) => {
      void follow(from);
    });
    // A failed first list is retried by the next request rather than cached.
    ready.catch(() => (ready = undefined));
    return ready;
  }

  function caughtUp(rv: bigint): Promise<void> {
    if (rv <= seen) return Promise.resolve();
    return new Promise((resolve) => {
      const w = { rv, resolve };
      waiters.push(w);
      setTimeout(() => {
        // A version that produced no event (nothing to wait for) must not stall every request:
        // after the wait, treat it as reached.
        waiters = waiters.filter((x) => x !== w);
        if (rv > seen) seen = rv;
        resolve();
      }, catchUpMs).unref?.();
    });
  }

  return {
    async get(): Promise<OverviewSummary> {
      await start();
      await caughtUp(BigInt(await storage.currentResourceVersion()));
      return agg.summary(new Date(clock()));
    },
    stop(): void {
      abort.abort();
      for (const w of waiters) w.resolve();
      waiters = [];
    },
  };
}

export type LiveOverviewService = ReturnType<typeof createLiveOverviewService>;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
