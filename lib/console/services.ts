import type { Storage } from "../apiserver/storage";
import { errors } from "../kube/errors";
import type { ControlPlaneHandle } from "../server/handle";
import { createOverviewService, type OverviewService } from "./overview-loader";

/**
 * The console's server-side services, created lazily on the control-plane handle (not at
 * import: route bundles and server components each import this module, but share the handle).
 */
export function consoleStorage(cp: ControlPlaneHandle): Storage {
  const storage = cp.services.storage as Storage | undefined;
  if (!storage) throw errors.serviceUnavailable("the store is not ready");
  return storage;
}

export function overviewService(cp: ControlPlaneHandle): OverviewService {
  const s = cp.services as { consoleOverview?: OverviewService };
  s.consoleOverview ??= createOverviewService(consoleStorage(cp));
  return s.consoleOverview;
}
