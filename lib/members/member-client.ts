import { KubeConfig } from "@kubernetes/client-node";
import type { DeleteOptions, ListOptions, ObjectClient, ObjectRef, PatchOptions, PatchType, WatchOptions, WriteOptions } from "../kube/client";
import { ApiError, errors } from "../kube/errors";
import type { KubeList, KubeObject, WatchEvent, WatchEventType } from "../kube/types";
import { directRequester, type Requester } from "./direct-request";
import { directWatcher, type Watcher } from "./direct-watch";
import { AGGREGATED_DISCOVERY_ACCEPT, discoverAPIEnablements, fromAggregatedDiscovery, isAggregatedDiscovery, type DiscoveryResult } from "./discovery";
import { apiErrorFromFailure, apiErrorFromResponse } from "./failures";
import { probeHealth, type HealthProbe } from "./health";
import { RawObjectApi, type RawRequest, type RawResponse } from "./raw-object-api";
import { shareDispatcher } from "./shared-dispatcher";
import type { APIEnablement } from "../kube/karmada";

export interface MemberClientOptions {
  /** kubeconfig YAML (server, certificate-authority-data, token or client certificate). */
  kubeconfig: string;
  /** Context to use; default the kubeconfig's current-context. */
  context?: string;
  /** Deadline of every non-watch request. Default 10 s. */
  timeoutMs?: number;
  /** fieldManager for writes that do not name one. Default "flotilla". */
  fieldManager?: string;
}

/** The member's /version answer. */
export interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  platform?: string;
  [key: string]: unknown;
}

/** An ObjectClient for one member cluster, plus what the cluster status controller needs. */
export interface MemberClient extends ObjectClient {
  /** Karmada's health rules over /readyz (then /healthz); never throws. */
  probeHealth(): Promise<HealthProbe>;
  version(): Promise<VersionInfo>;
  /** Karmada-sorted API enablements without subresources. */
  discovery(): Promise<APIEnablement[]>;
  /** Same walk, with completeness (CompleteAPIEnablements). */
  discoveryDetailed(): Promise<DiscoveryResult>;
  listNodes(): Promise<KubeObject[]>;
  listPods(): Promise<KubeObject[]>;
  /** Closes the member's connection pool; later calls fail. */
  close(): Promise<void>;
}

/**
 * Builds a member client from a kubeconfig, over @kubernetes/client-node: its authentication
 * (bearer token, client certificates, the cluster's CA) and its legacy-discovery resolution of
 * kinds to paths. Watches are read directly (see directWatcher). One keep-alive connection pool per member serves every call
 * (client-node would otherwise build a dispatcher per request); requests skip client-node's
 * fetch pipeline (see directRequester). Every failure is an ApiError:
 * member Status bodies are kept; network failures are 503, timeouts 504.
 */
export function createMemberClient(opts: MemberClientOptions): MemberClient {
  const kc = new KubeConfig();
  kc.loadFromString(opts.kubeconfig);
  if (opts.context) kc.setCurrentContext(opts.context);
  const server = kc.getCurrentCluster()?.server;
  if (!server) throw errors.badRequest("kubeconfig has no current cluster with a server URL");
  const pool = shareDispatcher(kc);
  const api = kc.makeApiClient(RawObjectApi);
  const requester = directRequester(kc, server);
  return new KubeconfigMemberClient(api, requester, directWatcher(kc, server), pool.close, server, opts.timeoutMs ?? 10_000, opts.fieldManager ?? "flotilla");
}

class KubeconfigMemberClient implements MemberClient {
  /** Watches in flight, ended by close(). */
  private readonly watches = new Set<AbortController>();

  constructor(
    private readonly api: RawObjectApi,
    private readonly requester: Requester,
    private readonly watcher: Watcher,
    private readonly closePool: () => Promise<void>,
    private readonly server: string,
    private readonly timeoutMs: number,
    private readonly fieldManager: string,
  ) {}

