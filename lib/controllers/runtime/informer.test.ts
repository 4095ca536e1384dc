import { afterEach, describe, expect, it } from "vitest";
import type { WatchOptions } from "../../kube/client";
import { errors } from "../../kube/errors";
import type { KubeObject, WatchEvent } from "../../kube/types";
import { FakeObjectClient } from "./fake-client";
import { FakeClock, flushMicrotasks } from "./fake-clock";
import { Informer } from "./informer";

const cm = (name: string, labels?: Record<string, string>): KubeObject => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name, namespace: "ns", ...(labels ? { labels } : {}) },
});
const ref = (name: string) => ({ apiVersion: "v1", kind: "ConfigMap", namespace: "ns", name });

function recorder() {
  const seen: string[] = [];
  return {
    seen,
    handlers: {
      onAdd: (o: KubeObject) => seen.push(`add:${o.metadata.name}`),
      onUpdate: (a: KubeObject, b: KubeObject) => seen.push(a === b ? `resync:${b.metadata.name}` : `update:${b.metadata.name}`),
      onDelete: (o: KubeObject) => seen.push(`delete:${o.metadata.name}`),
    },
  };
}

function countCalls(client: FakeObjectClient) {
  const calls = { list: 0, watch: 0 };
  client.prependReactor((verb) => {
    if (verb === "list" || verb === "watch") calls[verb]++;
  });
  return calls;
}

const running: Informer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((i) => i.stop()));
});

function start(inf: Informer): Informer {
  running.push(inf);
  inf.start();
  return inf;
}

