import { afterEach, describe, expect, it } from "vitest";
import { errors } from "../../kube/errors";
import type { KubeObject } from "../../kube/types";
import { Controller, defineController } from "./controller";
import { FakeObjectClient } from "./fake-client";
import { FakeClock, flushMicrotasks } from "./fake-clock";
import type { Request } from "./keys";
import { TerminalError, type ReconcileContext, type Result } from "./result";
import { SharedInformerFactory } from "./shared-informers";
import { labelKey, ownerKey } from "./watches";

const cm = (name: string, meta: Partial<KubeObject["metadata"]> = {}): KubeObject => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name, namespace: "ns", ...meta },
});

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops.splice(0)) await s();
});

async function run(objects: KubeObject[], reconcile: (req: Request, ctx: ReconcileContext) => Promise<Result | void>, extra: Partial<Parameters<typeof defineController>[0]> = {}) {
  const clock = new FakeClock();
  const client = new FakeObjectClient({ clock, objects });
  const informers = new SharedInformerFactory({ client, clock });
  const ac = new AbortController();
  const ctrl = new Controller(defineController({ name: "test", watches: [{ apiVersion: "v1", kind: "ConfigMap" }], reconcile, ...extra }), { informers, clock });
  informers.start(ac.signal);
  await ctrl.start();
  await flushMicrotasks();
  stops.push(async () => {
    await ctrl.stop();
    ac.abort();
    await informers.stop();
  });
  return { clock, client, ctrl };
}

