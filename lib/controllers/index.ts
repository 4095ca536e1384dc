import type { ControllerSetup, Manager } from "./runtime/manager";
import type { ControlPlaneContext } from "./context";
import { clusterServicesOf } from "../clusters/services";
import { clusterControllerSetups } from "../clusters/controllers";
import { schedulerController, ExplanationStore } from "./scheduler";
import { setupPropagationControllers } from "./propagation";

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
