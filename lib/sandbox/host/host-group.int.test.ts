import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxHosts, type SandboxHostGroup } from "./host-group";
import type { HostedSandbox } from "./protocol";

describe("sandbox host group", () => {
  let dir: string;
  let group: SandboxHostGroup;
  let made: HostedSandbox[];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "flotilla-hosts-"));
    group = await startSandboxHosts(2, { dataDir: dir, specDefaults: { startupDelayMs: 50 }, snapshotDelayMs: 60_000 });
    made = await group.create([{ name: "g1" }, { name: "g2", region: "r2" }, { name: "g3" }]);
  });

  afterAll(async () => {
    await group?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("spreads sandboxes over separate processes and answers in request order", async () => {
    expect(new Set(group.pids).size).toBe(2);
    expect(made.map((s) => [s.name, s.region])).toEqual([["g1", "local"], ["g2", "r2"], ["g3", "local"]]);
    const perHost = await Promise.all(group.hosts.map(async (h) => (await h.list()).map((s) => s.name).sort()));
    expect(perHost).toEqual([["g1", "g3"], ["g2"]]);
    expect((await group.list()).map((s) => s.name).sort()).toEqual(["g1", "g2", "g3"]);
    expect(await group.rssBytes()).toBeGreaterThan((await group.hosts[0].rssBytes()) + 1);
  });

  it("sends a duplicate to the host that holds the name, and deletes there", async () => {
    await expect(group.create([{ name: "g2" }])).rejects.toThrow(/already exists/);
    await group.delete(["g2"]);
    expect((await group.hosts[1].list()).map((s) => s.name)).toEqual([]);
    await expect(group.delete(["nope"])).rejects.toThrow(/not found/);
  });
});
