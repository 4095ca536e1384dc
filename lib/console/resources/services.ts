import type { Storage } from "../../apiserver/storage";
import type { ObjectClient } from "../../kube/client";
import type { ResourceRegistry } from "../../kube/resources/registry";
import type { ControlPlaneHandle } from "../../server/handle";
import { errors } from "../../kube/errors";

/** The control-plane services the console's read models use. */
export interface ConsoleDeps {
  storage: Storage;
  registry: ResourceRegistry;
  client: ObjectClient;
}

/** Narrows `cp.services` to what the console read models need; 503 while they are not there yet. */
export function consoleDeps(cp: Pick<ControlPlaneHandle, "services">): ConsoleDeps {
  const { storage, registry, client } = cp.services as Partial<ConsoleDeps>;
  if (!storage || !registry || !client) throw errors.serviceUnavailable("the control plane is starting");
  return { storage, registry, client };
}
