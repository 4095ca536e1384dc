import { describe, expect, it } from "vitest";
import { MemoryStorage } from "../store/memory-storage";
import { ResourceRegistry } from "../kube/resources/registry";
import { ObjectApi } from "./object-api";
import { watchObjects } from "./object-watch";
import { testDescriptors } from "./test-descriptors";
import type { WatchEvent } from "../kube/types";

async function setup() {
  const registry = new ResourceRegistry(testDescriptors());
  const api = new ObjectApi({ storage: new MemoryStorage(), registry });
  const ns = registry.byKind("v1", "Namespace")!;
  const cm = registry.byKind("v1", "ConfigMap")!;
  await api.create(ns, undefined, { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" } });
  return { api, cm };
}

async function collect(it: AsyncGenerator<WatchEvent>, n: number): Promise<WatchEvent[]> {
  const out: WatchEvent[] = [];
  for await (const e of it) {
    out.push(e);
    if (out.length === n) break;
  }
  return out;
}

describe("watchObjects", () => {
  it("starts with synthetic ADDED events at resourceVersion 0, then live events", async () => {
    const { api, cm } = await setup();
    await api.create(cm, "default", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a" } });
    const ac = new AbortController();
    const gen = watchObjects(api, cm, { namespace: "default", resourceVersion: "0" }, ac.signal);
    const first = await gen.next();
    expect(first.value).toMatchObject({ type: "ADDED", object: { metadata: { name: "a" } } });
    const pending = collect(gen, 1);
    await api.create(cm, "default", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "b" } });
    expect((await pending)[0]).toMatchObject({ type: "ADDED", object: { kind: "ConfigMap", metadata: { name: "b" } } });
    ac.abort();
  });

  it("replays from a resourceVersion and reports objects leaving the selector as DELETED", async () => {
    const { api, cm } = await setup();
    const list = await api.list(cm, { namespace: "default" });
    const a = await api.create(cm, "default", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a", labels: { x: "y" } } });
    await api.update(cm, "default", "a", { ...a, metadata: { ...a.metadata, labels: { x: "z" } } });
    const ac = new AbortController();
    const events = await collect(watchObjects(api, cm, { namespace: "default", labelSelector: "x=y", resourceVersion: list.metadata.resourceVersion }, ac.signal), 2);
    expect(events.map((e) => e.type)).toEqual(["ADDED", "DELETED"]);
    ac.abort();
  });

  it("throws 410 Expired for a resourceVersion older than the event log", async () => {
    const registry = new ResourceRegistry(testDescriptors());
    const api = new ObjectApi({ storage: new MemoryStorage({ eventLogSize: 2 }), registry });
    const ns = registry.byKind("v1", "Namespace")!;
    for (const n of ["a", "b", "c", "d"]) await api.create(ns, undefined, { apiVersion: "v1", kind: "Namespace", metadata: { name: n } });
    const ac = new AbortController();
    await expect(collect(watchObjects(api, ns, { resourceVersion: "1" }, ac.signal), 1)).rejects.toMatchObject({ status: { code: 410 } });
  });
});
