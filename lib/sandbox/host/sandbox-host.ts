import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { isHostResponse, type HostRequest, type HostedSandbox } from "./protocol";

const ENTRY = path.join(import.meta.dirname, "host-entry.ts");

export interface SandboxHostOptions {
  /** The host's own data dir (sandbox state, TLS, kubeconfigs). */
  dataDir: string;
  /** Spec defaults for every sandbox of this host (e.g. { startupDelayMs: 50 }). */
  specDefaults?: Record<string, unknown>;
  /**
   * Debounce of each sandbox's snapshot file (default SNAPSHOT_DELAY_MS). A snapshot stringifies
   * the sandbox's whole store, so with hundreds of objects per sandbox and dozens of busy
   * sandboxes per host, 2 s made snapshots most of the host's CPU; benchmarks that never
   * restart their sandboxes set a long one.
   */
  snapshotDelayMs?: number;
  /** Extra node flags (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** How long to wait for the host to come up. Default 30 s. */
  startTimeoutMs?: number;
}

/** A sandbox host process seen from its parent. */
export interface SandboxHost {
  pid: number;
  /** Starts sandboxes one after the other; create requests as SandboxManager.create takes them. */
  create(specs: Record<string, unknown>[]): Promise<HostedSandbox[]>;
  delete(names: string[]): Promise<void>;
  list(): Promise<HostedSandbox[]>;
  /** The host process's resident set size in bytes (from /proc). */
  rssBytes(): Promise<number>;
  /** The host's stderr so far. */
  log(): string;
  /** Stops every sandbox (files kept) and waits for the process to exit; SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/**
 * Starts lib/sandbox/host/host-entry.ts in a child process (through tsx, like the tests' child
 * control planes) and resolves once it listens for requests. Requests go over IPC, one at a
 * time per call; a failed request rejects with the host's error message.
 */
export async function startSandboxHost(opts: SandboxHostOptions): Promise<SandboxHost> {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), "--import", "tsx", ENTRY], {
    cwd: path.resolve(import.meta.dirname, "../../.."),
    env: { ...process.env, FLOTILLA_SANDBOX_HOST_DIR: opts.dataDir, FLOTILLA_SANDBOX_HOST_DEFAULTS: JSON.stringify(opts.specDefaults ?? {}), FLOTILLA_SANDBOX_HOST_SNAPSHOT_MS: String(opts.snapshotDelayMs ?? "") },
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr!.on("data", (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-100_000);
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  await waitReady(child, opts.startTimeoutMs ?? 30_000, () => stderr);
  const pending = new Map<number, { resolve: (s: HostedSandbox[]) => void; reject: (e: Error) => void }>();
  child.on("message", (msg: unknown) => {
    if (!isHostResponse(msg)) return;
    const p = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.ok) p?.resolve(msg.sandboxes);
    else p?.reject(new Error(`sandbox host: ${msg.error}`));
  });
  child.once("exit", (code, signal) => {
    for (const p of pending.values()) p.reject(new Error(`sandbox host exited (${code ?? signal}): ${stderr.slice(-2000)}`));
    pending.clear();
  });
  let nextId = 1;
  const call = (req: Omit<HostRequest, "id"> & { op: HostRequest["op"] }): Promise<HostedSandbox[]> =>
    new Promise((resolve, reject) => {
      if (!child.connected) return reject(new Error("sandbox host is not running"));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ ...req, id });
    });
  return {
    pid: child.pid!,
    create: (specs) => call({ op: "create", specs } as HostRequest),
    delete: async (names) => void (await call({ op: "delete", names } as HostRequest)),
    list: () => call({ op: "list" } as HostRequest),
    async rssBytes() {
      const status = await readFile(`/proc/${child.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    },
    log: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      if (child.connected) await call({ op: "stop" } as HostRequest).catch(() => undefined);
      await exited;
      clearTimeout(killer);
    },
  };
}

function waitReady(child: ChildProcess, timeoutMs: number, log: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`sandbox host did not start in ${timeoutMs} ms: ${log().slice(-2000)}`));
    }, timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`sandbox host exited (${code}) before it was ready: ${log().slice(-2000)}`));
    };
    child.once("exit", onExit);
    child.on("message", function onMessage(msg: unknown) {
      if ((msg as { op?: string } | null)?.op !== "ready") return;
      clearTimeout(timer);
      child.off("exit", onExit);
      child.off("message", onMessage);
      resolve();
    });
  });
}
