import type { Storage } from "../apiserver/storage";
import { errors } from "../kube/errors";
import type { ControlPlaneHandle } from "../server/handle";
import { createLiveOverviewService, type LiveOverviewService } from "./overview-live";

/**
 * The console's server-side services, created lazily on the control-plane handle (not at
 * import: route bundles and server components each import this module, but share the handle).
 */
export function consoleStorage(cp: ControlPlaneHandle): Storage {
  const storage = cp.services.storage as Storage | undefined;
  if (!storage) throw errors.serviceUnavailable("the store is not ready");
  return storage;
}

/**
 * The overview, aggregated once and kept current by a watch (lib/console/overview-live.ts):
 * with 10,000 bindings a request must not read them all.
 */
export function overviewService(cp: ControlPlaneHandle): Pick<LiveOverviewService, "get"> {
  const s = cp.services as { consoleOverviewLive?: LiveOverviewService };
  s.consoleOverviewLive ??= createLiveOverviewService(consoleStorage(cp));
  return s.consoleOverviewLive;
}
