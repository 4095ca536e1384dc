import type { ControllerSetup, Manager } from "./runtime/manager";
import type { ControlPlaneContext } from "./context";
import { clusterServicesOf } from "../clusters/services";
import { clusterControllerSetups } from "../clusters/controllers";
import { schedulerController, ExplanationStore } from "./scheduler";
import { setupPropagationControllers } from "./propagation";
import { applicationFailoverController, gracefulEvictionController, noExecuteTaintController, taintManagerController } from "./failover";

/**
 * The control plane's controllers, by name, in start order (Karmada's
 * `controllers["binding"] = startBindingController`). `FLOTILLA_CONTROLLERS` (Karmada's
 * --controllers syntax: "*", "name", "-name") switches them on and off. Shared services the
 * REST routes also use (member registry, scheduling explanations) are published on
 * `ctx.services` so both sides hold the same instances.
 */
export function controllerSetups(ctx: ControlPlaneContext): { setups: Record<string, ControllerSetup>; stop(): Promise<void> } {
  const clusters = clusterServicesOf(ctx.services);
  const explanations = new ExplanationStore();
  ctx.services.schedulingExplanations = explanations;
  const propagation = setupPropagationControllers(
    { controller: (name) => (ctx.services.manager as Manager | undefined)?.controller(name) },
    { registry: ctx.registry, members: clusters.members },
  );
  const setups: Record<string, ControllerSetup> = {
    ...clusterControllerSetups({
      services: clusters,
      clusterStatusIntervalMs: ctx.config.clusterStatusIntervalMs,
      clusterGracePeriodMs: ctx.config.clusterGracePeriodMs,
    }),
    scheduler: schedulerController({ explanations }),
    // Failover is on by default (Karmada gates it off): a member that stays NotReady beyond the
    // grace period gets a NoExecute taint, and the taint manager moves untolerating workloads away.
    // Ready only turns False/Unknown after FLOTILLA_CLUSTER_GRACE_PERIOD_MS of failed probes, so the
    // NoExecute taint follows at once: failover = grace period + the policy's tolerationSeconds.
    "cluster-noexecute-taints": noExecuteTaintController({ gracePeriodMs: 0 }),
    "taint-manager": taintManagerController(),
    "graceful-eviction": gracefulEvictionController(),
    "application-failover": applicationFailoverController(),
    ...propagation.controllers,
  };
  return {
    setups,
    async stop() {
      await propagation.stop();
      await clusters.close();
    },
  };
}
