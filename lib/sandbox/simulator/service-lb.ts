import { defineController, type ControllerDefinition } from "../../controllers/runtime/controller";
import type { SimContext } from "./context";
import { dict } from "./pod-util";

export const SERVICE_CONTROLLER = "service-controller";

/**
 * The cloud provider's load balancer: a LoadBalancer Service gets an ingress IP after the
 * sandbox's start-up delay (EnsuringLoadBalancer, then EnsuredLoadBalancer events); a Service
 * that stops being a LoadBalancer loses it.
 */
export function serviceLoadBalancerController(sim: SimContext): ControllerDefinition {
  const events = sim.recorder(SERVICE_CONTROLLER);
  let next = 0;
  return defineController({
    name: SERVICE_CONTROLLER,
    watches: [{ apiVersion: "v1", kind: "Service" }],
    async reconcile(req) {
      const svc = sim.informersGet("v1", "Service", req.namespace, req.name);
      if (!svc || svc.metadata.deletionTimestamp) return;
      const ingress = (dict(dict(svc.status).loadBalancer).ingress as unknown[] | undefined) ?? [];
      const isLb = dict(svc.spec).type === "LoadBalancer";
      if (!isLb) {
        if (ingress.length) await sim.client.updateStatus({ ...svc, status: { ...dict(svc.status), loadBalancer: {} } });
        return;
      }
      if (ingress.length) return;
      const created = Date.parse(svc.metadata.creationTimestamp ?? "") || sim.clock.now();
      const wait = created + sim.spec.startupDelayMs - sim.clock.now();
      if (wait > 0) {
        events.event(svc, "Normal", "EnsuringLoadBalancer", "Ensuring load balancer");
        return { requeueAfterMs: wait };
      }
      const ip = `172.20.${Math.floor(next / 250) % 250}.${(next++ % 250) + 1}`;
      await sim.client.updateStatus({ ...svc, status: { ...dict(svc.status), loadBalancer: { ingress: [{ ip, ipMode: "VIP" }] } } });
      events.event(svc, "Normal", "EnsuredLoadBalancer", "Ensured load balancer");
    },
  });
}
