import type { ObjectClient } from "../kube/client";
import { errors } from "../kube/errors";
import type { ControlPlaneHandle } from "../server/handle";

/** The control plane's in-process client, which the dry-run routes read defaults through. */
export function controlPlaneClient(cp: ControlPlaneHandle): ObjectClient {
  const client = cp.services.client as ObjectClient | undefined;
  if (!client) throw errors.serviceUnavailable("the control plane's object client is not ready");
  return client;
}
