import type { FlotillaConfig } from "../server/config";
import type { Logger } from "../server/logger";
import type { SecretBox } from "../server/secret-box";
import type { Database } from "../store/database";
import type { Storage } from "../apiserver/storage";
import type { ResourceRegistry } from "../kube/resources/registry";
import type { ObjectClient } from "../kube/client";

/**
 * What the control plane hands every controller setup beyond the runtime's own deps:
 * configuration, the store, secrets, and shared services that areas register (member client
 * registry, sandboxes...). Controllers still talk to objects only through `client`.
 */
export interface ControlPlaneContext {
  config: FlotillaConfig;
  log: Logger;
  client: ObjectClient;
  db: Database;
  storage: Storage;
  registry: ResourceRegistry;
  secretBox: SecretBox;
  /** Shared services by name (e.g. "members", "sandboxes"), filled during boot. */
  services: Record<string, unknown>;
}
