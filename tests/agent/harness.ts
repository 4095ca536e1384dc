import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { nodeHandler } from "../../lib/server/node-http";
import { getControlPlane } from "../../lib/server/handle";
import { errors } from "../../lib/kube/errors";
import type { ObjectClient } from "../../lib/kube/client";
import { kubeApiTargetOf, pullTokenRest, pullTokenServiceOf } from "../../lib/agent/pull-token-rest";
import { freePort } from "../control-plane/harness";

/**
 * The console's port without Next.js: `/k8s/...` forwards to the running control plane's kube
 * API and `/api/v1/clusters/pull-tokens...` to the pull-token REST, exactly what the app routes
 * wire. It looks the control plane up per request, so it survives a control-plane restart.
 */
export interface MiniConsole {
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function startMiniConsole(port?: number): Promise<MiniConsole> {
  const p = port ?? (await freePort());
  const url = `http://127.0.0.1:${p}`;
  const server = http.createServer(nodeHandler(route, url));
  await new Promise<void>((r) => server.listen(p, "127.0.0.1", r));
  return {
    port: p,
    url,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

async function route(req: Request): Promise<Response> {
  const cp = getControlPlane();
  if (!cp?.isReady()) return json(errors.serviceUnavailable("the control plane is starting").status, 503);
  const url = new URL(req.url);
  if (url.pathname === "/k8s" || url.pathname.startsWith("/k8s/")) {
    url.pathname = url.pathname.slice(4) || "/";
    const init: RequestInit & { duplex?: "half" } = { method: req.method, headers: req.headers, signal: req.signal };
    if (req.method !== "GET" && req.method !== "HEAD") Object.assign(init, { body: req.body, duplex: "half" });
    return cp.kube.handle(new Request(url, init));
  }
  try {
    const svc = pullTokenServiceOf(cp);
    const user = await cp.auth.authenticate(req);
    if (url.pathname === "/api/v1/clusters/pull-tokens/exchange" && req.method === "POST") return json(await pullTokenRest.exchange(svc, cp.services.client as ObjectClient, req, await req.json()));
    if (url.pathname === "/api/v1/clusters/pull-tokens" && req.method === "POST") return await pullTokenRest.issue(svc, user, req, await req.json(), kubeApiTargetOf(cp));
    return json(errors.notFoundMessage("not found").status, 404);
  } catch (err) {
    const status = (err as { status?: { code: number } }).status;
    if (status) return json(status, status.code);
    throw err;
  }
}

function json(body: unknown, code = 200): Response {
  return new Response(JSON.stringify(body), { status: code, headers: { "content-type": "application/json" } });
}

/** A `flotilla agent` child process started by a test, outside any control plane's supervisor. */
export interface AgentChild {
  pid: number;
  /** Parsed JSON log lines (stdout) so far. */
  logs(): { msg?: string; level?: string; [k: string]: unknown }[];
  stderr(): string;
  /** Exit code once it has exited; undefined while running. */
  exitCode(): number | null | undefined;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const BIN = path.resolve(import.meta.dirname, "../../bin/flotilla.mjs");

/**
 * Runs `node bin/flotilla.mjs agent <argv>` (what `npx flotilla agent <argv>` runs), e.g. the
 * arguments of an issued command, with `env` added to ours; its JSON logs are kept for asserts.
 */
export function spawnAgent(argv: string[], env: Record<string, string> = {}): AgentChild {
  const child = spawn(process.execPath, [BIN, "agent", ...argv], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const lines: Record<string, unknown>[] = [];
  let out = "";
  let err = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
    let nl: number;
    while ((nl = out.indexOf("\n")) >= 0) {
      const line = out.slice(0, nl);
      out = out.slice(nl + 1);
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        lines.push({ msg: line });
      }
    }
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => void (err += chunk));
  let code: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (c) => resolve((code = c))));
  return {
    pid: child.pid!,
    logs: () => lines,
    stderr: () => err,
    exitCode: () => code,
    exited,
    async stop(signal = "SIGTERM") {
      if (code === undefined) child.kill(signal);
      return exited;
    },
  };
}

/** The arguments of an issued `npx flotilla agent ...` command (tokens and paths hold no spaces). */
export function commandArgs(command: string): string[] {
  const words = command.trim().split(/\s+/);
  if (words.slice(0, 3).join(" ") !== "npx flotilla agent") throw new Error(`not an agent command: ${command}`);
  return words.slice(3);
}

/** A control plane in its own process (tests/agent/plane-process.ts). */
export interface PlaneProcess {
  pid: number;
  kubeUrl: string;
  /** Its stderr (JSON logs) so far. */
  log(): string;
  /** Sends `signal` and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const PLANE_ENTRY = path.resolve(import.meta.dirname, "plane-process.ts");

/** Starts plane-process.ts with `env` over ours; resolves on READY, rejects with its log if it dies first. */
export function startPlaneProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<PlaneProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", PLANE_ENTRY], { cwd: path.resolve(import.meta.dirname, "../.."), env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr!.setEncoding("utf8").on("data", (c: string) => void (err = (err + c).slice(-100_000)));
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  return new Promise<PlaneProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`control plane did not start within ${timeoutMs} ms:\n${err.slice(-4000)}`));
    }, timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`control plane exited (${code}) before READY:\n${err.slice(-4000)}`));
    });
    let out = "";
    child.stdout!.setEncoding("utf8").on("data", (c: string) => {
      out += c;
      const m = /READY (\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        pid: child.pid!,
        kubeUrl: m[1],
        log: () => err,
        async kill(signal = "SIGKILL") {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          await exited;
        },
      });
    });
  });
}
