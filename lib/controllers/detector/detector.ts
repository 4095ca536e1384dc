import type { ResourceRegistry } from "../../kube/resources/registry";
import { defineController, type ControllerDefinition } from "../runtime/controller";
import type { ControllerDeps } from "../runtime/manager";
import type { Request } from "../runtime/keys";
import { POLICY_API, type DetectorContext } from "./context";
import { parseDetectorKey, policyRequest } from "./template-keys";
import { reconcilePolicy } from "./policy-reconcile";
import { reconcileTemplate } from "./template-reconcile";
import { TemplateWatcher } from "./template-watcher";

export const DETECTOR_CONTROLLER = "detector";

export interface DetectorOptions {
  registry: ResourceRegistry;
  /**
   * How keys reach the running controller (the manager builds the Controller after setup):
   * normally `(req) => manager.controller("detector")?.enqueue(req)`.
   */
  enqueue: (req: Request) => void;
  preemption?: boolean;
  skippedNamespaces?: readonly string[];
  workers?: number;
}

/**
 * Karmada's resource detector (karmada-api.md §7.1): matches every template against
 * (Cluster)PropagationPolicies, writes claims and (Cluster)ResourceBindings, and re-evaluates
 * on policy creation, change and deletion. Template kinds are watched dynamically (see
 * TemplateWatcher); policies through the definition's watches.
 */
export function detectorController(opts: DetectorOptions): (deps: ControllerDeps) => ControllerDefinition {
  return (deps) => {
    const templates = new TemplateWatcher(opts.registry, deps.informers, opts.enqueue, opts.skippedNamespaces);
    const ctx: DetectorContext = { client: deps.client, informers: deps.informers, events: deps.events, templates, enqueue: opts.enqueue, preemption: opts.preemption ?? true };
    templates.start();
    return defineController({
      name: DETECTOR_CONTROLLER,
      workers: opts.workers ?? 16,
      watches: [
        { apiVersion: POLICY_API, kind: "PropagationPolicy", map: (o) => [policyRequest(o)] },
        { apiVersion: POLICY_API, kind: "ClusterPropagationPolicy", map: (o) => [policyRequest(o)] },
      ],
      async reconcile(req) {
        const key = parseDetectorKey(req);
        if (!key) return;
        if (key.type === "policy") return reconcilePolicy(ctx, key);
        return reconcileTemplate(ctx, key);
      },
    });
  };
}
