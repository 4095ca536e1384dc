import type { KubeObject } from "../kube/types";
import { asObj, gvk } from "./object-access";
import { cloneJson } from "../store/json-clone";

/**
 * Karmada's ReviseReplica hook (native/revisereplica.go): returns a copy with the per-cluster
 * replica count written where the kind keeps it: Deployment/ReplicaSet/StatefulSet
 * spec.replicas, Job spec.parallelism, only when the object already has that field
 * (helper.ApplyReplica). Other kinds are returned unchanged (copied).
 */
export function reviseReplica<T extends KubeObject>(obj: T, replicas: number): T {
  const out = cloneJson(obj);
  const spec = { ...asObj(out.spec) };
  let field: string;
  switch (gvk(obj)) {
    case "apps/v1/Deployment":
    case "apps/v1/ReplicaSet":
    case "apps/v1/StatefulSet":
      field = "replicas";
      break;
    case "batch/v1/Job":
      field = "parallelism";
      break;
    default:
      return out;
  }
  if (typeof spec[field] !== "number") return out;
  spec[field] = replicas;
  (out as KubeObject).spec = spec;
  return out;
}

/** Whether the kind has a replica hook (Deployment, ReplicaSet, StatefulSet, Job). */
export function hasReviseReplica(obj: Pick<KubeObject, "apiVersion" | "kind">): boolean {
  return ["apps/v1/Deployment", "apps/v1/ReplicaSet", "apps/v1/StatefulSet", "batch/v1/Job"].includes(gvk(obj));
}
