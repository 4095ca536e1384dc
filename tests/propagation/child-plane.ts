import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Agent, fetch as undiciFetch } from "undici";
import { kubeconfigCredentials } from "../control-plane/harness";

const ENTRY = path.join(path.dirname(new URL(import.meta.url).pathname), "control-plane-entry.ts");
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

/** A control plane running in a child process (tests/propagation/control-plane-entry.ts). */
export interface ChildPlane {
  child: ChildProcess;
  pid: number;
  kubeUrl: string;
  /** The child's stderr so far (its log). */
  log(): string;
  /** Resident set size of the child in bytes (from /proc). */
  rssBytes(): Promise<number>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * Starts the entry script with `env` on top of this process's environment and resolves once it
 * printed READY (rejects with its log when it exits first or after `timeoutMs`).
 */
export function startChildPlane(env: Record<string, string>, opts: { timeoutMs?: number; nodeArgs?: string[] } = {}): Promise<ChildPlane> {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), "--import", "tsx", ENTRY], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (b: Buffer) => {
    stderr += b.toString();
    if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  return new Promise<ChildPlane>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`control plane did not start in time:\n${stderr.slice(-4000)}`));
    }, opts.timeoutMs ?? 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`control plane exited (${code}) before READY:\n${stderr.slice(-4000)}`));
    });
    child.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /READY (\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        child,
        pid: child.pid!,
        kubeUrl: m[1],
        log: () => stderr,
        async rssBytes() {
          const status = await readFile(`/proc/${child.pid}/status`, "utf8");
          return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
        },
        async kill(signal) {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill(signal);
          await exited;
        },
      });
    });
  });
}

/** Minimal JSON client for a kubeconfig Flotilla wrote (admin token, its CA), with a keep-alive pool. */
export interface JsonClient {
  request(method: string, urlPath: string, body?: unknown): Promise<{ status: number; json: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

export async function jsonClient(kubeconfigPath: string, connections = 16): Promise<JsonClient> {
  const creds = kubeconfigCredentials(await readFile(kubeconfigPath, "utf8"));
  // A saturated control plane (benchmarks, catch-up after a crash) may take more than undici's
  // default 10 s to finish a TLS handshake; a refused connection still fails at once.
  const agent = new Agent({ connect: { ca: creds.caPem, timeout: 60_000 }, connections });
  return {
    async request(method, urlPath, body) {
      const res = await undiciFetch(creds.server + urlPath, {
        method,
        headers: { authorization: `Bearer ${creds.token}`, accept: "application/json", ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        dispatcher: agent,
      });
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = text;
      }
      return { status: res.status, json };
    },
    close: () => agent.close(),
  };
}
