import type { KubeObject } from "../kube/types";
import { asArray, asObj, at, gvk, num, str } from "./object-access";

export type Health = "Healthy" | "Unhealthy" | "Unknown";

/**
 * Karmada's default health interpreter (native/healthy.go) for a member object:
 * Deployment/StatefulSet: observedGeneration == generation, updatedReplicas >= spec.replicas
 * (when set), availableReplicas >= updatedReplicas. ReplicaSet: observed == generation and
 * availableReplicas >= spec.replicas. DaemonSet: observed == generation, updated >= desired,
 * available >= updated. Service: non-LoadBalancer healthy, LoadBalancer needs an ingress IP or
 * hostname; Ingress needs one too. PVC: phase Bound. Pod: Succeeded, or Running with Ready=True.
 * PDB: currentHealthy >= desiredHealthy. Kinds without a rule are Healthy.
 */
export function interpretHealth(obj: KubeObject): Health {
  const rule = RULES[gvk(obj)];
  if (!rule) return "Healthy";
  try {
    return rule(obj) ? "Healthy" : "Unhealthy";
  } catch {
    return "Unknown";
  }
}

/** Whether the kind has a built-in health rule. */
export function hasHealthRule(obj: Pick<KubeObject, "apiVersion" | "kind">): boolean {
  return gvk(obj) in RULES;
}

const status = (o: KubeObject) => asObj(o.status);
const generationObserved = (o: KubeObject) => num(status(o).observedGeneration) === num(o.metadata.generation);
const specReplicas = (o: KubeObject) => at(o, "spec", "replicas");

function rolloutHealthy(o: KubeObject): boolean {
  const s = status(o);
  if (!generationObserved(o)) return false;
  const want = specReplicas(o);
  if (typeof want === "number" && num(s.updatedReplicas) < want) return false;
  return num(s.availableReplicas) >= num(s.updatedReplicas);
}

function hasLoadBalancerIngress(o: KubeObject): boolean {
  return asArray(at(o, "status", "loadBalancer", "ingress")).some((i) => str(asObj(i).hostname) !== "" || str(asObj(i).ip) !== "");
}

const RULES: Record<string, (o: KubeObject) => boolean> = {
  "apps/v1/Deployment": rolloutHealthy,
  "apps/v1/StatefulSet": rolloutHealthy,
  "apps/v1/ReplicaSet": (o) => {
    const want = specReplicas(o);
    return generationObserved(o) && !(typeof want === "number" && num(status(o).availableReplicas) < want);
  },
  "apps/v1/DaemonSet": (o) => {
    const s = status(o);
    return generationObserved(o) && num(s.updatedNumberScheduled) >= num(s.desiredNumberScheduled) && num(s.numberAvailable) >= num(s.updatedNumberScheduled);
  },
  "v1/Service": (o) => at(o, "spec", "type") !== "LoadBalancer" || hasLoadBalancerIngress(o),
  "networking.k8s.io/v1/Ingress": hasLoadBalancerIngress,
  "v1/PersistentVolumeClaim": (o) => status(o).phase === "Bound",
  "v1/Pod": (o) => {
    const s = status(o);
    if (s.phase === "Succeeded") return true;
    const ready = asArray(s.conditions).find((c) => asObj(c).type === "Ready");
    return s.phase === "Running" && asObj(ready).status === "True";
  },
  "policy/v1/PodDisruptionBudget": (o) => num(status(o).currentHealthy) >= num(status(o).desiredHealthy),
};
