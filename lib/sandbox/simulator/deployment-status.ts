import type { KubeObject } from "../../kube/types";
import { dict } from "./pod-util";

type Dict = Record<string, unknown>;

export const REVISION = "deployment.kubernetes.io/revision";

/** apps/v1 DeploymentCondition write: remove-and-append on change (so the final order is Available, Progressing). */
export function setDeploymentCondition(conditions: Dict[], type: string, status: string, reason: string, message: string, now: string): Dict[] {
  const old = conditions.find((c) => c.type === type);
  if (old && old.status === status && old.reason === reason && old.message === message) return conditions;
  const next = {
    type,
    status,
    lastUpdateTime: now,
    lastTransitionTime: old && old.status === status ? old.lastTransitionTime : now,
    reason,
    message,
  };
  return [...conditions.filter((c) => c.type !== type), next];
}

export function rsReplicas(rs: KubeObject, field: "replicas" | "readyReplicas" | "availableReplicas", fromStatus = true): number {
  return Number((fromStatus ? dict(rs.status) : dict(rs.spec))[field] ?? 0);
}

/**
 * The Deployment status kube's calculateStatus derives from its ReplicaSets, with the
 * Available condition (MinimumReplicasAvailable / MinimumReplicasUnavailable) and the
 * Progressing condition the caller decided.
 */
export function deploymentStatus(
  deploy: KubeObject,
  newRs: KubeObject | undefined,
  all: KubeObject[],
  maxUnavailable: number,
  progressing: { reason: string; message: string } | undefined,
  now: string,
): Dict {
  const prev = dict(deploy.status);
  const replicas = Number(dict(deploy.spec).replicas ?? 1);
  const available = all.reduce((s, r) => s + rsReplicas(r, "availableReplicas"), 0);
  const total = all.reduce((s, r) => s + rsReplicas(r, "replicas", false), 0);
  let conditions = (prev.conditions as Dict[] | undefined) ?? [];
  // Available first, then Progressing: the order kube's syncRolloutStatus writes them in.
  conditions =
    available >= replicas - maxUnavailable
      ? setDeploymentCondition(conditions, "Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", now)
      : setDeploymentCondition(conditions, "Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", now);
  if (progressing) conditions = setDeploymentCondition(conditions, "Progressing", "True", progressing.reason, progressing.message, now);
  const status: Dict = {
    observedGeneration: deploy.metadata.generation ?? 1,
    replicas: all.reduce((s, r) => s + rsReplicas(r, "replicas"), 0),
    updatedReplicas: newRs ? rsReplicas(newRs, "replicas") : 0,
    readyReplicas: all.reduce((s, r) => s + rsReplicas(r, "readyReplicas"), 0),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
    conditions,
  };
  if (prev.collisionCount !== undefined) status.collisionCount = prev.collisionCount;
  // Kubernetes omits zero counters from the stored status.
  for (const k of ["replicas", "updatedReplicas", "readyReplicas", "availableReplicas", "unavailableReplicas"]) if (status[k] === 0) delete status[k];
  return status;
}

/** Rollout complete: every replica updated and available, no old ones left (DeploymentComplete). */
export function rolloutComplete(deploy: KubeObject, status: Dict): boolean {
  const replicas = Number(dict(deploy.spec).replicas ?? 1);
  return Number(status.updatedReplicas ?? 0) === replicas && Number(status.replicas ?? 0) === replicas && Number(status.availableReplicas ?? 0) === replicas;
}
