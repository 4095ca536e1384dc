import { LABEL_SANDBOX, type Cluster } from "../kube/karmada";
import { parseQuantity } from "../kube/quantity";
import type { CapacityPair, ClusterCapacity, ClusterHealth } from "./overview-types";

/** Sandboxes carry `flotilla.io/sandbox=true`: the UI marks them honestly. */
export function isSandbox(c: Pick<Cluster, "metadata">): boolean {
  return c.metadata.labels?.[LABEL_SANDBOX] === "true";
}

/** Health from the Ready condition, as Karmada's `kubectl get clusters` READY column reads it. */
export function clusterHealth(c: Pick<Cluster, "status">): { health: ClusterHealth; reason?: string; message?: string } {
  const ready = c.status?.conditions?.find((x) => x.type === "Ready");
  if (!ready) return { health: "Unknown", reason: "NoStatus", message: "the cluster has not reported status yet" };
  const health: ClusterHealth = ready.status === "True" ? "Ready" : ready.status === "False" ? "NotReady" : "Unknown";
  return { health, reason: ready.reason, message: ready.message };
}

/** Allocatable against allocated CPU (cores), memory (bytes) and pods from status.resourceSummary. */
export function clusterCapacity(c: Cluster): ClusterCapacity {
  const summary = c.status?.resourceSummary;
  const pair = (name: string): CapacityPair => ({
    allocatable: quantity(summary?.allocatable?.[name]),
    allocated: quantity(summary?.allocated?.[name]),
  });
  return { name: c.metadata.name ?? "", cpu: pair("cpu"), memory: pair("memory"), pods: pair("pods") };
}

function quantity(q: string | undefined): number {
  if (q === undefined) return 0;
  try {
    return parseQuantity(q);
  } catch {
    // a malformed quantity from a member must not break the whole overview
    return 0;
  }
}
