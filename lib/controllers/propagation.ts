import type { ResourceRegistry } from "../kube/resources/registry";
import type { ControllerSetup } from "./runtime/manager";
import type { Request } from "./runtime/keys";
import { detectorController, DETECTOR_CONTROLLER } from "./detector/detector";
import { bindingController, BINDING_CONTROLLER, CLUSTER_BINDING_CONTROLLER } from "./binding/binding-controller";
import { executionController, EXECUTION_CONTROLLER } from "./execution/execution-controller";
import { MemberWatcher, memberObjectDrifted } from "./execution/member-watcher";
import type { MemberClients } from "./execution/member-clients";
import { AppliedVersions } from "./execution/applied-versions";
import { clusterOfExecutionNamespace } from "../kube/karmada";
import { workStatusController, WORK_STATUS_CONTROLLER } from "./work-status/work-status-controller";
import { bindingStatusController, BINDING_STATUS_CONTROLLER, CLUSTER_BINDING_STATUS_CONTROLLER } from "./binding-status/binding-status-controller";
import { dependenciesController, DEPENDENCIES_CONTROLLER } from "./dependencies/dependencies-controller";

/** The part of the Manager the propagation controllers need: enqueueing into a running controller by name. */
export interface ManagerLike {
  controller(name: string): { enqueue(req: Request): void; enqueueAfter?(req: Request, delayMs: number): void } | undefined;
}

/**
 * Coalescing window of status aggregation: member status bursts (a rollout) and Work status
 * bursts fold into one work-status / binding-status write each. Not on the Applied path.
 */
export const STATUS_COALESCE_MS = 100;

export interface PropagationDeps {
  /** The control plane's registry (template kinds, CRDs at run time, resource plurals). */
  registry: ResourceRegistry;
  /** Member cluster clients (lib/clusters' registry). */
  members: MemberClients;
  /** Periodic re-apply and status refresh of Works. Defaults: 5 min and 2 min. */
  executionResyncMs?: number;
  statusResyncMs?: number;
  /** Detector preemption (Karmada's alpha gate PropagationPolicyPreemption). Default true. */
  preemption?: boolean;
}

export interface PropagationControllers {
  /** Setups to put in the Manager's `controllers` (merge into controllerSetups()). */
  controllers: Record<string, ControllerSetup>;
  /** Stops the member watches (call on shutdown, after the manager stopped). */
  stop(): Promise<void>;
}

/**
 * Everything from template to member object and back: detector, propagateDeps, binding
 * (RB/CRB), execution (Push), work status and binding status (RB/CRB) controllers. `manager` is
 * read lazily at event time, so it may be created after this call, e.g.
 * `const p = setupPropagationControllers({ controller: (n) => manager?.controller(n) }, deps)`.
 * The scheduler controller is separate (lib/controllers/scheduler).
 */
export function setupPropagationControllers(manager: ManagerLike, deps: PropagationDeps): PropagationControllers {
  const enqueue = (name: string) => (req: Request) => manager.controller(name)?.enqueue(req);
  const watcher = new MemberWatcher({ members: deps.members });
  const versions = new AppliedVersions();
  watcher.onWorkEvent((work, obj, info) => {
    const cluster = clusterOfExecutionNamespace(work.namespace ?? "") ?? "";
    if (info?.deleted) versions.forget(cluster, obj);
    // Status-only member changes (a rollout progressing) are work-status business alone, and
    // the echo of our own apply (not a resync) is no drift. Neither is a watch's first list
    // (after a restart, every object): each Work's own reconcile compares after it.
    const echo = !info?.deleted && info?.old !== obj && versions.isOwnWrite(cluster, obj);
    if (!info?.initial && memberObjectDrifted(obj, info) && !echo) {
      // An event racing our own write is judged once the write answered.
      const run = () => enqueue(EXECUTION_CONTROLLER)(work);
      if (!versions.deferIfWriting(cluster, obj, run)) run();
    }
    const status = manager.controller(WORK_STATUS_CONTROLLER);
    if (status?.enqueueAfter) status.enqueueAfter(work, STATUS_COALESCE_MS);
    else status?.enqueue(work);
  });
  return {
    controllers: {
      [DETECTOR_CONTROLLER]: detectorController({ registry: deps.registry, enqueue: enqueue(DETECTOR_CONTROLLER), preemption: deps.preemption }),
      [DEPENDENCIES_CONTROLLER]: dependenciesController(),
      [BINDING_CONTROLLER]: bindingController("ResourceBinding"),
      [CLUSTER_BINDING_CONTROLLER]: bindingController("ClusterResourceBinding"),
      [EXECUTION_CONTROLLER]: executionController({ members: deps.members, watcher, versions, resyncMs: deps.executionResyncMs }),
      [WORK_STATUS_CONTROLLER]: workStatusController({ members: deps.members, watcher, resyncMs: deps.statusResyncMs }),
      [BINDING_STATUS_CONTROLLER]: bindingStatusController("ResourceBinding"),
      [CLUSTER_BINDING_STATUS_CONTROLLER]: bindingStatusController("ClusterResourceBinding"),
    },
    stop: () => watcher.stop(),
  };
}
