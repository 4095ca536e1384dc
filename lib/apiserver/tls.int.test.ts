import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEphemeralTls, loadOrCreateTls, type TlsMaterial } from "./tls";

const run = promisify(execFile);
const VERSION = { major: "1", minor: "32", gitVersion: "v1.32.4", gitCommit: "abc", gitTreeState: "clean", buildDate: "2025-01-01T00:00:00Z", goVersion: "go1.23.6", compiler: "gc", platform: "linux/amd64" };

let dir: string;
let tls: TlsMaterial;
let server: https.Server;
let port: number;

async function listen(material: TlsMaterial): Promise<{ server: https.Server; port: number }> {
  const srv = https.createServer({ key: material.key, cert: material.cert }, (req, res) => {
    if (req.url?.startsWith("/version")) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(VERSION));
      return;
    }
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", reason: "NotFound", code: 404 }));
  });
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  return { server: srv, port: (srv.address() as AddressInfo).port };
}

function kubeconfig(server: string, caCert: string): string {
  const ca = Buffer.from(caCert).toString("base64");
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    "- name: t",
    "  cluster:",
    `    server: ${server}`,
    `    certificate-authority-data: ${ca}`,
    "users:",
    "- name: t",
    "  user:",
    "    token: secret-token",
    "contexts:",
    "- name: t",
    "  context: {cluster: t, user: t}",
    "current-context: t",
    "",
  ].join("\n");
}

function get(url: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "flotilla-tls-int-"));
  tls = await loadOrCreateTls({ dir });
  ({ server, port } = await listen(tls));
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
});

describe("serving certificate from loadOrCreateTls", () => {
  it("is trusted by a node https client given the CA", async () => {
    const res = await get(`https://127.0.0.1:${port}/version`, tls.caCert);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).minor).toBe("32");
  });

  it("is trusted for localhost too", async () => {
    const res = await get(`https://localhost:${port}/version`, tls.caCert);
    expect(res.status).toBe(200);
  });

  it("is rejected by a client that trusts another CA", async () => {
    const other = await createEphemeralTls();
    await expect(get(`https://127.0.0.1:${port}/version`, other.caCert)).rejects.toThrow();
  });

  it("is accepted by curl --cacert", async () => {
    const caFile = path.join(dir, "curl-ca.crt");
    await writeFile(caFile, tls.caCert);
    const { stdout } = await run("curl", ["-sS", "--fail", "--cacert", caFile, `https://127.0.0.1:${port}/version`]);
    expect(JSON.parse(stdout).gitVersion).toBe("v1.32.4");
  });

  it("is accepted by the real kubectl (Go TLS)", async () => {
    const file = path.join(dir, "kubeconfig");
    await writeFile(file, kubeconfig(`https://127.0.0.1:${port}`, tls.caCert));
    const { stdout } = await run("kubectl", ["--kubeconfig", file, "version", "-o", "json"], { env: { ...process.env, HOME: dir } });
    expect(JSON.parse(stdout).serverVersion.gitVersion).toBe("v1.32.4");
  });

  it("makes kubectl fail when the kubeconfig carries a different CA", async () => {
    const other = await createEphemeralTls();
    const file = path.join(dir, "kubeconfig-bad");
    await writeFile(file, kubeconfig(`https://127.0.0.1:${port}`, other.caCert));
    await expect(run("kubectl", ["--kubeconfig", file, "version", "-o", "json"], { env: { ...process.env, HOME: dir } })).rejects.toThrow(
      /certificate/,
    );
  });
});

describe("ephemeral sandbox material", () => {
  it("serves a sandbox that kubectl accepts via localhost", async () => {
    const sandbox = await createEphemeralTls({ commonName: "sandbox-1" });
    const s = await listen(sandbox);
    try {
      const file = path.join(dir, "kubeconfig-sandbox");
      await writeFile(file, kubeconfig(`https://localhost:${s.port}`, sandbox.caCert));
      const { stdout } = await run("kubectl", ["--kubeconfig", file, "version", "-o", "json"], { env: { ...process.env, HOME: dir } });
      expect(JSON.parse(stdout).serverVersion.minor).toBe("32");
    } finally {
      await new Promise((r) => s.server.close(r));
    }
  });
});
