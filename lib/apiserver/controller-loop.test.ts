import { describe, expect, it } from "vitest";
import { MemoryStorage } from "../store/memory-storage";
import { ControllerLoop } from "./controller-loop";
import type { StorageEvent } from "./storage";

describe("ControllerLoop", () => {
  it("feeds every event to its handlers as the store's shared copy (no clone per loop)", async () => {
    const storage = await new MemoryStorage().open();
    const seen: StorageEvent[][] = [[], []];
    const loops = seen.map(
      (into) => new ControllerLoop(storage, [{ name: "t", resync: async () => undefined, onEvent: async (e) => void into.push(e) }]),
    );
    for (const l of loops) await l.start();
    const key = { group: "", resource: "configmaps" };
    await storage.create(key, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a", namespace: "default" }, data: { x: "1" } });
    while (seen.some((s) => s.length === 0)) await new Promise((r) => setTimeout(r, 5));
    for (const l of loops) await l.stop();
    expect(seen[0][0].object.metadata.name).toBe("a");
    expect(seen[0][0].type).toBe("ADDED");
    expect(seen[1][0].object).toBe(seen[0][0].object);
  });
});
