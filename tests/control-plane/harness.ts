import { execFile, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Agent, fetch as undiciFetch } from "undici";
import { parse as parseYaml } from "yaml";
import { loadConfig } from "../../lib/server/config";
import { startControlPlane } from "../../lib/server/control-plane";
import { createLogger, type Logger } from "../../lib/server/logger";
import type { ControlPlaneHandle } from "../../lib/server/handle";
import { createTestDatabase, testServerUrl } from "../../lib/store/test-databases";

/**
 * The real control plane (startControlPlane) in a temp data dir, on the embedded store or, when
 * FLOTILLA_TEST_STORE=postgres, on a fresh database of TEST_DATABASE_URL's server that is dropped
 * on stop; plus a runner for the machine's kubectl pointed at the written kubeconfig.
 */
export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Plane {
  handle: ControlPlaneHandle;
  dataDir: string;
  kubeconfigPath: string;
  url: string;
  store: "pglite" | "postgres";
  kubectl(args: string[], stdin?: string, opts?: { timeoutMs?: number; env?: Record<string, string> }): Promise<KubectlResult>;
  /**
   * Runs a long kubectl (get -w): `seen(re)` resolves once stdout matches (false after timeoutMs),
   * `stop()` ends it and returns everything it printed.
   */
  kubectlStream(args: string[]): KubectlStream;
  /** Stops the control plane; keeps the data dir (and database) so a second start can reuse them. */
  stop(): Promise<void>;
  /** Stops it and removes the data dir and the test database. */
  destroy(): Promise<void>;
}

export interface KubectlStream {
  seen(re: RegExp, timeoutMs?: number): Promise<boolean>;
  stop(): Promise<KubectlResult>;
}

export interface PlaneOptions {
  /** Extra environment for loadConfig (FLOTILLA_ADMIN_TOKEN, FLOTILLA_TLS_SANS...). */
  env?: Record<string, string>;
  /** Reuse a data dir (and database) from an earlier start. */
  reuse?: { dataDir: string; databaseUrl?: string; dropDatabase?: () => Promise<void> };
}

export const usePostgres = process.env.FLOTILLA_TEST_STORE === "postgres";

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

function quietLogger(): Logger {
  const lines: string[] = [];
  return createLogger(process.env.CONTROL_PLANE_DEBUG ? "debug" : "warn", {}, (l) => {
    lines.push(l);
    if (process.env.CONTROL_PLANE_DEBUG) process.stderr.write(l + "\n");
  });
}

export async function startPlane(opts: PlaneOptions = {}): Promise<Plane & { databaseUrl?: string; dropDatabase?: () => Promise<void> }> {
  const dataDir = opts.reuse?.dataDir ?? (await mkdtemp(path.join(tmpdir(), "flotilla-cp-")));
  let databaseUrl = opts.reuse?.databaseUrl;
  let dropDatabase = opts.reuse?.dropDatabase;
  if (usePostgres && !databaseUrl) {
    const server = testServerUrl();
    if (!server) throw new Error("FLOTILLA_TEST_STORE=postgres needs TEST_DATABASE_URL");
    const db = await createTestDatabase(server);
    databaseUrl = db.url;
    dropDatabase = () => db.drop();
  }
  const port = await freePort();
  const config = loadConfig({
    FLOTILLA_DATA_DIR: dataDir,
    FLOTILLA_KUBE_PORT: String(port),
    FLOTILLA_SANDBOXES: "",
    DATABASE_URL: databaseUrl ?? "",
    ...opts.env,
  });
  const handle = await startControlPlane(config, quietLogger());
  const kubeconfigPath = path.join(dataDir, "kubeconfig");
  const cacheDir = await mkdtemp(path.join(tmpdir(), "flotilla-kubectl-"));
  const kubectl = (args: string[], stdin?: string, o: { timeoutMs?: number; env?: Record<string, string> } = {}) =>
    new Promise<KubectlResult>((resolve) => {
      const child = execFile(
        "/usr/bin/kubectl",
        ["--kubeconfig", kubeconfigPath, "--cache-dir", cacheDir, ...args],
        { timeout: o.timeoutMs ?? 60_000, env: { ...process.env, HOME: cacheDir, ...o.env }, maxBuffer: 16 * 1024 * 1024 },
        (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) || 1 : 0, stdout, stderr }),
      );
      child.stdin?.end(stdin ?? "");
    });
  const kubectlStream = (args: string[]): KubectlStream => {
    const child = spawn("/usr/bin/kubectl", ["--kubeconfig", kubeconfigPath, "--cache-dir", cacheDir, ...args], { env: { ...process.env, HOME: cacheDir } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b: Buffer) => void (stdout += b.toString()));
    child.stderr.on("data", (b: Buffer) => void (stderr += b.toString()));
    const closed = new Promise<KubectlResult>((resolve) => child.on("close", (code) => resolve({ code: code ?? 0, stdout, stderr })));
    child.stdin.end();
    return {
      async seen(re, timeoutMs = 15_000) {
        for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (re.test(stdout)) return true;
        return false;
      },
      stop() {
        child.kill();
        return closed;
      },
    };
  };
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await handle.stop();
  };
  return {
    handle,
    dataDir,
    kubeconfigPath,
    url: `https://127.0.0.1:${port}`,
    store: usePostgres ? "postgres" : "pglite",
    kubectl,
    kubectlStream,
    databaseUrl,
    dropDatabase,
    stop,
    async destroy() {
      await stop();
      await rm(cacheDir, { recursive: true, force: true });
      await rm(dataDir, { recursive: true, force: true });
      await dropDatabase?.();
    },
  };
}

