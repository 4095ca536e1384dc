import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PgliteMemory } from "../../lib/store/pglite-worker/protocol";

const ENTRY = path.join(import.meta.dirname, "plane-entry.ts");
const ROOT = path.resolve(import.meta.dirname, "../..");

/** A control plane in a child process (bench/scale/plane-entry.ts). */
export interface PlaneProcess {
  pid: number;
  child: ChildProcess;
  kubeUrl: string;
  /** Whether it runs the controllers now, as it last reported. */
  isLeader(): boolean;
  /** Resolves with performance.now() once it reports leading (immediately when it does). */
  leading(timeoutMs: number): Promise<number>;
  /** VmRSS and VmHWM (peak RSS) of the process, in bytes. */
  memory(): Promise<{ rss: number; peak: number }>;
  /** CPU time (user + system) the process used so far, in seconds. */
  cpuSeconds(): Promise<number>;
  /** process.memoryUsage() from its last MEMORY line (undefined before the first). */
  heap(): PlaneMemory | undefined;
  /** process.memoryUsage() right after a full GC (SIGWINCH; the plane must run with --expose-gc). */
  liveHeap(timeoutMs?: number): Promise<PlaneMemory | undefined>;
  /** The controllers' figures from its last METRICS line (empty while it does not lead). */
  controllers(): ControllerFigures[];
  /** Its stderr (the JSON log), last 200 kB. */
  log(): string;
  /** Sends the signal and waits for the exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Bytes, as process.memoryUsage() reports them inside the plane. */
export interface PlaneMemory {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  /** The embedded store's thread (absent on Postgres). */
  store?: PgliteMemory;
}

/** One controller's figures as plane-entry.ts reports them. */
export interface ControllerFigures {
  name: string;
  reconciles: number;
  errors: number;
  depth: number;
  processing: number;
  delayed: number;
}

/** user + system CPU seconds of a process, from /proc/<pid>/stat (clock ticks of 10 ms). */
export async function procCpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Parses /proc/<pid>/status's VmRSS and VmHWM (kB) into bytes. */
export function parseProcMemory(status: string): { rss: number; peak: number } {
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb("VmRSS"), peak: kb("VmHWM") };
}

/**
 * Starts plane-entry.ts with `env` on top of this process's environment (DATABASE_URL,
 * FLOTILLA_DATA_DIR, FLOTILLA_KUBE_PORT...; FLOTILLA_SANDBOXES defaults to none) and resolves
 * once it printed READY; rejects with its log if it exits first or after `timeoutMs`.
 */
export function startPlaneProcess(env: Record<string, string>, opts: { timeoutMs?: number; nodeArgs?: string[] } = {}): Promise<PlaneProcess> {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), "--import", "tsx", ENTRY], {
    cwd: ROOT,
    env: { ...process.env, FLOTILLA_SANDBOXES: "", FLOTILLA_LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-200_000);
  });
  let leader = false;
  let figures: ControllerFigures[] = [];
  let memory: PlaneMemory | undefined;
  const leaderWaiters: (() => void)[] = [];
  const liveWaiters: ((m: PlaneMemory) => void)[] = [];
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  return new Promise<PlaneProcess>((resolve, reject) => {
    let out = "";
    let ready = false;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`control plane did not start in time:\n${stderr.slice(-4000)}`));
    }, opts.timeoutMs ?? 120_000);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`control plane exited (${code ?? signal}) before READY:\n${stderr.slice(-4000)}`));
    });
    child.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      let nl: number;
      while ((nl = out.indexOf("\n")) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        if (line.startsWith("METRICS ")) figures = JSON.parse(line.slice(8)) as ControllerFigures[];
        if (line.startsWith("MEMORY ")) memory = JSON.parse(line.slice(7)) as PlaneMemory;
        if (line.startsWith("LIVE_MEMORY ")) {
          const live = JSON.parse(line.slice(12)) as PlaneMemory;
          liveWaiters.splice(0).forEach((w) => w(live));
        }
        if (line.startsWith("LEADER ")) {
          leader = line === "LEADER true";
          if (leader) leaderWaiters.splice(0).forEach((w) => w());
        }
        const m = /^READY (\S+)/.exec(line);
        if (!m) continue;
        ready = true;
        clearTimeout(timer);
        resolve(handle(m[1]));
      }
    });
  });

  function handle(kubeUrl: string): PlaneProcess {
    return {
      pid: child.pid!,
      child,
      kubeUrl,
      isLeader: () => leader,
      leading: (timeoutMs) =>
        new Promise<number>((resolve, reject) => {
          if (leader) return resolve(performance.now());
          const t = setTimeout(() => reject(new Error(`pid ${child.pid} did not lead within ${timeoutMs} ms`)), timeoutMs);
          leaderWaiters.push(() => {
            clearTimeout(t);
            resolve(performance.now());
          });
        }),
      liveHeap: (timeoutMs = 60_000) =>
        new Promise<PlaneMemory | undefined>((resolve) => {
          const t = setTimeout(() => resolve(undefined), timeoutMs);
          liveWaiters.push((m) => {
            clearTimeout(t);
            resolve(m);
          });
          child.kill("SIGWINCH");
        }),
      controllers: () => figures,
      heap: () => memory,
      cpuSeconds: () => procCpuSeconds(child.pid!),
      memory: async () => parseProcMemory(await readFile(`/proc/${child.pid}/status`, "utf8")),
      log: () => stderr,
      async kill(signal) {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill(signal);
        await exited;
      },
    };
  }
}
