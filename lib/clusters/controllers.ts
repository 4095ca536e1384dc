import { clusterControllerSetup, CLUSTER_CONTROLLER_NAME } from "../controllers/cluster/cluster-controller";
import { clusterStatusControllerSetup, CLUSTER_STATUS_CONTROLLER_NAME } from "../controllers/cluster-status/cluster-status-controller";
import type { ControllerSetup } from "../controllers/runtime/manager";
import type { ClusterServices } from "./services";

export interface ClusterControllersDeps {
  services: ClusterServices;
  /** config.clusterStatusIntervalMs (default 10 s). */
  clusterStatusIntervalMs?: number;
  /** config.clusterGracePeriodMs (default 40 s): failures before Ready turns False and taints land. */
  clusterGracePeriodMs?: number;
  /** Recovery threshold; default min(30 s, grace period). */
  clusterSuccessThresholdMs?: number;
  /** Deadline of one member probe. Default min(5 s, interval). */
  probeTimeoutMs?: number;
  /** Members probed at once. Default 20. */
  probeConcurrency?: number;
  /** How often a drain re-checks. Default 2 s. */
  cleanupCheckIntervalMs?: number;
  /** Pull clusters: how often the Lease/health monitor looks. Default 5 s (Karmada's --cluster-monitor-period). */
  clusterMonitorPeriodMs?: number;
  /** Pull clusters: grace before their first status. Default 60 s (--cluster-startup-grace-period). */
  clusterStartupGracePeriodMs?: number;
}

/**
 * The clusters area's controllers by name, for the Manager's `controllers` map:
 * "cluster-controller" and "cluster-status-controller". After a cluster's drain the cluster
 * controller deletes its stored credentials and closes its member client.
 */
export function clusterControllerSetups(deps: ClusterControllersDeps): Record<string, ControllerSetup> {
  const { services } = deps;
  const interval = deps.clusterStatusIntervalMs ?? 10_000;
  return {
    [CLUSTER_CONTROLLER_NAME]: clusterControllerSetup({
      monitorGracePeriodMs: deps.clusterGracePeriodMs,
      monitorPeriodMs: deps.clusterMonitorPeriodMs,
      startupGracePeriodMs: deps.clusterStartupGracePeriodMs,
      cleanupCheckIntervalMs: deps.cleanupCheckIntervalMs,
      onClusterRemoved: async (name) => {
        await services.store.delete(name);
        await services.members.remove(name);
        services.metrics?.forget(name);
      },
    }),
    [CLUSTER_STATUS_CONTROLLER_NAME]: clusterStatusControllerSetup({
      members: services.members,
      intervalMs: interval,
      failureThresholdMs: deps.clusterGracePeriodMs,
      successThresholdMs: deps.clusterSuccessThresholdMs,
      probeTimeoutMs: deps.probeTimeoutMs ?? Math.min(5000, Math.max(interval, 500)),
      concurrency: deps.probeConcurrency,
      metrics: services.metrics,
    }),
  };
}

/** Adds the clusters area's controllers to a Manager's `controllers` map (before `new Manager`). */
export function setupClusterControllers(controllers: Record<string, ControllerSetup>, deps: ClusterControllersDeps): void {
  Object.assign(controllers, clusterControllerSetups(deps));
}