  async get<T extends KubeObject = KubeObject>(apiVersion: string, kind: string, namespace: string | undefined, name: string): Promise<T | undefined> {
    const path = await this.path(apiVersion, kind, namespace, name).catch((err) => {
      if (ApiError.is(err, "NotFound")) return undefined;
      throw err;
    });
    if (!path) return undefined;
    const res = await this.send({ method: "GET", path });
    if (res.code === 404) return undefined;
    return this.parse<T>(res);
  }

  async list<T extends KubeObject = KubeObject>(apiVersion: string, kind: string, opts: ListOptions = {}): Promise<KubeList<T>> {
    const path = await this.path(apiVersion, kind, opts.namespace);
    const query = { labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector, limit: opts.limit, continue: opts.continue };
    return this.parse<KubeList<T>>(await this.send({ method: "GET", path, query }));
  }

  async create<T extends KubeObject = KubeObject>(obj: T, opts: WriteOptions = {}): Promise<T> {
    const path = await this.path(obj.apiVersion, obj.kind, obj.metadata.namespace);
    return this.parse<T>(await this.send({ method: "POST", path, body: obj, query: this.writeQuery(opts) }));
  }

  async update<T extends KubeObject = KubeObject>(obj: T, opts: WriteOptions = {}): Promise<T> {
    const path = await this.path(obj.apiVersion, obj.kind, obj.metadata.namespace, obj.metadata.name ?? "");
    return this.parse<T>(await this.send({ method: "PUT", path, body: obj, query: this.writeQuery(opts) }));
  }

  async updateStatus<T extends KubeObject = KubeObject>(obj: T, opts: WriteOptions = {}): Promise<T> {
    const path = await this.path(obj.apiVersion, obj.kind, obj.metadata.namespace, obj.metadata.name ?? "");
    return this.parse<T>(await this.send({ method: "PUT", path: `${path}/status`, body: obj, query: this.writeQuery(opts) }));
  }

  async patch<T extends KubeObject = KubeObject>(ref: ObjectRef, type: PatchType, body: unknown, opts: PatchOptions = {}): Promise<T> {
    const path = await this.path(ref.apiVersion, ref.kind, ref.namespace, ref.name);
    const apply = type === "application/apply-patch+yaml";
    // Server-side apply needs a field manager; JSON is valid YAML, so the body stays JSON.
    const query = { ...this.writeQuery({ ...opts, fieldManager: opts.fieldManager ?? (apply ? this.fieldManager : undefined) }), force: apply && opts.force ? true : undefined };
    const full = opts.subresource ? `${path}/${opts.subresource}` : path;
    return this.parse<T>(await this.send({ method: "PATCH", path: full, body, contentType: type, query }));
  }

  async delete(ref: ObjectRef, opts: DeleteOptions = {}): Promise<KubeObject | undefined> {
    const path = await this.path(ref.apiVersion, ref.kind, ref.namespace, ref.name);
    const body = { kind: "DeleteOptions", apiVersion: "v1", propagationPolicy: opts.propagationPolicy, preconditions: opts.preconditions, dryRun: opts.dryRun ? ["All"] : undefined };
    const res = await this.send({ method: "DELETE", path, body });
    if (res.code === 404) return undefined;
    const out = this.parse<KubeObject>(res);
    // Some kinds answer a Success Status once the object is gone.
    return out.kind === "Status" ? undefined : out;
  }

  async watch(apiVersion: string, kind: string, opts: WatchOptions, onEvent: (e: WatchEvent) => void): Promise<void> {
    const path = await this.path(apiVersion, kind, opts.namespace);
    const query = {
      resourceVersion: opts.resourceVersion,
      labelSelector: opts.labelSelector,
      fieldSelector: opts.fieldSelector,
      allowWatchBookmarks: opts.allowWatchBookmarks,
      timeoutSeconds: opts.timeoutSeconds,
    };
    // Closing the client ends its watches: a watch never ends by itself, and the pool's close
    // would wait for it.
    const ctl = new AbortController();
    const forward = () => ctl.abort();
    if (opts.signal.aborted) ctl.abort();
    else opts.signal.addEventListener("abort", forward, { once: true });
    this.watches.add(ctl);
    try {
      return await this.watcher(path, query, ctl.signal, (l) => onEvent({ type: l.type as WatchEventType, object: l.object as KubeObject }));
    } finally {
      this.watches.delete(ctl);
      opts.signal.removeEventListener("abort", forward);
    }
  }

