import type { ObjectClient } from "../kube/client";
import type { ResourceRegistry } from "../kube/resources/registry";
import { ApiError } from "../kube/errors";
import { ObjectApi } from "./object-api";
import { DEFAULT_VERSION, type ApiServerOptions, type UserInfo, type VersionInfo } from "./options";
import { createApiHandler } from "./http/handler";
import { toWebResponse, type ApiRequest, type ApiResponse } from "./http/api-message";
import { createInProcessClient } from "./in-process-client";
import { NamespaceLifecycle } from "./namespace-lifecycle";
import { GarbageCollector } from "./garbage-collector";
import { CrdRegistrar } from "./crd-registrar";
import { ControllerLoop } from "./controller-loop";
import { isCRDDescriptor } from "./object-delete";
import { patchModuleEngine } from "./patch-engine";

export interface ApiServer {
  /** Web-standard handler for the HTTPS listener, the Next.js `/k8s` route and sandboxes. */
  handle(req: Request): Promise<Response>;
  /** The same on ApiRequest/ApiResponse: node:http listeners serve through it without web streams (http/node-listener.ts). */
  serve(req: ApiRequest): Promise<ApiResponse>;
  /** In-process ObjectClient with the very same semantics as HTTP requests. */
  client: ObjectClient;
  registry: ResourceRegistry;
  /** The verbs themselves, for servers that need more than ObjectClient (e.g. deletecollection). */
  api: ObjectApi;
  version: VersionInfo;
  /** Re-registers CRDs from storage and starts the namespace, garbage-collection and CRD controllers. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A Kubernetes-compatible API server over a Storage. Nothing runs until a request arrives or
 * start() is called (no side effects at construction); `default` and `kube-system` are created
 * on first use.
 */
export function createApiServer(opts: ApiServerOptions): ApiServer {
  const { storage, registry } = opts;
  const clock = opts.clock ?? (() => new Date());
  const version: VersionInfo = { ...DEFAULT_VERSION, ...opts.version };
  const api = new ObjectApi({ storage, registry, clock, fields: patchModuleEngine() });
  const namespaces = new NamespaceLifecycle(api);
  const gc = new GarbageCollector(api);
  const crds = new CrdRegistrar(api);
  api.onWrite(async (d, obj, type) => {
    if (isCRDDescriptor(d)) crds.observeWrite(obj, type);
  });
  const loop = new ControllerLoop(storage, [
    { name: "crd-registrar", resync: () => crds.resync(), onEvent: (e) => crds.onEvent(e) },
    { name: "namespace-lifecycle", resync: () => namespaces.resync(), onEvent: (e) => namespaces.onEvent(e) },
    { name: "garbage-collector", resync: () => gc.resync(), onEvent: (e) => gc.onEvent(e) },
  ]);
  const ready = bootstrapOnce(api, opts.bootstrapNamespaces ?? ["default", "kube-system"]);
  // Authenticators read headers only, which every ApiRequest has like a web Request.
  const authenticate = opts.authenticate as ((req: ApiRequest) => Promise<UserInfo | null>) | undefined;
  const serve = createApiHandler({ api, registry, version, authenticate, authorize: opts.authorize, now: clock, pathPrefix: opts.pathPrefix, ready });
  const client = createInProcessClient(api, { ready });
  return {
    handle: async (req) => toWebResponse(await serve(req)),
    serve,
    client,
    registry,
    api,
    version,
    async start() {
      await ready();
      await loop.start();
    },
    async stop() {
      namespaces.stop();
      crds.stop();
      await loop.stop();
    },
  };
}

/** Creates the bootstrap namespaces once per process; a failure is retried on the next call. */
function bootstrapOnce(api: ObjectApi, names: string[]): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= (async () => {
      const d = api.registry.byResource("", "v1", "namespaces");
      if (!d) return;
      for (const name of names) {
        if (await api.read(d, undefined, name)) continue;
        try {
          await api.create(d, undefined, { apiVersion: "v1", kind: "Namespace", metadata: { name } }, { fieldManager: "kube-apiserver" });
        } catch (e) {
          if (!ApiError.is(e, "AlreadyExists")) throw e;
        }
      }
    })().catch((e) => {
      done = undefined;
      throw e;
    });
    return done;
  };
}
