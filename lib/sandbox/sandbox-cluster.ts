import https from "node:https";
import { timingSafeEqual } from "node:crypto";
import { writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { createApiServer, type ApiServer } from "../apiserver";
import { loadOrCreateTls, type TlsMaterial } from "../apiserver/tls";
import type { ApiRequest } from "../apiserver/http/api-message";
import { nodeApiListener } from "../apiserver/http/node-listener";
import { IdleConnections } from "../apiserver/http/idle-connections";
import type { Clock } from "../controllers/runtime/clock";
import { noopLogger, type Logger } from "../controllers/runtime/log";
import { buildKubeconfig } from "../kube/kubeconfig";
import type { ResourceDescriptor } from "../kube/resource-descriptor";
import { ResourceRegistry } from "../kube/resources/registry";
import { MemoryStorage } from "../store/memory-storage";
import { compactFaults, withFaults } from "./faults";
import { loadOrCreateState, removeSandboxFiles, sandboxPaths, writeJson, type SandboxPaths, type SandboxState } from "./sandbox-files";
import { ServiceIpAllocator } from "./service-ips";
import { versionInfo } from "./spec";
import { startSimulator, type Simulator } from "./simulator";
import type { SandboxFaults, SandboxInfo, SandboxSpec } from "./types";

export interface SandboxClusterOptions {
  spec: SandboxSpec;
  dataDir: string;
  /** The kinds served (memberClusterDescriptors()); shared read-only between sandboxes. */
  descriptors: ResourceDescriptor[];
  /** Shared timer wheel for the simulator's queues and delays. */
  clock: Clock;
  faults?: SandboxFaults;
  log?: Logger;
  /** Snapshot debounce; default SNAPSHOT_DELAY_MS. */
  snapshotDelayMs?: number;
}

/**
 * Each snapshot stringifies the whole store on the event loop (100 Deployments with their Pods
 * and Events: ~2.5 MB, 10-25 ms), so a busy sandbox snapshots every 2 s rather than every
 * 500 ms. A crash loses at most that much of a simulated cluster; stop() always writes one.
 */
export const SNAPSHOT_DELAY_MS = 2000;

/**
 * One sandbox member cluster: lib/apiserver over a MemoryStorage snapshotted under
 * `<dataDir>/sandboxes/<name>/`, served over HTTPS on 127.0.0.1 with its own CA and a bearer
 * token, with simulated nodes and workloads (see simulator/) and injectable faults.
 * The token and port are chosen once and kept, so kubeconfigs stay valid across restarts.
 */
export class SandboxCluster {
  readonly spec: SandboxSpec;
  readonly paths: SandboxPaths;
  private faultSet: SandboxFaults;
  private state: SandboxState | undefined;
  private storage: MemoryStorage | undefined;
  private server: https.Server | undefined;
  private idle: IdleConnections | undefined;
  private tokenBytes: { token: string; bytes: Buffer } | undefined;
  private listening = false;
  private api: ApiServer | undefined;
  private simulator: Simulator | undefined;
  private tls: TlsMaterial | undefined;
  private readonly log: Logger;

  constructor(private readonly opts: SandboxClusterOptions) {
    this.spec = opts.spec;
    this.paths = sandboxPaths(opts.dataDir, opts.spec.name);
    this.faultSet = compactFaults(opts.faults ?? {});
    this.log = (opts.log ?? noopLogger).child({ sandbox: opts.spec.name });
  }

  get name(): string {
    return this.spec.name;
  }

  /** https://127.0.0.1:<port>, known once started. */
  get serverUrl(): string {
    return `https://127.0.0.1:${this.state?.port ?? this.spec.port}`;
  }

  get faults(): SandboxFaults {
    return this.faultSet;
  }

  /** The in-process ObjectClient of this sandbox's API (the simulator's view; no faults apply). */
  get client(): ApiServer["client"] {
    if (!this.api) throw new Error(`sandbox ${this.name} is not started`);
    return this.api.client;
  }

  get token(): string {
    if (!this.state) throw new Error(`sandbox ${this.name} is not started`);
    return this.state.token;
  }

  get caCert(): string {
    if (!this.tls) throw new Error(`sandbox ${this.name} is not started`);
    return this.tls.caCert;
  }

  /** Loads state, starts the API, the listener (unless down) and the simulator; writes the kubeconfig. */
  async start(): Promise<void> {
    if (this.api) return;
    const state = await loadOrCreateState(this.paths.stateFile, () => new Date());
    this.state = state;
    this.tls = await loadOrCreateTls({ dir: this.paths.tlsDir, commonName: this.name });
    const storage = await new MemoryStorage({ snapshotFile: this.paths.snapshotFile, eventLogSize: 4000, snapshotDelayMs: this.opts.snapshotDelayMs ?? SNAPSHOT_DELAY_MS }).open();
    this.storage = storage;
    const ips = new ServiceIpAllocator();
    const descriptors = this.opts.descriptors.map((d) => (d.group === "" && d.plural === "services" ? ips.wrap(d) : d));
    const api = createApiServer({
      storage,
      registry: new ResourceRegistry(descriptors),
      version: versionInfo(this.spec.kubernetesVersion),
      authenticate: async (req) => (this.authorized(req) ? { username: "sandbox-admin", groups: ["system:masters", "system:authenticated"] } : null),
    });
    this.api = api;
    await api.start();
    const { items } = await api.client.list("v1", "Service");
    for (const s of items) ips.observe(s);
    // Idle keep-alive connections close after 65 s (longer than clients' own idle timeouts), by sweep.
    this.idle = new IdleConnections(65_000);
    this.server = https.createServer({ key: this.tls.key, cert: this.tls.cert }, nodeApiListener(withFaults(api.serve, () => this.faultSet), "https://127.0.0.1", { idle: this.idle }));
    this.server.keepAliveTimeout = 0;
    if (!this.faultSet.down) await this.listen();
    else if (!state.port) await this.listen().then(() => this.closeListener());
    await writeFile(this.paths.kubeconfig, buildKubeconfig({ name: this.name, server: this.serverUrl, caData: this.tls.caCert, token: state.token }), { mode: 0o600 });
    this.simulator = await startSimulator({ client: api.client, clock: this.opts.clock, spec: this.spec, faults: () => this.faultSet, log: this.log });
    this.log.info("sandbox started", { server: this.serverUrl });
  }

  /** Stops the simulator, the listener and the API; the snapshot is written on the way out. */
  async stop(): Promise<void> {
    await this.simulator?.stop();
    this.simulator = undefined;
    await this.closeListener();
    this.server = undefined;
    this.idle?.stop();
    this.idle = undefined;
    await this.api?.stop();
    this.api = undefined;
    await this.storage?.close();
    this.storage = undefined;
  }

  /** Stops and removes every file of this sandbox. */
  async destroy(): Promise<void> {
    await this.stop();
    await removeSandboxFiles(this.paths);
  }

  /** Replaces the injected faults; `down` opens/closes the listener, node faults reach the simulator. */
  async setFaults(faults: SandboxFaults): Promise<void> {
    const next = compactFaults(faults);
    const wasDown = !!this.faultSet.down;
    this.faultSet = next;
    if (this.server && !wasDown && next.down) await this.closeListener();
    if (this.server && wasDown && !next.down) await this.listen();
    this.simulator?.nodesChanged();
  }

  info(): SandboxInfo {
    return {
      name: this.name,
      spec: this.spec,
      faults: this.faultSet,
      server: this.serverUrl,
      kubeconfigPath: this.paths.kubeconfig,
      phase: !this.api ? "Stopped" : this.listening ? "Running" : "Down",
      createdAt: this.state?.createdAt ?? "",
    };
  }

  private authorized(req: ApiRequest): boolean {
    const header = req.headers.get("authorization") ?? "";
    const m = /^Bearer\s+(.+)$/i.exec(header);
    if (!m || !this.state) return false;
    const given = Buffer.from(m[1].trim());
    // The token never changes once started: encode it once, not per request.
    if (this.tokenBytes?.token !== this.state.token) this.tokenBytes = { token: this.state.token, bytes: Buffer.from(this.state.token) };
    const want = this.tokenBytes.bytes;
    return given.length === want.length && timingSafeEqual(given, want);
  }

  private async listen(): Promise<void> {
    const server = this.server!;
    const state = this.state!;
    const port = state.port || this.spec.port;
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      server.once("error", onError);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", onError);
        resolve();
      });
    });
    this.listening = true;
    const actual = (server.address() as AddressInfo).port;
    if (actual !== state.port) {
      state.port = actual;
      await writeJson(this.paths.stateFile, state);
    }
  }

  private async closeListener(): Promise<void> {
    const server = this.server;
    if (!server || !this.listening) return;
    this.listening = false;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}
