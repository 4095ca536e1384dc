import { randomUUID } from "node:crypto";
import type { KubeObject } from "../../kube/types";
import type { EventRecorder, EventType } from "./events";
import { FakeObjectClient } from "./fake-client";
import { FakeClock, flushMicrotasks } from "./fake-clock";
import type { InformerSpec } from "./informer";
import { noopLogger } from "./log";
import type { ReconcileContext } from "./result";
import { SharedInformerFactory } from "./shared-informers";

/** One event a RecordingEventRecorder kept. */
export interface RecordedEvent {
  kind: string;
  namespace?: string;
  name: string;
  type: EventType;
  reason: string;
  message: string;
}

/** An EventRecorder for tests: keeps events in memory so cases can assert reason and type. */
export class RecordingEventRecorder implements EventRecorder {
  readonly events: RecordedEvent[] = [];

  event(obj: KubeObject, type: EventType, reason: string, message: string): void {
    this.events.push({ kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name ?? "", type, reason, message });
  }
}

/** What createTestEnv hands a reconciler test. */
export interface TestEnv {
  clock: FakeClock;
  client: FakeObjectClient;
  informers: SharedInformerFactory;
  events: RecordingEventRecorder;
  /** A ReconcileContext over the synced informers (fresh reconcileId per call). */
  ctx(overrides?: Partial<ReconcileContext>): ReconcileContext;
  /** Lets informers catch up with writes made through `client` (watch events are async). */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A reconciler test bench (the analogue of controller-runtime's fake client plus a synced
 * cache): a fake clock, a FakeObjectClient seeded with `objects`, informers for `watches`
 * started and synced, and an event recorder that remembers. Call `stop()` in afterEach.
 * Idempotency check: run reconcile, `client.resetWrites()`, run again, expect no writes.
 */
export async function createTestEnv(opts: { objects?: KubeObject[]; watches?: InformerSpec[]; start?: number } = {}): Promise<TestEnv> {
  const clock = new FakeClock(opts.start);
  const client = new FakeObjectClient({ clock, objects: opts.objects });
  const informers = new SharedInformerFactory({ client, clock });
  const abort = new AbortController();
  for (const w of opts.watches ?? []) informers.informerFor(w);
  informers.start(abort.signal);
  await informers.waitForSync();
  const events = new RecordingEventRecorder();
  return {
    clock,
    client,
    informers,
    events,
    ctx: (overrides = {}) => ({ signal: abort.signal, reconcileId: randomUUID(), log: noopLogger, attempt: 0, informers, ...overrides }),
    settle: () => flushMicrotasks(),
    stop: async () => {
      abort.abort();
      await informers.stop();
    },
  };
}