  probeHealth(): Promise<HealthProbe> {
    return probeHealth((path) => this.send({ method: "GET", path }));
  }

  async version(): Promise<VersionInfo> {
    return this.parse<VersionInfo>(await this.send({ method: "GET", path: "/version" }));
  }

  async discovery(): Promise<APIEnablement[]> {
    return (await this.discoveryDetailed()).apiEnablements;
  }

  /** Aggregated discovery (2 requests) when the member serves it, else the legacy walk. */
  async discoveryDetailed(): Promise<DiscoveryResult> {
    const roots = await Promise.all(["/api", "/apis"].map(async (path) => this.parse(await this.send({ method: "GET", path, accept: AGGREGATED_DISCOVERY_ACCEPT }))));
    if (roots.every(isAggregatedDiscovery)) return fromAggregatedDiscovery(roots);
    // The roots just fetched are the legacy documents: the walk reuses them.
    const legacy = new Map<string, unknown>();
    ["/api", "/apis"].forEach((path, i) => isAggregatedDiscovery(roots[i]) || legacy.set(path, roots[i]));
    return discoverAPIEnablements(async (path) => legacy.get(path) ?? this.parse(await this.send({ method: "GET", path })));
  }

  listNodes(): Promise<KubeObject[]> {
    return this.listAll("v1", "Node");
  }

  listPods(): Promise<KubeObject[]> {
    return this.listAll("v1", "Pod");
  }

  close(): Promise<void> {
    for (const w of this.watches) w.abort();
    this.watches.clear();
    return this.closePool();
  }

  /** Pages through a collection 500 at a time, as client-go's pager does. */
  private async listAll(apiVersion: string, kind: string): Promise<KubeObject[]> {
    const items: KubeObject[] = [];
    let token: string | undefined;
    do {
      const page = await this.list(apiVersion, kind, { limit: 500, continue: token });
      items.push(...page.items);
      token = page.metadata.continue || undefined;
    } while (token);
    return items;
  }

  private async path(apiVersion: string, kind: string, namespace?: string, name?: string): Promise<string> {
    try {
      return await this.api.resourcePath(apiVersion, kind, namespace, name);
    } catch (err) {
      if (ApiError.is(err) || /Unrecognized API version and kind/.test(String((err as Error)?.message))) {
        if (ApiError.is(err) && err.code !== 404) throw err;
        throw errors.notFoundMessage(`the server could not find the requested resource (${kind}.${apiVersion})`);
      }
      throw apiErrorFromFailure(err, `discovery of ${apiVersion} on ${this.server}`);
    }
  }

  /** One request under the client's deadline; network failures become ApiErrors. */
  private async send(req: RawRequest): Promise<RawResponse> {
    // Not AbortSignal.timeout: its timer outlives the request and, when it fires, builds a
    // DOMException with a stack for a signal nobody listens to any more (a few % of the plane's
    // CPU at 100 members). This timer is cleared as soon as the answer is in.
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(new DOMException("the request timed out", "TimeoutError")), this.timeoutMs);
    try {
      return await this.requester({ ...req, signal: ctl.signal });
    } catch (err) {
      throw apiErrorFromFailure(err, `${req.method} ${this.server}${req.path}`);
    } finally {
      clearTimeout(timer);
    }
  }

  private parse<T>(res: RawResponse): T {
    if (res.code < 200 || res.code > 299) throw apiErrorFromResponse(res.code, res.text);
    try {
      return JSON.parse(res.text) as T;
    } catch {
      throw errors.internal(`member answered HTTP ${res.code} with a body that is not JSON`);
    }
  }

  private writeQuery(opts: WriteOptions): Record<string, string | undefined> {
    return { fieldManager: opts.fieldManager, dryRun: opts.dryRun ? "All" : undefined };
  }
}
