import { createApiServer, type ApiServer } from "../../apiserver/api-server";
import type { ControllerSetup } from "../../controllers/runtime/manager";
import { Manager } from "../../controllers/runtime/manager";
import { controlPlaneDescriptors } from "../../kube/resources";
import { ResourceRegistry } from "../../kube/resources/registry";
import { SecretBox } from "../../server/secret-box";
import { MemoryStorage } from "../../store/memory-storage";
import { clusterControllerSetups, type ClusterControllersDeps } from "../controllers";
import { createClusterServices, type ClusterServices } from "../services";

/** An in-memory control plane (API server + the clusters area's controllers) for integration tests. */
export interface ClusterTestPlane {
  api: ApiServer;
  services: ClusterServices;
  manager: Manager;
  stop(): Promise<void>;
}

export async function startClusterTestPlane(deps: Omit<ClusterControllersDeps, "services"> & { extra?: Record<string, ControllerSetup> } = {}): Promise<ClusterTestPlane> {
  const api = createApiServer({ storage: new MemoryStorage(), registry: new ResourceRegistry(controlPlaneDescriptors()) });
  await api.start();
  const services = createClusterServices({ client: api.client, secretBox: new SecretBox("test-key"), memberTimeoutMs: 3000 });
  const manager = new Manager({ client: api.client, controllers: { ...clusterControllerSetups({ ...deps, services }), ...deps.extra } });
  await manager.start();
  return {
    api,
    services,
    manager,
    async stop() {
      await manager.stop();
      await services.close();
      await api.stop();
    },
  };
}

/** Polls `fn` until it returns a truthy value (or throws on timeout with the last value). */
export async function eventually<T>(fn: () => Promise<T | undefined | false>, timeoutMs = 10_000, stepMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