/** The CA and bearer token of a kubeconfig Flotilla wrote (single context). */
export function kubeconfigCredentials(kubeconfigYaml: string): { server: string; caPem: string; token: string } {
  const doc = parseYaml(kubeconfigYaml) as {
    clusters: { cluster: { server: string; "certificate-authority-data": string } }[];
    users: { user: { token: string } }[];
  };
  const cluster = doc.clusters[0].cluster;
  return { server: cluster.server, caPem: Buffer.from(cluster["certificate-authority-data"], "base64").toString("utf8"), token: doc.users[0].user.token };
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface RawClient {
  /** One request; `token: null` sends none, a string overrides the admin token. */
  request(method: string, path: string, opts?: { body?: string | Uint8Array; contentType?: string; accept?: string; token?: string | null; headers?: Record<string, string> }): Promise<RawResponse>;
  /** A streaming request (watches): the Response itself, to read line by line. */
  stream(path: string, signal: AbortSignal, token?: string): Promise<Response>;
  close(): Promise<void>;
}

/** Plain HTTPS requests against the control plane's kube API, trusting its CA. */
export async function rawClient(p: Plane): Promise<RawClient> {
  const creds = kubeconfigCredentials(await readFile(p.kubeconfigPath, "utf8"));
  const agent = new Agent({ connect: { ca: creds.caPem }, connections: 32 });
  const request: RawClient["request"] = async (method, urlPath, o = {}) => {
    const headers: Record<string, string> = { accept: o.accept ?? "application/json", ...o.headers };
    const token = o.token === undefined ? creds.token : o.token;
    if (token) headers.authorization = `Bearer ${token}`;
    if (o.contentType) headers["content-type"] = o.contentType;
    const res = await undiciFetch(creds.server + urlPath, { method, headers, body: o.body, dispatcher: agent });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers as unknown as Headers, text, json };
  };
  return {
    request,
    async stream(urlPath, signal, token = creds.token) {
      return (await undiciFetch(creds.server + urlPath, { headers: { authorization: `Bearer ${token}`, accept: "application/json" }, dispatcher: agent, signal })) as unknown as Response;
    },
    close: () => agent.close(),
  };
}

/** Reads newline-delimited JSON watch events until `until` returns true or the stream ends. */
export async function readEvents<T = { type: string; object: any }>(res: Response, until: (events: T[]) => boolean): Promise<T[]> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const events: T[] = [];
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let buf = "";
  try {
    while (!until(events)) {
      const { done, value } = await reader.read();
      if (done) break;
      buf += dec.decode(value, { stream: true });
      let nl: number;
      while ((nl = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        if (line) events.push(JSON.parse(line) as T);
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return events;
}
