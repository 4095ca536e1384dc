import https from "node:https";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxHost, type SandboxHost } from "./sandbox-host";
import type { HostedSandbox } from "./protocol";

function get(s: HostedSandbox, urlPath: string, token = s.token): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(`${s.server}${urlPath}`, { ca: s.caCert, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("sandbox host process", () => {
  let dir: string;
  let host: SandboxHost;
  let made: HostedSandbox[];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "flotilla-host-"));
    host = await startSandboxHost({ dataDir: dir, specDefaults: { startupDelayMs: 50 } });
    made = await host.create([{ name: "h1", region: "eu-west-1" }, { name: "h2", nodes: 2 }]);
  });

  afterAll(async () => {
    await host?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("runs the sandboxes in another process and reports how to reach them", async () => {
    expect(host.pid).not.toBe(process.pid);
    expect(made.map((s) => [s.name, s.region])).toEqual([["h1", "eu-west-1"], ["h2", "local"]]);
    for (const s of made) {
      const version = await get(s, "/version");
      expect(version.status).toBe(200);
      expect(JSON.parse(version.body).gitVersion).toMatch(/^v1\./);
      expect(await readFile(s.kubeconfigPath, "utf8")).toContain(s.server);
      expect(s.kubeconfigPath.startsWith(dir)).toBe(true);
    }
    expect((await get(made[0], "/api/v1/nodes", "wrong")).status).toBe(401);
    const nodes = JSON.parse((await get(made[1], "/api/v1/nodes")).body) as { items: unknown[] };
    expect(nodes.items).toHaveLength(2);
    expect(await host.rssBytes()).toBeGreaterThan(10 * 2 ** 20);
  });

  it("rejects a bad spec with the manager's message and keeps running", async () => {
    await expect(host.create([{ name: "h1" }])).rejects.toThrow(/already exists/);
    await expect(host.create([{ name: "Not_A_Name" }])).rejects.toThrow(/sandbox host/);
    expect((await host.list()).map((s) => s.name)).toEqual(["h1", "h2"]);
  });

  it("deletes a sandbox: its listener closes", async () => {
    await host.delete(["h2"]);
    expect((await host.list()).map((s) => s.name)).toEqual(["h1"]);
    await expect(get(made[1], "/version")).rejects.toThrow(/ECONNREFUSED/);
  });

  it("stops: the process exits and the sandboxes are gone", async () => {
    await host.stop();
    await expect(get(made[0], "/version")).rejects.toThrow(/ECONNREFUSED/);
    await expect(host.list()).rejects.toThrow(/not running/);
  });
});
