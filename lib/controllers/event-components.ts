/**
 * The event source component Karmada's controllers record under (the `From` column of kubectl
 * describe), by Flotilla controller name (Karmada's --controllers names). Karmada names each
 * recorder after its controller's ControllerName constant; the scheduler records as its
 * schedulerName, "default-scheduler" unless set.
 */
const KARMADA_EVENT_COMPONENTS: Record<string, string> = {
  "cluster-controller": "cluster-controller",
  "cluster-status-controller": "cluster-status-controller",
  scheduler: "default-scheduler",
  // Stands in for Karmada's ClusterTaintPolicy controller, which taints failed clusters.
  "cluster-noexecute-taints": "cluster-taint-policy-controller",
  "taint-manager": "taint-manager",
  "graceful-eviction": "resource-binding-graceful-eviction-controller",
  "application-failover": "resource-binding-application-failover-controller",
  detector: "resource-detector",
  "dependencies-distributor": "dependencies-distributor",
  binding: "binding-controller",
  "cluster-resource-binding": "cluster-resource-binding-controller",
  execution: "execution-controller",
  "agent-execution": "execution-controller",
  "work-status": "work-status-controller",
  "binding-status": "resource-binding-status-controller",
  "cluster-resource-binding-status": "cluster-resource-binding-status-controller",
};

/** Karmada's event source component for a controller; the name itself for one Karmada lacks. */
export function eventComponentOf(controller: string): string {
  return KARMADA_EVENT_COMPONENTS[controller] ?? controller;
}
