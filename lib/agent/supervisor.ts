import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { noopLogger, type Logger } from "../controllers/runtime/log";

/** One agent child process to keep running. */
export interface AgentProcessSpec {
  clusterName: string;
  /** Console base URL the agent calls home to (sandboxes: http://127.0.0.1:<port>). */
  controlPlane: string;
  kubeconfig: string;
  stateDir?: string;
  /** Bootstrap token; passed in the environment, never on the command line (ps shows argv). */
  token?: string;
  /** Extra environment (short lease/status intervals in tests). */
  env?: Record<string, string>;
}

export interface AgentProcessStatus {
  clusterName: string;
  pid?: number;
  state: "Running" | "Restarting" | "Refused" | "Stopped";
  restarts: number;
  /** The agent's last stderr lines when it exited (e.g. why it was refused). */
  lastMessage?: string;
}

export interface AgentSupervisorOptions {
  log?: Logger;
  /** Path of bin/flotilla.mjs; default the package's. */
  binPath?: string;
  /** Restart backoff after a crash: initial → max (1 s → 30 s). */
  backoff?: { initialMs?: number; maxMs?: number };
  /** Forward the agents' stdout (JSON log lines) to ours. Default true. */
  inheritStdout?: boolean;
}

interface Entry {
  spec: AgentProcessSpec;
  child?: ChildProcess;
  status: AgentProcessStatus;
  timer?: NodeJS.Timeout;
  backoffMs: number;
  stderr: string[];
  exited?: Promise<void>;
}

/** Exit codes after which a restart cannot help (bad flags, refused credential). */
const FINAL_EXITS = new Set([2, 3]);

/**
 * Runs Pull agents as separate child processes (`node bin/flotilla.mjs agent`), so that an
 * agent reaches the control plane only through its HTTP API, exactly as a remote one would.
 * A crashed agent is restarted with exponential backoff; an agent that exits 2 (usage) or
 * 3 (credential refused) stays down with its message in status().
 */
export class AgentSupervisor {
  private readonly entries = new Map<string, Entry>();
  private readonly log: Logger;
  private readonly binPath: string;

  constructor(private readonly opts: AgentSupervisorOptions = {}) {
    this.log = opts.log ?? noopLogger;
    this.binPath = opts.binPath ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../bin/flotilla.mjs");
  }

  /** Starts (or restarts with a new spec) the agent of `spec.clusterName`. */
  async start(spec: AgentProcessSpec): Promise<void> {
    await this.stop(spec.clusterName);
    const entry: Entry = { spec, status: { clusterName: spec.clusterName, state: "Running", restarts: 0 }, backoffMs: this.opts.backoff?.initialMs ?? 1000, stderr: [] };
    this.entries.set(spec.clusterName, entry);
    this.spawn(entry);
  }

  status(clusterName: string): AgentProcessStatus | undefined {
    const e = this.entries.get(clusterName);
    return e && { ...e.status };
  }

  list(): AgentProcessStatus[] {
    return [...this.entries.values()].map((e) => ({ ...e.status }));
  }

  /** Sends `signal` to the running child without stopping supervision (tests: SIGKILL = a crash). */
  kill(clusterName: string, signal: NodeJS.Signals = "SIGKILL"): boolean {
    return this.entries.get(clusterName)?.child?.kill(signal) ?? false;
  }

  /** Stops supervising `clusterName`: SIGTERM, then SIGKILL after `graceMs`. */
  async stop(clusterName: string, graceMs = 5000): Promise<void> {
    const e = this.entries.get(clusterName);
    if (!e) return;
    this.entries.delete(clusterName);
    clearTimeout(e.timer);
    e.status.state = "Stopped";
    if (!e.child || e.child.exitCode !== null || e.child.signalCode !== null) return;
    const force = setTimeout(() => e.child?.kill("SIGKILL"), graceMs);
    e.child.kill("SIGTERM");
    await e.exited;
    clearTimeout(force);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.entries.keys()].map((n) => this.stop(n)));
  }

  private spawn(e: Entry): void {
    const { spec } = e;
    const env: NodeJS.ProcessEnv = { ...process.env, ...spec.env, FLOTILLA_CONTROL_PLANE: spec.controlPlane, FLOTILLA_CLUSTER_NAME: spec.clusterName, FLOTILLA_KUBECONFIG: spec.kubeconfig };
    if (spec.stateDir) env.FLOTILLA_AGENT_STATE_DIR = spec.stateDir;
    if (spec.token) env.FLOTILLA_TOKEN = spec.token;
    else delete env.FLOTILLA_TOKEN;
    const stdout = this.opts.inheritStdout === false ? ("ignore" as const) : ("inherit" as const);
    const child: ChildProcess = spawn(process.execPath, [this.binPath, "agent"], { env, stdio: ["ignore", stdout, "pipe"] });
    e.child = child;
    e.status = { ...e.status, pid: child.pid, state: "Running" };
    e.stderr = [];
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      e.stderr.push(...chunk.split("\n").filter(Boolean));
      e.stderr.splice(0, Math.max(0, e.stderr.length - 20));
    });
    e.exited = new Promise<void>((resolve) => child.once("exit", (code: number | null, signal: NodeJS.Signals | null) => {
      this.onExit(e, child, code, signal);
      resolve();
    }));
    this.log.info("agent process started", { cluster: spec.clusterName, pid: child.pid });
  }

  private onExit(e: Entry, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    e.status.lastMessage = e.stderr.join("\n") || undefined;
    // Stopped on purpose, or replaced by a newer start(): nothing to do.
    if (this.entries.get(e.spec.clusterName) !== e || e.child !== child) return;
    if (code !== null && FINAL_EXITS.has(code)) {
      e.status = { ...e.status, state: "Refused", pid: undefined };
      this.log.error("agent process gave up", { cluster: e.spec.clusterName, code, message: e.status.lastMessage });
      return;
    }
    e.status = { ...e.status, state: "Restarting", pid: undefined, restarts: e.status.restarts + 1 };
    this.log.warn("agent process exited; restarting", { cluster: e.spec.clusterName, code, signal, inMs: e.backoffMs });
    e.timer = setTimeout(() => this.entries.get(e.spec.clusterName) === e && this.spawn(e), e.backoffMs);
    e.backoffMs = Math.min(e.backoffMs * 2, this.opts.backoff?.maxMs ?? 30_000);
  }
}
