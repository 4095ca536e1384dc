import { describe, expect, it, vi } from "vitest";

// The snapshot writer is replaced by one that takes 20 ms, standing in for a large store.
const writes: number[] = [];
vi.mock("./snapshot-file", () => ({
  readSnapshot: async () => undefined,
  writeSnapshot: async () => {
    writes.push(performance.now());
    await new Promise((r) => setTimeout(r, 20));
  },
}));

const { MemoryStorage, SNAPSHOT_COST_FACTOR } = await import("./memory-storage");

describe("MemoryStorage snapshot pacing", () => {
  it("spaces snapshots by a multiple of what the last one cost, not by the fixed debounce", async () => {
    const s = await new MemoryStorage({ snapshotFile: "/unused/state.json", snapshotDelayMs: 5 }).open();
    const cm = { group: "", resource: "configmaps" };
    await s.create(cm, { apiVersion: "v1", kind: "ConfigMap", metadata: { namespace: "d", name: "first" } });
    await vi.waitFor(() => expect(writes).toHaveLength(1), { timeout: 2000 });
    // Writes every 5 ms for 300 ms: with the fixed 5 ms debounce this would snapshot ~10 times;
    // the last snapshot cost >= 20 ms, so the next one waits >= 20 * SNAPSHOT_COST_FACTOR ms.
    for (let i = 0; i < 60; i++) {
      await s.create(cm, { apiVersion: "v1", kind: "ConfigMap", metadata: { namespace: "d", name: `cm-${i}` } });
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(20 * SNAPSHOT_COST_FACTOR).toBeGreaterThan(600);
    expect(writes).toHaveLength(1);
    // close() still writes what is dirty at once.
    await s.close();
    expect(writes).toHaveLength(2);
  });
});