describe("Controller", () => {
  it("folds a burst of events inside a watch's delayMs window into one reconcile", async () => {
    const seen: string[] = [];
    const { client, clock } = await run([], async (req) => {
      seen.push(req.name);
    }, { watches: [{ apiVersion: "v1", kind: "ConfigMap", delayMs: 100 }] });
    await client.create(cm("a"));
    for (let i = 0; i < 3; i++) {
      await client.patch({ apiVersion: "v1", kind: "ConfigMap", namespace: "ns", name: "a" }, "application/merge-patch+json", { data: { x: String(i) } });
      await clock.advance(20);
    }
    expect(seen).toEqual([]);
    await clock.advance(50);
    expect(seen).toEqual(["a"]);
    await clock.advance(500);
    expect(seen).toEqual(["a"]);
  });

  it("reconciles each existing object once and again after a change", async () => {
    const seen: string[] = [];
    const { client } = await run([cm("a"), cm("b")], async (req) => {
      seen.push(`${req.namespace}/${req.name}`);
    });
    expect(seen.sort()).toEqual(["ns/a", "ns/b"]);
    await client.patch({ apiVersion: "v1", kind: "ConfigMap", namespace: "ns", name: "a" }, "application/merge-patch+json", { data: { x: "1" } });
    await flushMicrotasks();
    expect(seen.sort()).toEqual(["ns/a", "ns/a", "ns/b"]);
  });

  it("retries a thrown error with growing backoff and forgets it on success", async () => {
    const attempts: number[] = [];
    const { clock, ctrl } = await run([cm("a")], async (_req, ctx) => {
      attempts.push(ctx.attempt);
      if (attempts.length < 4) throw new Error("transient");
    });
    expect(attempts).toEqual([0]);
    await clock.advance(5);
    expect(attempts).toEqual([0, 1]);
    await clock.advance(9);
    expect(attempts).toEqual([0, 1]);
    await clock.advance(1);
    expect(attempts).toEqual([0, 1, 2]);
    await clock.advance(20);
    expect(attempts).toEqual([0, 1, 2, 3]);
    expect(ctrl.queue.numRequeues("ns/a")).toBe(0);
    expect(ctrl.metrics()).toMatchObject({ reconciles: 4, errors: 3 });
  });

  it("does not retry a TerminalError", async () => {
    let calls = 0;
    const { clock, ctrl } = await run([cm("a")], async () => {
      calls++;
      throw new TerminalError("spec is invalid");
    });
    await clock.advance(60_000);
    expect(calls).toBe(1);
    expect(ctrl.metrics().terminal).toBe(1);
  });

  it("requeues a 409 Conflict immediately, without backoff", async () => {
    let calls = 0;
    const { ctrl } = await run([cm("a")], async () => {
      calls++;
      if (calls === 1) throw errors.conflict("configmaps", "a", "the object has been modified");
    });
    await flushMicrotasks();
    expect(calls).toBe(2);
    expect(ctrl.metrics().conflicts).toBe(1);
  });

  it("honours requeueAfterMs", async () => {
    let calls = 0;
    const { clock } = await run([cm("a")], async () => {
      calls++;
      return { requeueAfterMs: 1000 };
    });
    await clock.advance(999);
    expect(calls).toBe(1);
    await clock.advance(1);
    expect(calls).toBe(2);
  });

  it("aborts a reconcile at its timeout and retries it", async () => {
    const signals: AbortSignal[] = [];
    const { clock, ctrl } = await run(
      [cm("a")],
      (_req, ctx) => {
        signals.push(ctx.signal);
        return new Promise(() => {});
      },
      { timeoutMs: 100 },
    );
    await clock.advance(100);
    expect(signals[0].aborted).toBe(true);
    expect(ctrl.metrics().errors).toBe(1);
    await clock.advance(5);
    expect(signals.length).toBe(2);
  });

  it("lets the event loop poll I/O between reconciles of a busy queue", async () => {
    let done = 0;
    const { ctrl } = await run([], async () => {
      done++;
    });
    for (let i = 0; i < 50; i++) ctrl.enqueue({ namespace: "ns", name: `k${i}` });
    const atFirstTurn = await new Promise<number>((r) => setImmediate(() => r(done)));
    expect(atFirstTurn).toBeLessThan(5);
    await flushMicrotasks();
    for (let i = 0; i < 60 && done < 50; i++) await new Promise((r) => setImmediate(r));
    expect(done).toBe(50);
  });

  it("keeps one deadline timer however many reconciles run", async () => {
    const { clock, ctrl } = await run([cm("a"), cm("b"), cm("c")], () => new Promise(() => {}), { workers: 3, timeoutMs: 1000 });
    expect(ctrl.metrics().queue.processing).toBe(3);
    expect(clock.pendingTimers()).toBe(1);
  });

  it("survives a reconciler that throws synchronously", async () => {
    let calls = 0;
    const { clock } = await run([cm("a")], (() => {
      calls++;
      throw new Error("sync throw");
    }) as unknown as () => Promise<void>);
    await clock.advance(5);
    expect(calls).toBe(2);
  });

  it("gives every reconcile its own id", async () => {
    const ids: string[] = [];
    const { clock } = await run([cm("a")], async (_req, ctx) => {
      ids.push(ctx.reconcileId);
      return { requeueAfterMs: 1 };
    });
    await clock.advance(1);
    expect(ids.length).toBe(2);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it("never runs the same key twice at once, even with several workers", async () => {
    let running = 0;
    let maxRunning = 0;
    const release: (() => void)[] = [];
    const { client } = await run(
      [cm("a")],
      async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await new Promise<void>((r) => release.push(r));
        running--;
      },
      { workers: 4 },
    );
    for (let i = 0; i < 3; i++) {
      await client.patch({ apiVersion: "v1", kind: "ConfigMap", namespace: "ns", name: "a" }, "application/merge-patch+json", { data: { i: String(i) } });
    }
    await flushMicrotasks();
    expect(release.length).toBe(1);
    release.shift()!();
    await flushMicrotasks();
    expect(release.length).toBe(1);
    release.shift()!();
    await flushMicrotasks();
    expect(maxRunning).toBe(1);
  });
});

describe("mappers", () => {
  it("ownerKey maps to the owner in the object's namespace, optionally controller-only", () => {
    const obj = cm("child", {
      ownerReferences: [
        { apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: "1", controller: true },
        { apiVersion: "apps/v1", kind: "Deployment", name: "other", uid: "2" },
        { apiVersion: "v1", kind: "Service", name: "svc", uid: "3" },
      ],
    });
    expect(ownerKey({ apiVersion: "apps/v1", kind: "Deployment" })(obj)).toEqual([
      { namespace: "ns", name: "web" },
      { namespace: "ns", name: "other" },
    ]);
    expect(ownerKey({ kind: "Deployment", controllerOnly: true, clusterScoped: true })(obj)).toEqual([{ namespace: undefined, name: "web" }]);
  });

  it("labelKey reads the owner from labels or annotations", () => {
    const obj = cm("w", { labels: { "rb/ns": "default", "rb/name": "web" }, annotations: { "crb/name": "all" } });
    expect(labelKey({ nameKey: "rb/name", namespaceKey: "rb/ns" })(obj)).toEqual([{ namespace: "default", name: "web" }]);
    expect(labelKey({ nameKey: "crb/name", from: "annotations" })(obj)).toEqual([{ namespace: undefined, name: "all" }]);
    expect(labelKey({ nameKey: "missing" })(obj)).toEqual([]);
  });

  it("a secondary watch enqueues the owner's key", async () => {
    const clock = new FakeClock();
    const client = new FakeObjectClient({ clock, objects: [cm("owner"), cm("child", { labels: { owner: "owner" } })] });
    const informers = new SharedInformerFactory({ client, clock });
    const ac = new AbortController();
    const seen: string[] = [];
    const ctrl = new Controller(
      defineController({
        name: "owners",
        watches: [
          { apiVersion: "v1", kind: "ConfigMap", labelSelector: "!owner" },
          { apiVersion: "v1", kind: "ConfigMap", labelSelector: "owner", map: (o) => [{ namespace: o.metadata.namespace, name: o.metadata.labels!.owner }] },
        ],
        reconcile: async (req) => {
          seen.push(req.name);
        },
      }),
      { informers, clock },
    );
    informers.start(ac.signal);
    await ctrl.start();
    await flushMicrotasks();
    expect(informers.size).toBe(2);
    expect(seen).toEqual(["owner"]);
    await client.patch({ apiVersion: "v1", kind: "ConfigMap", namespace: "ns", name: "child" }, "application/merge-patch+json", { data: { x: "y" } });
    await flushMicrotasks();
    expect(seen).toEqual(["owner", "owner"]);
    await ctrl.stop();
    ac.abort();
    await informers.stop();
  });
});

describe("Controller lifecycle", () => {
  it("stopping before the caches sync resolves start() quietly", async () => {
    const clock = new FakeClock();
    const client = new FakeObjectClient({ clock });
    client.prependReactor((verb) => {
      if (verb === "list") throw errors.serviceUnavailable("down");
    });
    const informers = new SharedInformerFactory({ client, clock });
    const ac = new AbortController();
    const ctrl = new Controller(defineController({ name: "never", watches: [{ apiVersion: "v1", kind: "ConfigMap" }], reconcile: async () => {} }), { informers, clock });
    informers.start(ac.signal);
    const started = ctrl.start();
    await flushMicrotasks();
    await ctrl.stop();
    await expect(started).resolves.toBeUndefined();
    ac.abort();
    await informers.stop();
  });
});
