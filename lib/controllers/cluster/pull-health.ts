import type { Condition } from "../../kube/types";
import { toRfc3339 } from "../runtime/conditions";

/** What the monitor remembers of one Pull cluster between passes (Karmada's clusterHealthData). */
export interface PullHealth {
  /** The Ready condition last seen, serialised, to notice any change. */
  readySnapshot: string;
  /** When the cluster last showed a sign of life (condition change or Lease renewal), ms. */
  probeTimestamp: number;
  /** renewTime (ms) of the last Lease renewal seen. */
  leaseRenewMs?: number;
}

export interface PullHealthInput {
  ready: Condition | undefined;
  creationTimestamp?: string;
  /** spec.renewTime of the cluster's Lease in karmada-cluster, if any. */
  leaseRenewTime?: string;
  now: number;
  monitorGracePeriodMs: number;
  startupGracePeriodMs: number;
}

export const REASON_STATUS_UNKNOWN = "ClusterStatusUnknown";
export const REASON_STATUS_NEVER_UPDATED = "ClusterStatusNeverUpdated";

/**
 * Karmada's tryUpdateClusterHealth for Pull clusters, pure: refreshes the probe time when the
 * Ready condition changed or the Lease was renewed, and once nothing happened for the grace
 * period (the startup grace before any status) answers the Ready condition to write: Unknown
 * with ClusterStatusUnknown, or ClusterStatusNeverUpdated when no status was ever posted.
 * `next` is undefined when the condition needs no write.
 */
export function evaluatePullHealth(saved: PullHealth | undefined, input: PullHealthInput): { health: PullHealth; next?: Condition } {
  const { ready, now } = input;
  const snapshot = JSON.stringify(ready ?? null);
  const created = input.creationTimestamp ? Date.parse(input.creationTimestamp) : now;
  let health: PullHealth;
  if (!saved) health = { readySnapshot: snapshot, probeTimestamp: ready ? now : created };
  else if (saved.readySnapshot !== snapshot) health = { readySnapshot: snapshot, probeTimestamp: now };
  else health = { ...saved };
  const renew = input.leaseRenewTime ? Date.parse(input.leaseRenewTime) : NaN;
  if (!Number.isNaN(renew) && (health.leaseRenewMs === undefined || health.leaseRenewMs < renew)) {
    health.leaseRenewMs = renew;
    health.probeTimestamp = now;
  }
  const grace = ready ? input.monitorGracePeriodMs : input.startupGracePeriodMs;
  if (now <= health.probeTimestamp + grace) return { health };
  const stamp = toRfc3339(new Date(now));
  if (!ready) {
    const next: Condition = { type: "Ready", status: "Unknown", reason: REASON_STATUS_NEVER_UPDATED, message: "Cluster status controller never posted cluster status.", lastTransitionTime: stamp };
    return { health, next };
  }
  if (ready.status === "Unknown") return { health };
  const next: Condition = { ...ready, status: "Unknown", reason: REASON_STATUS_UNKNOWN, message: "Cluster status controller stopped posting cluster status.", lastTransitionTime: stamp };
  return { health, next };
}
