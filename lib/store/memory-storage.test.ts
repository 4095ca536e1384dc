import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MemoryStorage } from "./memory-storage";
import { describeStorageContract } from "./storage-contract";

describeStorageContract("MemoryStorage", async () => new MemoryStorage(), {
  withSmallEventLog: async (events) => ({ storage: new MemoryStorage({ eventLogSize: events }), compact: async () => {} }),
});

describe("MemoryStorage snapshots", () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  async function tmpFile() {
    const d = await mkdtemp(path.join(os.tmpdir(), "flotilla-mem-"));
    dirs.push(d);
    return path.join(d, "nested", "state.json");
  }

  it("survives a restart: objects and resourceVersion come back, older watches are 410", async () => {
    const file = await tmpFile();
    const s1 = await new MemoryStorage({ snapshotFile: file }).open();
    const a = await s1.create({ group: "", resource: "configmaps" }, { apiVersion: "v1", kind: "ConfigMap", metadata: { namespace: "d", name: "a" } });
    await s1.create({ group: "", resource: "nodes" }, { apiVersion: "v1", kind: "Node", metadata: { name: "n" } });
    await s1.close();

    const s2 = await new MemoryStorage({ snapshotFile: file }).open();
    expect(await s2.get({ group: "", resource: "configmaps" }, "d", "a")).toEqual(a);
    const rv = await s2.currentResourceVersion();
    expect(Number(rv)).toBe(Number(a.metadata.resourceVersion) + 1);
    const next = await s2.create({ group: "", resource: "nodes" }, { apiVersion: "v1", kind: "Node", metadata: { name: "m" } });
    expect(Number(next.metadata.resourceVersion)).toBe(Number(rv) + 1);
    const it = s2.watch({ fromResourceVersion: a.metadata.resourceVersion!, signal: new AbortController().signal })[Symbol.asyncIterator]();
    await expect(it.next()).rejects.toMatchObject({ status: { code: 410, reason: "Expired" } });
    await s2.close();
  });

  it("writes the snapshot debounced, without waiting for close", async () => {
    const file = await tmpFile();
    const s = await new MemoryStorage({ snapshotFile: file, snapshotDelayMs: 20 }).open();
    await s.create({ group: "", resource: "nodes" }, { apiVersion: "v1", kind: "Node", metadata: { name: "n" } });
    await expect.poll(async () => readFile(file, "utf8").catch(() => ""), { timeout: 2000 }).toContain('"name":"n"');
    await s.close();
  });

  it("open() without a snapshot file present starts empty", async () => {
    const s = await new MemoryStorage({ snapshotFile: await tmpFile() }).open();
    expect((await s.list({ group: "", resource: "nodes" })).items).toEqual([]);
    await s.close();
  });
});
