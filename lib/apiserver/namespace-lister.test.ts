import { afterEach, describe, expect, it } from "vitest";
import { MemoryStorage } from "../store/memory-storage";
import type { KubeObject } from "../kube/types";
import { NamespaceLister } from "./namespace-lister";

const KEY = { group: "", resource: "namespaces" };
const ns = (name: string): KubeObject => ({ apiVersion: "v1", kind: "Namespace", metadata: { name } });

/** A MemoryStorage that counts point reads of namespaces. */
function countingStorage() {
  const storage = new MemoryStorage();
  const reads: string[] = [];
  const get = storage.get.bind(storage);
  storage.get = (key, namespace, name) => {
    if (key.resource === "namespaces") reads.push(name);
    return get(key, namespace, name);
  };
  return { storage, reads };
}

async function until(cond: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 500 && !(await cond()); i++) await new Promise((r) => setTimeout(r, 1));
  expect(await cond()).toBe(true);
}

let lister: NamespaceLister | undefined;
afterEach(() => lister?.close());

describe("NamespaceLister", () => {
  it("reads storage until its list is in, then answers from the cache the watch keeps", async () => {
    const { storage, reads } = countingStorage();
    await storage.create(KEY, ns("a"));
    lister = new NamespaceLister(storage);
    expect(lister.listed).toBe(false);
    expect((await lister.get("a"))?.metadata.name).toBe("a");
    expect(reads).toEqual(["a"]);
    await until(() => lister!.listed);
    expect((await lister.get("a"))?.metadata.name).toBe("a");
    expect(reads).toEqual(["a"]);
    // Another writer marks it for deletion: the watch brings that in, still without a read.
    const stored = (await storage.get(KEY, "", "a"))!;
    await storage.update(KEY, { ...stored, metadata: { ...stored.metadata, deletionTimestamp: "2024-05-01T10:00:00Z" } }, stored.metadata.resourceVersion!);
    reads.length = 0;
    await until(async () => (await lister!.get("a"))?.metadata.deletionTimestamp !== undefined);
    expect(reads).toEqual([]);
  });

  it("a name it has not seen, or one deleted, is read from storage (a cache behind a new namespace)", async () => {
    const { storage, reads } = countingStorage();
    lister = new NamespaceLister(storage);
    expect(await lister.get("b")).toBeUndefined();
    await until(() => lister!.listed);
    // Created behind its back: found by the read even before the watch delivers it.
    await storage.create(KEY, ns("b"));
    expect((await lister.get("b"))?.metadata.name).toBe("b");
    await storage.delete(KEY, "", "b");
    await until(async () => {
      reads.length = 0;
      return (await lister!.get("b")) === undefined && reads.length === 1;
    });
  });

  it("keeps the newest version it was told of: an older one from the watch does not replace it", async () => {
    const { storage } = countingStorage();
    const created = await storage.create(KEY, ns("c"));
    lister = new NamespaceLister(storage);
    await lister.get("c");
    await until(() => lister!.listed);
    const marked = { ...created, metadata: { ...created.metadata, resourceVersion: String(Number(created.metadata.resourceVersion) + 5), deletionTimestamp: "2024-05-01T10:00:00Z" } };
    lister.observe(marked, "MODIFIED");
    lister.observe(created, "MODIFIED");
    expect((await lister.get("c"))?.metadata.deletionTimestamp).toBe("2024-05-01T10:00:00Z");
  });

  it("forgets a name it observed that a later list no longer holds (deleted meanwhile)", async () => {
    const { storage } = countingStorage();
    const created = await storage.create(KEY, ns("d"));
    lister = new NamespaceLister(storage);
    lister.observe(created, "ADDED");
    await storage.delete(KEY, "", "d");
    expect(await lister.get("d")).toBeUndefined();
    await until(() => lister!.listed);
    expect(await lister.get("d")).toBeUndefined();
  });
});
