import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Clock } from "../controllers/runtime/clock";
import { noopLogger, type Logger } from "../controllers/runtime/log";
import { errors } from "../kube/errors";
import type { ResourceDescriptor } from "../kube/resource-descriptor";
import { memberClusterDescriptors } from "../kube/resources";
import type { SandboxSpec as ConfigSandboxSpec } from "../server/config";
import { defaultSandboxRequest } from "./defaults";
import { parseFaults } from "./faults";
import { SandboxCluster } from "./sandbox-cluster";
import { sandboxesDir, writeJson } from "./sandbox-files";
import { parseSandboxSpec } from "./spec";
import { TimerWheel } from "./timer-wheel";
import type { SandboxFaults, SandboxInfo, SandboxSpec } from "./types";

export interface SandboxManagerOptions {
  dataDir: string;
  /** Shared by every sandbox's simulator; default a new TimerWheel. */
  clock?: Clock;
  log?: Logger;
  /** Overrides of the spec defaults (tests use a short startupDelayMs). */
  specDefaults?: Partial<Omit<SandboxSpec, "name">>;
  /** Called after a sandbox was created and started (the control plane registers a Cluster). */
  onCreated?: (sandbox: SandboxCluster) => Promise<void>;
  /** Called after a sandbox was deleted. */
  onDeleted?: (name: string) => Promise<void>;
  snapshotDelayMs?: number;
}

interface Persisted {
  items: { spec: SandboxSpec; faults: SandboxFaults }[];
}

/**
 * The set of sandbox member clusters of this process: create, list, get, delete and fault
 * injection, persisted in `<dataDir>/sandboxes/sandboxes.json` so `load()` brings them back
 * after a restart (each sandbox keeps its own objects, token, port and CA).
 * Errors are ApiErrors: 404 unknown name, 409 duplicate, 422 invalid spec or faults.
 */
export class SandboxManager {
  private readonly sandboxes = new Map<string, SandboxCluster>();
  private readonly reserved = new Set<string>();
  private readonly clock: Clock;
  private readonly log: Logger;
  private descriptors: ResourceDescriptor[] | undefined;
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly opts: SandboxManagerOptions) {
    this.clock = opts.clock ?? new TimerWheel();
    this.log = opts.log ?? noopLogger;
  }

  private get registryFile(): string {
    return path.join(sandboxesDir(this.opts.dataDir), "sandboxes.json");
  }

  /** Starts every sandbox recorded in the data dir (without calling onCreated again). */
  async load(): Promise<void> {
    let saved: Persisted;
    try {
      saved = JSON.parse(await readFile(this.registryFile, "utf8")) as Persisted;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
      throw err;
    }
    for (const { spec, faults } of saved.items) {
      if (this.sandboxes.has(spec.name)) continue;
      const sandbox = this.build(spec, faults);
      await sandbox.start();
      this.sandboxes.set(spec.name, sandbox);
    }
  }

  /**
   * Ensures the sandboxes of FLOTILLA_SANDBOXES exist: recorded ones are loaded, missing ones
   * created (with the demo shapes for member1..3). Existing sandboxes are never changed.
   */
  async startDefaultSandboxes(entries: ConfigSandboxSpec[]): Promise<void> {
    await this.load();
    for (const entry of entries) {
      if (this.sandboxes.has(entry.name)) continue;
      await this.create(defaultSandboxRequest(entry));
    }
  }

  list(): SandboxInfo[] {
    return [...this.sandboxes.values()].map((s) => s.info()).sort((a, b) => a.name.localeCompare(b.name));
  }

  get(name: string): SandboxInfo {
    return this.require(name).info();
  }

  /** The running sandbox, for callers that need its client, token or CA. */
  cluster(name: string): SandboxCluster | undefined {
    return this.sandboxes.get(name);
  }

  /** Validates, starts and records a new sandbox, then calls onCreated. 409 on a taken name. */
  async create(input: unknown): Promise<SandboxInfo> {
    const spec = parseSandboxSpec(input, this.opts.specDefaults);
    if (this.sandboxes.has(spec.name) || this.reserved.has(spec.name)) throw errors.alreadyExists("sandboxes", spec.name);
    this.reserved.add(spec.name);
    try {
      const sandbox = this.build(spec, {});
      await sandbox.start();
      this.sandboxes.set(spec.name, sandbox);
      await this.persist();
      await this.opts.onCreated?.(sandbox);
      this.log.info("sandbox created", { name: spec.name, server: sandbox.info().server });
      return sandbox.info();
    } finally {
      this.reserved.delete(spec.name);
    }
  }

  /** Stops the sandbox and removes its files; returns what it was. */
  async delete(name: string): Promise<SandboxInfo> {
    const sandbox = this.require(name);
    const info = sandbox.info();
    this.sandboxes.delete(name);
    await sandbox.destroy();
    await this.persist();
    await this.opts.onDeleted?.(name);
    return { ...info, phase: "Stopped" };
  }

  /** Replaces the faults of a sandbox (body validated first: 422 changes nothing). */
  async setFaults(name: string, body: unknown): Promise<SandboxInfo> {
    const sandbox = this.require(name);
    const faults = parseFaults(body, name);
    await sandbox.setFaults(faults);
    await this.persist();
    return sandbox.info();
  }

  async clearFaults(name: string): Promise<SandboxInfo> {
    return this.setFaults(name, {});
  }

  /** Stops every sandbox, keeping their files (process shutdown). */
  async stop(): Promise<void> {
    await this.writes;
    const all = [...this.sandboxes.values()];
    this.sandboxes.clear();
    await Promise.all(all.map((s) => s.stop().catch((e) => this.log.warn("sandbox stop failed", { name: s.name, error: e }))));
  }

  private require(name: string): SandboxCluster {
    const s = this.sandboxes.get(name);
    if (!s) throw errors.notFound("sandboxes", name);
    return s;
  }

  private build(spec: SandboxSpec, faults: SandboxFaults): SandboxCluster {
    this.descriptors ??= memberClusterDescriptors();
    return new SandboxCluster({ spec, faults, dataDir: this.opts.dataDir, descriptors: this.descriptors, clock: this.clock, log: this.log, snapshotDelayMs: this.opts.snapshotDelayMs });
  }

  private persist(): Promise<void> {
    const data: Persisted = { items: [...this.sandboxes.values()].map((s) => ({ spec: s.spec, faults: s.faults })) };
    this.writes = this.writes.then(() => writeJson(this.registryFile, data));
    return this.writes;
  }
}
