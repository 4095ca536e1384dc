import { describe, expect, it } from "vitest";
import type { StorageEvent, StorageWatchOptions } from "../apiserver/storage";
import { ApiError, errors } from "../kube/errors";
import { createEventStream } from "./sse";

/** A storage whose watch yields the events pushed into it, like the real one, until aborted. */
function fakeStorage(opts: { expireFirst?: boolean } = {}) {
  const queue: StorageEvent[] = [];
  let wake: (() => void) | undefined;
  let watches = 0;
  return {
    watches: () => watches,
    push(e: StorageEvent) {
      queue.push(e);
      wake?.();
    },
    currentResourceVersion: async () => "10",
    watch(o: StorageWatchOptions): AsyncIterable<StorageEvent> {
      watches++;
      const expire = opts.expireFirst && watches === 1;
      return {
        async *[Symbol.asyncIterator]() {
          if (expire) throw errors.expired("too old resource version: 10 (20)");
          while (!o.signal.aborted) {
            while (queue.length) yield queue.shift()!;
            await new Promise<void>((r) => {
              wake = r;
              o.signal.addEventListener("abort", () => r(), { once: true });
            });
          }
        },
      };
    },
  };
}

const deployment = (name: string, rv: string): StorageEvent => ({
  type: "MODIFIED",
  key: { group: "apps", resource: "deployments" },
  namespace: "default",
  name,
  resourceVersion: rv,
  object: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name, namespace: "default" } },
});

async function readFor(stream: ReadableStream<Uint8Array>, ms: number): Promise<string> {
  const reader = stream.getReader();
  const dec = new TextDecoder();
  let out = "";
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const r = await Promise.race([reader.read(), new Promise<undefined>((res) => setTimeout(res, deadline - Date.now()))]);
    if (!r) break;
    if (r.done) break;
    out += dec.decode(r.value);
  }
  reader.releaseLock();
  return out;
}

const frames = (text: string) =>
  text
    .split("\n\n")
    .filter((f) => f.startsWith("event: invalidate"))
    .map((f) => JSON.parse(f.split("data: ")[1]).key);

describe("createEventStream", () => {
  it("coalesces a burst into one message per key and filters by topic", async () => {
    const storage = fakeStorage();
    const ac = new AbortController();
    const stream = createEventStream({ storage, topics: new Set(["deployments.apps"]), signal: ac.signal, windowMs: 50 });
    setTimeout(() => {
      for (let i = 0; i < 20; i++) storage.push(deployment("web", String(11 + i)));
      storage.push({ ...deployment("x", "40"), key: { group: "", resource: "configmaps" } });
    }, 10);
    const text = await readFor(stream, 200);
    ac.abort();
    expect(text.startsWith("retry: 3000")).toBe(true);
    expect(frames(text)).toEqual([
      ["kube", "apps", "v1", "deployments", "default", "web"],
      ["rest", "overview"],
      ["rest", "resources"],
      ["rest", "workflow"],
    ]);
  });

  it("invalidates everything after falling behind the event log (410), then follows again", async () => {
    const storage = fakeStorage({ expireFirst: true });
    const ac = new AbortController();
    const stream = createEventStream({ storage, topics: "all", signal: ac.signal, windowMs: 30 });
    setTimeout(() => storage.push(deployment("api", "50")), 60);
    const text = await readFor(stream, 200);
    ac.abort();
    const keys = frames(text);
    expect(keys).toContainEqual(["kube"]);
    expect(keys).toContainEqual(["rest"]);
    expect(keys).toContainEqual(["kube", "apps", "v1", "deployments", "default", "api"]);
    expect(storage.watches()).toBe(2);
  });

  it("ends the stream when the client goes away", async () => {
    const storage = fakeStorage();
    const ac = new AbortController();
    const reader = createEventStream({ storage, topics: "all", signal: ac.signal }).getReader();
    await reader.read();
    ac.abort();
    const r = await reader.read();
    expect(r.done).toBe(true);
    expect(ApiError.is(errors.expired("x"), "Expired")).toBe(true);
  });
});
