import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../kube/types";
import { FakeObjectClient } from "./fake-client";
import { flushMicrotasks } from "./fake-clock";
import { SharedInformerFactory } from "./shared-informers";
import { readThroughCache, resourceVersionAtLeast } from "./cached-read";

describe("resourceVersionAtLeast", () => {
  it.each([
    ["10", "9", true],
    ["9", "10", false],
    ["10", "10", true],
    ["10", undefined, true],
    [undefined, "1", false],
    ["abc", "abc", true],
    ["abd", "abc", false],
  ])("%s ≥ %s → %s", (a, b, want) => {
    expect(resourceVersionAtLeast(a as string | undefined, b as string | undefined)).toBe(want);
  });
});

describe("readThroughCache", () => {
  const cm: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a", namespace: "ns" } };

  async function setup() {
    const client = new FakeObjectClient({ objects: [cm] });
    const informers = new SharedInformerFactory({ client });
    const ac = new AbortController();
    let gets = 0;
    const get = client.get.bind(client);
    client.get = ((...args: Parameters<typeof client.get>) => {
      gets++;
      return get(...args);
    }) as typeof client.get;
    return { client, informers, ac, gets: () => gets };
  }

  it("reads the API while the cache is not synced, then serves from the cache", async () => {
    const { client, informers, ac, gets } = await setup();
    const ref = { apiVersion: "v1", kind: "ConfigMap", namespace: "ns", name: "a" };
    expect((await readThroughCache(informers, client, ref))?.metadata.name).toBe("a");
    expect(gets()).toBe(1);
    informers.start(ac.signal);
    await informers.waitForSync();
    await flushMicrotasks();
    const hit = await readThroughCache(informers, client, ref);
    expect(gets()).toBe(1);
    // A cached copy older than asked for is not trusted.
    const newer = String(Number(hit!.metadata.resourceVersion) + 5);
    await readThroughCache(informers, client, ref, newer);
    expect(gets()).toBe(2);
    // A miss is never taken as "absent".
    expect(await readThroughCache(informers, client, { ...ref, name: "b" })).toBeUndefined();
    expect(gets()).toBe(3);
    ac.abort();
    await informers.stop();
  });
});
