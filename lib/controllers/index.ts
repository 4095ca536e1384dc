import type { ControllerSetup } from "./runtime/manager";
import type { ControlPlaneContext } from "./context";

/**
 * The control plane's controllers, by name, in start order (Karmada's
 * `controllers["binding"] = startBindingController`). Each feature area contributes its
 * setups here; `FLOTILLA_CONTROLLERS` (Karmada's --controllers syntax: "*", "name", "-name")
 * switches them on and off.
 */
export function controllerSetups(ctx: ControlPlaneContext): Record<string, ControllerSetup> {
  void ctx;
  return {};
}