describe("Informer", () => {
  it("lists into the cache, then delivers watch events to handlers", async () => {
    const clock = new FakeClock();
    const client = new FakeObjectClient({ clock, objects: [cm("a"), cm("b")] });
    const inf = new Informer({ client, clock, apiVersion: "v1", kind: "ConfigMap" });
    const r = recorder();
    inf.addHandlers(r.handlers);
    start(inf);
    await inf.waitForSync();
    expect(inf.hasSynced()).toBe(true);
    expect(inf.list("ns").map((o) => o.metadata.name).sort()).toEqual(["a", "b"]);
    await client.create(cm("c"));
    await client.patch(ref("a"), "application/merge-patch+json", { data: { x: "1" } });
    await client.delete(ref("b"));
    await flushMicrotasks();
    expect(r.seen).toEqual(["add:a", "add:b", "add:c", "update:a", "delete:b"]);
    expect(inf.get("ns", "b")).toBeUndefined();
    expect(inf.get("ns", "a")?.data).toEqual({ x: "1" });
  });

  it("resumes from the last resourceVersion when the stream ends, without relisting", async () => {
    const clock = new FakeClock();
    const client = new FakeObjectClient({ clock, objects: [cm("a")] });
    const calls = countCalls(client);
    const inf = start(new Informer({ client, clock, apiVersion: "v1", kind: "ConfigMap" }));
    await inf.waitForSync();
    await client.create(cm("b"));
    await flushMicrotasks();
    client.endWatches();
    await flushMicrotasks();
    await client.create(cm("c"));
    await flushMicrotasks();
    expect(calls).toEqual({ list: 1, watch: 2 });
    expect(inf.list().map((o) => o.metadata.name).sort()).toEqual(["a", "b", "c"]);
    expect(inf.lastResourceVersion).toBe(client.currentResourceVersion);
  });

  it("reconnects with backoff after errors and relists on 410, reporting what changed meanwhile", async () => {
    const clock = new FakeClock();
    const client = new FakeObjectClient({ clock, objects: [cm("a"), cm("b")] });
    const calls = countCalls(client);
    let failWatch = false;
    client.prependReactor((verb) => {
      if (verb === "watch" && failWatch) throw errors.internal("down");
    });
    const inf = new Informer({ client, clock, apiVersion: "v1", kind: "ConfigMap" });
    const r = recorder();
    inf.addHandlers(r.handlers);
    start(inf);
    await inf.waitForSync();
    await client.create(cm("x"));
    await flushMicrotasks();
    failWatch = true;
    client.endWatches();
    await flushMicrotasks();
    await client.delete(ref("b"));
    await client.create(cm("c"));
    client.compact();
    failWatch = false;
    await clock.advance(999);
    expect(calls.list).toBe(1);
    await clock.advance(1);
    expect(calls.list).toBe(2);
    expect(r.seen.slice(3)).toEqual(["add:c", "delete:b"]);
    expect(inf.list().map((o) => o.metadata.name).sort()).toEqual(["a", "c", "x"]);
  });

  it("backs off 1 s, 2 s, 4 s ... up to the cap while the server is down", async () => {
    const clock = new FakeClock();
    const client = new FakeObjectClient({ clock });
    client.prependReactor((verb) => {
      if (verb === "list") throw errors.serviceUnavailable("down");
    });
    const calls = countCalls(client);
    start(new Informer({ client, clock, apiVersion: "v1", kind: "ConfigMap", backoff: { initialMs: 1000, maxMs: 4000 } }));
    await flushMicrotasks();
    const at: number[] = [];
    for (let t = 0; t < 16; t++) {
      const before = calls.list;
      await clock.advance(1000);
      if (calls.list > before) at.push(t + 1);
    }
    expect(at).toEqual([1, 3, 7, 11, 15]);
  });

  it("relists on an in-stream ERROR 410 event", async () => {
    const clock = new FakeClock();
    const client = new FakeObjectClient({ clock, objects: [cm("a")] });
    const calls = countCalls(client);
    let first = true;
    const realWatch = client.watch.bind(client);
    client.watch = async (apiVersion: string, kind: string, opts: WatchOptions, onEvent: (e: WatchEvent) => void) => {
      if (first) {
        first = false;
        onEvent({ type: "ERROR", object: errors.expired("too old resource version: 1 (5)").status as unknown as KubeObject });
        return;
      }
      return realWatch(apiVersion, kind, opts, onEvent);
    };
    const inf = start(new Informer({ client, clock, apiVersion: "v1", kind: "ConfigMap" }));
    await inf.waitForSync();
    await flushMicrotasks();
    expect(calls.list).toBe(2);
  });

  it("resync re-delivers cached objects as updates of themselves", async () => {
    const clock = new FakeClock();
    const client = new FakeObjectClient({ clock, objects: [cm("a")] });
    const inf = new Informer({ client, clock, apiVersion: "v1", kind: "ConfigMap", resyncMs: 5000 });
    const r = recorder();
    inf.addHandlers(r.handlers);
    start(inf);
    await inf.waitForSync();
    await clock.advance(10_000);
    expect(r.seen).toEqual(["add:a", "resync:a", "resync:a"]);
  });

  it("keeps indexes current and filters by label selector", async () => {
    const clock = new FakeClock();
    const client = new FakeObjectClient({ clock, objects: [cm("a", { app: "x", tier: "1" }), cm("b", { app: "y", tier: "1" }), cm("c", { tier: "1" })] });
    const inf = start(
      new Informer({ client, clock, apiVersion: "v1", kind: "ConfigMap", labelSelector: "app", indexers: { byApp: (o) => [o.metadata.labels?.app ?? ""] } }),
    );
    await inf.waitForSync();
    expect(inf.byIndex("byApp", "x").map((o) => o.metadata.name)).toEqual(["a"]);
    await client.patch(ref("a"), "application/merge-patch+json", { metadata: { labels: { app: "y" } } });
    await flushMicrotasks();
    expect(inf.byIndex("byApp", "x")).toEqual([]);
    expect(inf.byIndex("byApp", "y").map((o) => o.metadata.name).sort()).toEqual(["a", "b"]);
    expect(inf.get("ns", "c")).toBeUndefined();
  });

  it("a late handler first receives the cached objects; a throwing handler harms no one", async () => {
    const clock = new FakeClock();
    const client = new FakeObjectClient({ clock, objects: [cm("a")] });
    const inf = start(new Informer({ client, clock, apiVersion: "v1", kind: "ConfigMap" }));
    await inf.waitForSync();
    inf.addHandlers({ onAdd: () => { throw new Error("bad handler"); } });
    const r = recorder();
    inf.addHandlers(r.handlers);
    await client.create(cm("b"));
    await flushMicrotasks();
    expect(r.seen).toEqual(["add:a", "add:b"]);
  });

  it("lists in pages and caches objects without their managedFields", async () => {
    const clock = new FakeClock();
    const objs = Array.from({ length: 7 }, (_, i) => cm(`c${i}`));
    objs[0].metadata.managedFields = [{ manager: "kubectl", operation: "Update", apiVersion: "v1", fieldsType: "FieldsV1", fieldsV1: {} }];
    const client = new FakeObjectClient({ clock, objects: objs });
    // The fake lists in one piece: page it here by name, as the store pages by key.
    const pages: number[] = [];
    const all = client.list.bind(client);
    client.list = (async (apiVersion: string, kind: string, o: { limit?: number; continue?: string } = {}) => {
      const full = await all(apiVersion, kind, o);
      const start = Number(o.continue ?? 0);
      const items = full.items.slice(start, start + (o.limit ?? full.items.length));
      pages.push(items.length);
      const next = start + items.length;
      return { ...full, items, metadata: { ...full.metadata, continue: next < full.items.length ? String(next) : undefined } };
    }) as typeof client.list;
    const r = recorder();
    const inf = new Informer({ client, clock, apiVersion: "v1", kind: "ConfigMap", listPageSize: 3 });
    inf.addHandlers(r.handlers);
    start(inf);
    await inf.waitForSync();
    expect(pages).toEqual([3, 3, 1]);
    expect(inf.list()).toHaveLength(7);
    expect(inf.get("ns", "c0")?.metadata.managedFields).toBeUndefined();
    expect(r.seen.filter((x) => x.startsWith("add:"))).toHaveLength(7);
  });
});
